import AgoraTestSupport
import Foundation
import Testing

@Suite("Test engines")
struct EnginesTests {
    @Test("CI runs every store test on PostgreSQL too")
    func postgresInCI() {
        let inCI = ProcessInfo.processInfo.environment["CI"] == "true"
        #expect(!inCI || TestDatabase.engines.contains(.postgresql), "CI must run through Tests/Support/with-postgres.sh")
    }
}
