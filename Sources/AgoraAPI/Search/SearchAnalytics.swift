import AgoraDomain
import AgoraStore
import Foundation
import Logging

/// Counts searches, searches that found nothing, clicks on results and category page views in memory, and adds
/// them to the analytics tables at most every `flushInterval` (and when the day changes), so that a busy search
/// costs no write per request. Nothing personal is counted: normalized query words and category ids only. Counts
/// not yet written when the process stops are lost (at most `flushInterval` of them).
actor SearchAnalytics {
    static let flushInterval: TimeInterval = 10
    /// Distinct queries held before a write is forced, so memory stays bounded under a flood of unique queries.
    static let maximumPending = 5_000

    private let repository: SearchStatisticsRepository
    private let clock: any AgoraClock
    private let logger: Logger
    private var tally: SearchTally
    private var lastFlush: Date
    private var writing: Task<Void, Never>?

    init(store: Store, clock: any AgoraClock, logger: Logger) {
        repository = SearchStatisticsRepository(store: store)
        self.clock = clock
        self.logger = logger
        tally = SearchTally(day: SearchTally.day(of: clock.now))
        lastFlush = clock.now
    }

    func recordSearch(_ terms: SearchTerms, categoryID: Int64?, total: Int) {
        rollOver()
        if !terms.isEmpty {
            tally.queries[terms.normalized, default: .init()].searches += 1
            if total == 0 { tally.queries[terms.normalized, default: .init()].zeroResults += 1 }
        }
        if let categoryID { tally.categories[categoryID, default: .init()].searches += 1 }
        flushIfDue()
    }

    func recordClick(_ terms: SearchTerms) {
        guard !terms.isEmpty else { return }
        rollOver()
        tally.queries[terms.normalized, default: .init()].clicks += 1
        flushIfDue()
    }

    func recordView(categoryID: Int64) {
        rollOver()
        tally.categories[categoryID, default: .init()].views += 1
        flushIfDue()
    }

    /// Writes what is pending and waits for it: before reading the tables back.
    func flush() async {
        startWrite()
        await writing?.value
    }

    /// A new day starts a new tally; the old one is written.
    private func rollOver() {
        let today = SearchTally.day(of: clock.now)
        if today != tally.day { startWrite(next: today) }
    }

    private func flushIfDue() {
        if clock.now.timeIntervalSince(lastFlush) >= Self.flushInterval || tally.queries.count >= Self.maximumPending {
            startWrite()
        }
    }

    /// Hands the current tally to a write that runs after the previous one, and starts a new tally.
    private func startWrite(next day: String? = nil) {
        let pending = tally
        tally = SearchTally(day: day ?? tally.day)
        lastFlush = clock.now
        guard !pending.isEmpty else { return }
        let previous = writing
        writing = Task { [repository, logger] in
            await previous?.value
            do {
                try await repository.add(pending)
            } catch {
                logger.warning("search analytics were not written: \(error)")
            }
        }
    }
}
