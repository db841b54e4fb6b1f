import AgoraAPI
import AgoraJobs

/// Watch mode's wiring: each build the watcher runs becomes an event for the pages open on the live-reload stream.
struct LiveReloadAnnouncer: SiteWatchListener {
    let hub: LiveReloadHub

    func built(_ outcome: SiteWatcher.Outcome) {
        switch outcome {
        case .rebuilt: hub.publish(.reload)
        case .failed(let message): hub.publish(.error(message))
        }
    }

    func stopped() { hub.finish() }
}
