@testable import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HummingbirdTesting
import Testing

@Suite("Audit log search and export")
struct AuditLogRoutesTests {
    @Test("staff with audit.read search the log by action, target and day, page by page, and export it as CSV", arguments: TestDatabase.engines)
    func searchAndExport(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            let admin = try await harness.signedInAdministrator()
            for name in ["Alpha Works", "Beta Works", "Gamma Works"] {
                #expect(try await harness.send(.post, "/api/admin/categories", json: #"{"name": "\#(name)"}"#, bearer: admin.accessToken).status == .created)
            }
            let all = try await harness.send(.get, "/api/admin/audit-log", bearer: admin.accessToken).json()
            let entries = try #require(all["entries"] as? [[String: Any]])
            #expect(entries.count == 3)
            #expect((entries.first?["after"] as? [String: String])?["name"] == "Gamma Works", "newest first")
            #expect(entries.allSatisfy { $0["actor_id"] as? Int == Int(admin.userID) && $0["action"] as? String == "category.create" })

            let first = try await harness.send(.get, "/api/admin/audit-log?limit=2", bearer: admin.accessToken).json()
            #expect((first["entries"] as? [Any])?.count == 2)
            let next = try #require(first["next_before"] as? Int)
            let second = try await harness.send(.get, "/api/admin/audit-log?limit=2&before=\(next)", bearer: admin.accessToken).json()
            #expect((second["entries"] as? [Any])?.count == 1 && second["next_before"] == nil)

            let targetID = try #require(entries.last?["target_id"] as? Int)
            let one = try await harness.send(.get, "/api/admin/audit-log?target=category&target_id=\(targetID)&action=category.create", bearer: admin.accessToken).json()
            #expect((one["entries"] as? [Any])?.count == 1)
            let today = try await harness.send(.get, "/api/admin/audit-log?from=2026-09-21&to=2026-09-21", bearer: admin.accessToken).json()
            let none = try await harness.send(.get, "/api/admin/audit-log?from=2020-01-01&to=2020-01-02", bearer: admin.accessToken).json()
            #expect((today["entries"] as? [Any])?.count == 3 && (none["entries"] as? [Any])?.isEmpty == true)

            let bad = try await harness.send(.get, "/api/admin/audit-log?action=nope&from=2026-13-01&limit=0&colour=red", bearer: admin.accessToken)
            #expect(bad.status == .badRequest)
            #expect(Set(bad.fieldErrors) == ["action", "from", "limit", "colour"])
            let worse = try await harness.send(.get, "/api/admin/audit-log?actor=ada&before=0&target=planet&target_id=-2&to=yesterday", bearer: admin.accessToken)
            #expect(worse.status == .badRequest)
            #expect(Set(worse.fieldErrors) == ["actor", "before", "target", "target_id", "to"])
            #expect(try await harness.send(.get, "/api/admin/audit-log/export.csv?action=nope", bearer: admin.accessToken).fieldErrors == ["action"])

            let csv = try await harness.send(.get, "/api/admin/audit-log/export.csv?action=category.create", bearer: admin.accessToken)
            #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = csv.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.count == 4 && lines[0] == AuditLogCSV.header.trimmingCharacters(in: .newlines))
            #expect(lines[1].contains("category.create") && lines[1].contains("\"{\"\"active\"\":\"\"true\"\""))
        }
    }

    @Test("a CSV field is quoted when it must be, and never starts a formula")
    func csvFields() {
        #expect(CSVText.field("plain") == "plain")
        #expect(CSVText.field(#"a,"b""#) == #""a,""b""""#)
        #expect(CSVText.field("line\nbreak") == "\"line\nbreak\"")
        for formula in ["=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)"] {
            #expect(CSVText.field(formula).dropFirst(formula.contains("\"") ? 1 : 0).hasPrefix("'"))
        }
    }
}
