import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

@Suite("Search analytics stay bounded")
struct SearchStatisticsCapTests {
    func tally(_ day: String, _ queries: [String: Int]) -> SearchTally {
        var tally = SearchTally(day: day)
        for (query, searches) in queries { tally.queries[query] = .init(searches: searches, zeroResults: 1, clicks: 0) }
        return tally
    }

    @Test("past the day's cap, new queries are counted together; queries the day knows keep counting; old days are purged", arguments: TestDatabase.engines)
    func cap(engine: TestDatabase) async throws {
        try await engine.withStore { store in
            let repository = SearchStatisticsRepository(store: store)
            try await repository.add(tally("2026-11-01", ["swift": 5, "rust": 4]), queriesPerDay: 3)
            // One place is left: the most searched new query takes it, the others are folded.
            try await repository.add(tally("2026-11-01", ["go": 3, "zig": 1, "odin": 2, "swift": 1]), queriesPerDay: 3)
            try await repository.add(tally("2026-11-01", ["haskell": 7, "rust": 1]), queriesPerDay: 3)
            let top = try await repository.topQueries(since: "2026-11-01", limit: 10)
            let counts = Dictionary(uniqueKeysWithValues: top.map { ($0.query, $0.searches) })
            #expect(counts == ["swift": 6, "rust": 5, "go": 3, SearchStatisticsRepository.otherQueries: 10])
            #expect(top.reduce(0) { $0 + $1.searches } == 24, "no search is lost, only its words")

            try await repository.add(tally("2026-11-02", ["elixir": 2]), queriesPerDay: 3)
            #expect(try await repository.purge(before: "2026-11-02") == 4)
            #expect(try await repository.topQueries(since: "2026-01-01", limit: 10).map(\.query) == ["elixir"])
        }
    }
}
