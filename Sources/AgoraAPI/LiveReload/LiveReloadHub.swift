import NIOConcurrencyHelpers

/// What `agora serve --watch` tells the open pages after a rebuild.
public enum LiveReloadEvent: Sendable, Equatable {
    /// The site changed: reload.
    case reload
    /// The build failed: show the message (file and line) over the page.
    case error(String)
}

/// Hands each event to every page listening on `/api/dev/events`.
public final class LiveReloadHub: Sendable {
    private let subscribers = NIOLockedValueBox<[Int: AsyncStream<LiveReloadEvent>.Continuation]>([:])
    private let nextID = NIOLockedValueBox(0)

    public init() {}

    /// A stream of the events published from now on; it ends when the hub is finished.
    public func subscribe() -> AsyncStream<LiveReloadEvent> {
        let id = nextID.withLockedValue { value in
            value += 1
            return value
        }
        let (stream, continuation) = AsyncStream<LiveReloadEvent>.makeStream(bufferingPolicy: .bufferingNewest(8))
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLockedValue { $0.removeValue(forKey: id) }
        }
        subscribers.withLockedValue { $0[id] = continuation }
        return stream
    }

    public var subscriberCount: Int { subscribers.withLockedValue { $0.count } }

    public func publish(_ event: LiveReloadEvent) {
        for continuation in subscribers.withLockedValue({ Array($0.values) }) { continuation.yield(event) }
    }

    /// Ends every stream, so that the server can stop.
    public func finish() {
        for continuation in subscribers.withLockedValue({ Array($0.values) }) { continuation.finish() }
    }
}
