import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Logging

/// Emails the owners of saved searches with an alert when providers who joined since the last check match them.
/// Each search is checked at most once per `gap`; the email and the new check time are written in one
/// transaction. The email is optional mail: it carries a one-click unsubscribe, and the worker does not send it to
/// an address that unsubscribed.
public struct SavedSearchAlertJob: PeriodicJob {
    let store: Store
    let composer: EmailComposer
    let clock: any AgoraClock
    public let interval: Duration
    let gap: TimeInterval
    public let logger: Logger
    public let name = "saved-search alerts"

    /// Searches handled per pass.
    static let batchSize = 100
    /// Names listed in the email.
    static let namesShown = 3

    public init(
        store: Store, composer: EmailComposer,
        clock: any AgoraClock = SystemClock(), interval: Duration = .seconds(600), gap: TimeInterval = 24 * 3_600,
        logger: Logger = Logger(label: "agora.jobs.search-alerts")
    ) {
        self.store = store
        self.composer = composer
        self.clock = clock
        self.interval = interval
        self.gap = gap
        self.logger = logger
    }

    /// One pass over the searches that are due; returns how many emails it queued.
    @discardableResult
    public func runOnce() async throws -> Int {
        let now = clock.now
        let repository = SavedSearchRepository(store: store)
        let due = try await repository.dueAlerts(checkedBefore: now.addingTimeInterval(-gap), limit: Self.batchSize)
        guard !due.isEmpty else { return 0 }
        let search = ProviderSearch(store: store)
        let categories = try await CategoryRepository(store: store).tree()
        let snapshot = try await SearchSnapshot.load(from: store, now: now)
        var queued = 0
        for (saved, address, firstName) in due {
            var email: NewOutboxEmail?
            if var query = try? ProviderSearchQuery(parameters: SavedSearchForm.pairs(of: saved.query) ?? []) {
                query.joinedAfter = saved.alertCheckedAt
                query.sort = .relevance
                query.limit = Self.namesShown
                // A search whose category has gone finds nothing: the check moves on without an email.
                if let result = try? await search.run(query, snapshot: snapshot, categories: categories), result.total > 0,
                   let recipient = try? Email(address) {
                    email = try composer.compose("saved-search-alert", to: recipient.value, values: [
                        "first_name": firstName,
                        "search_name": saved.name,
                        "count_text": result.total == 1 ? "1 new provider" : "\(result.total) new providers",
                        "names": result.hits.map(\.profile.displayName).joined(separator: ", "),
                        "link": composer.baseURL + PagePaths.search(query: saved.query),
                    ], kind: .optional(.allOptionalMail))
                }
            }
            try await repository.markAlerted(saved.id, checkedAt: now, email: email)
            if email != nil { queued += 1 }
        }
        if queued > 0 { logger.info("saved-search alerts", metadata: ["queued": "\(queued)", "checked": "\(due.count)"]) }
        return queued
    }
}
