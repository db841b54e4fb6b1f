import AgoraStore
import Foundation
import Prometheus

/// What `/metrics` reports, in the Prometheus text format: requests counted and timed by route pattern (the API's
/// `/api/orders/{id}`, never a path with an id or a token in it; every site file as `site`), and, read when scraped,
/// the backlogs of the queues the workers drain — the site-changes queue and the email outbox — and of the moderation
/// queue, and how long the oldest waiting item of each has waited; and this instance's live chat connections.
final class ServiceMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let store: Store
    private let chat: RoomHub
    private let chatConnections: Gauge
    private let chatRooms: Gauge
    private let siteChangesWaiting: Gauge
    private let siteChangesFailed: Gauge
    private let siteChangesLag: Gauge
    private let emailsWaiting: Gauge
    private let emailsFailed: Gauge
    private let emailsLag: Gauge
    private let siteBuildLast: Gauge
    private let siteBuildLongest: Gauge
    private let moderationWaiting: Gauge
    private let moderationLag: Gauge

    /// Request latency buckets, from a cached page to a slow export.
    static let buckets: [Duration] = [.milliseconds(5), .milliseconds(25), .milliseconds(100), .milliseconds(250), .milliseconds(1_000), .seconds(5)]

    init(store: Store, chat: RoomHub) {
        self.store = store
        self.chat = chat
        chatConnections = registry.makeGauge(name: "agora_chat_connections", help: "Live chat connections listening to a room on this instance")
        chatRooms = registry.makeGauge(name: "agora_chat_rooms", help: "Rooms with a live connection on this instance")
        siteChangesWaiting = registry.makeGauge(name: "agora_site_changes_waiting", help: "Site changes queued or building")
        siteChangesFailed = registry.makeGauge(name: "agora_site_changes_failed", help: "Site changes whose build failed for good")
        siteChangesLag = registry.makeGauge(name: "agora_site_changes_lag_seconds", help: "How long the oldest waiting site change has waited")
        emailsWaiting = registry.makeGauge(name: "agora_emails_waiting", help: "Emails in the outbox not sent yet")
        emailsFailed = registry.makeGauge(name: "agora_emails_failed", help: "Emails the outbox gave up on")
        emailsLag = registry.makeGauge(name: "agora_emails_lag_seconds", help: "How long the oldest waiting email has waited")
        siteBuildLast = registry.makeGauge(name: "agora_site_build_last_seconds", help: "How long the latest site build ran")
        siteBuildLongest = registry.makeGauge(name: "agora_site_build_longest_seconds", help: "The longest site build of the last hour")
        moderationWaiting = registry.makeGauge(name: "agora_moderation_waiting", help: "Moderation items waiting for a decision")
        moderationLag = registry.makeGauge(name: "agora_moderation_lag_seconds", help: "How long the oldest waiting moderation item has waited")
    }

    /// Counts and times one answered request.
    func record(method: String, route: String, status: Int, duration: Duration) {
        registry.makeCounter(
            name: "agora_http_requests_total", labels: [("method", method), ("route", route), ("status", String(status))],
            help: "Requests answered, by method, route pattern and status"
        ).increment()
        registry.makeDurationHistogram(
            name: "agora_http_request_duration_seconds", labels: [("method", method), ("route", route)], buckets: Self.buckets,
            help: "Time to answer, by method and route pattern"
        ).record(duration)
    }

    /// Reads the backlogs, then the whole report.
    func report(now: Date) async throws -> String {
        let queues = try await QueueBacklogs.read(store: store, now: now)
        siteChangesWaiting.set(Double(queues.siteChangesWaiting))
        siteChangesFailed.set(Double(queues.siteChangesFailed))
        siteChangesLag.set(queues.siteChangesLag)
        emailsWaiting.set(Double(queues.emailsWaiting))
        emailsFailed.set(Double(queues.emailsFailed))
        emailsLag.set(queues.emailsLag)
        siteBuildLast.set(queues.siteBuildLast)
        siteBuildLongest.set(queues.siteBuildLongestLastHour)
        moderationWaiting.set(Double(queues.moderationWaiting))
        moderationLag.set(queues.moderationLag)
        chatConnections.set(Double(await chat.connections))
        chatRooms.set(Double(await chat.roomIDs.count))
        return registry.emitToString()
    }
}
