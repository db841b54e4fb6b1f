@testable import AgoraStore
import AgoraTestSupport
import SQLKit
import Testing

@Suite("Reading optional columns")
struct SQLRowDecodingTests {
    @Test("a value, a NULL as nil, and a missing column as an error, on either engine", arguments: TestDatabase.engines)
    func decodeIfPresent(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let row = try #require(try await store.sql.raw("SELECT 'Lyon' AS city, NULL AS region").first())
            #expect(try row.decodeIfPresent(column: "city", as: String.self) == "Lyon")
            #expect(try row.decodeIfPresent(column: "region", as: String.self) == nil)
            #expect(throws: (any Error).self) { try row.decodeIfPresent(column: "country", as: String.self) }
        }
    }
}
