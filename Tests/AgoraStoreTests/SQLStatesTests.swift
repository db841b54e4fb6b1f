import AgoraDomain
@testable import AgoraStore
import AgoraTestSupport
import Foundation
import SQLKit
import Testing

@Suite("States in SQL")
struct SQLStatesTests {
    /// Every state the domain and the store name with an enum.
    static let states: Set<String> = Set(
        OrderStatus.allCases.map(\.rawValue) + ProposalStatus.allCases.map(\.rawValue) + VerificationStatus.allCases.map(\.rawValue)
            + UserType.allCases.map(\.rawValue) + TestimonialStatus.allCases.map(\.rawValue) + ProjectStatus.allCases.map(\.rawValue)
            + Availability.allCases.map(\.rawValue) + SiteChange.Kind.allCases.map(\.rawValue) + NotificationKind.allCases.map(\.rawValue)
            + [OutboxEmail.Status.pending, .sending, .sent, .failed].map(\.rawValue)
            + [QueuedSiteChange.Status.pending, .building, .done, .failed].map(\.rawValue)
            + [OrderRoute.Source.matched, .admin, .client].map(\.rawValue)
    )

    @Test("queries name states through their enums, never as quoted text (migrations, the schema's history, excepted)")
    func noStateSpelledInSQL() throws {
        let folder = RepositoryPaths.root.appendingPathComponent("Sources/AgoraStore")
        let files = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".swift") && !$0.hasPrefix("Migrations/") }
        #expect(files.count > 30)
        var spelled: [String] = []
        for file in files.sorted() {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for state in Self.states where text.contains("'\(state)'") {
                spelled.append("Sources/AgoraStore/\(file): '\(state)'")
            }
        }
        #expect(spelled == [])
    }

    @Test("a state is written as the literal of its raw value", arguments: TestDatabase.engines)
    func stateLiteral(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let query: SQLQueryString = "status IN (\(states: ProposalStatus.live)) AND kind = \(state: SiteChange.Kind.provider)"
            var serializer = SQLSerializer(database: store.sql)
            query.serialize(to: &serializer)
            #expect(serializer.sql == "status IN ('submitted', 'countered', 'revised') AND kind = 'provider'")
            #expect(serializer.binds.isEmpty)
        }
    }
}
