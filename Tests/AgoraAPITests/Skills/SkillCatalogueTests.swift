@testable import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import Testing

@Suite("Skill catalogue")
struct SkillCatalogueTests {
    @Test("skills are suggested, those of the categories first; a profile's skills take the catalogue's spelling and only five are free", arguments: TestDatabase.engines)
    func profileSkills(engine: TestDatabase) async throws {
        try await ProfileTests.with(engine) { harness, rita, category in
            let typed = try await harness.send(.get, "/api/skills?q=re")
            #expect(typed.status == .ok && typed.headers[.cacheControl] == SkillRoutes.cacheControl)
            let names = try #require(try typed.json()["skills"] as? [String])
            #expect(names.contains("React") && names.contains("REST APIs") && names.allSatisfy { $0.lowercased().hasPrefix("re") })
            let forCategory = try #require(try await harness.send(.get, "/api/skills?categories=\(category)").json()["skills"] as? [String])
            #expect(!forCategory.isEmpty && forCategory == forCategory.sorted())
            let ranked = try #require(try await harness.send(.get, "/api/skills?q=s&categories=\(category)").json()["skills"] as? [String])
            #expect(Set(ranked.prefix(forCategory.filter { $0.lowercased().hasPrefix("s") }.count)) == Set(forCategory.filter { $0.lowercased().hasPrefix("s") }))
            #expect(Set(try await harness.send(.get, "/api/skills?categories=Not%20a%20slug&colour=red").fieldErrors) == ["categories", "colour"])
            #expect(try await harness.send(.get, "/api/skills?q=%25").json()["skills"] as? [String] == [], "a LIKE wildcard is a letter")

            let skills = #"["swift", "postgresql", "Sourdough", "Croissants", "Baguettes", "Brioche", "Focaccia"]"#
            let saved = try await harness.send(.put, "/api/users/profile", json: ProfileTests.profileJSON(version: 0, category: category, ["skills": skills]), bearer: rita.accessToken)
            #expect(saved.status == .ok, "\(saved.text)")
            #expect(try (saved.json()["profile"] as? [String: Any]).flatMap { $0["content"] as? [String: Any] }?["skills"] as? [String] ==
                ["Swift", "PostgreSQL", "Sourdough", "Croissants", "Baguettes", "Brioche", "Focaccia"])
            let tooMany = #"["Swift", "Sourdough", "Croissants", "Baguettes", "Brioche", "Focaccia", "Pretzels"]"#
            let refused = try await harness.send(.put, "/api/users/profile", json: ProfileTests.profileJSON(version: 1, category: category, ["skills": tooMany]), bearer: rita.accessToken)
            #expect(refused.fieldErrors == ["skills"] && refused.text.contains("Pretzels"))
            #expect(try await harness.send(.get, "/api/users/profile/versions", bearer: rita.accessToken).json()["versions"].map { ($0 as? [Any])?.count } == 1)
        }
    }

    @Test("staff with categories.edit add and remove skills, audited; others are kept out; a removed skill stays on profiles as the provider's own", arguments: TestDatabase.engines)
    func administration(engine: TestDatabase) async throws {
        try await ProfileTests.with(engine) { harness, rita, category in
            let editor = try await harness.signedInStaff("cat@example.com", role: .contentEditor)
            let added = try await harness.send(.post, "/api/admin/skills", json: #"{"name": "Sourdough", "categories": ["\#(category)"]}"#, bearer: editor.accessToken)
            #expect(added.status == .created, "\(added.text)")
            let id = try #require((try added.json()["id"] as? NSNumber)?.int64Value)
            #expect(try await harness.send(.post, "/api/admin/skills", json: #"{"name": "SOURDOUGH"}"#, bearer: editor.accessToken).status == .conflict)
            #expect(Set(try await harness.send(.post, "/api/admin/skills", json: #"{"name": " ", "categories": ["Bad Slug"]}"#, bearer: editor.accessToken).fieldErrors) == ["name", "categories[0]"])
            #expect(try await harness.send(.post, "/api/admin/skills", json: #"{"name": "Rye", "categories": ["no-such-category"]}"#, bearer: editor.accessToken).fieldErrors == ["categories[0]"])
            let listed = try #require(try await harness.send(.get, "/api/admin/skills", bearer: editor.accessToken).json()["skills"] as? [[String: Any]])
            #expect(listed.contains { $0["name"] as? String == "Sourdough" && $0["categories"] as? [String] == [category] })

            let saved = try await harness.send(.put, "/api/users/profile", json: ProfileTests.profileJSON(version: 0, category: category, ["skills": #"["sourdough"]"#]), bearer: rita.accessToken)
            #expect(try (saved.json()["profile"] as? [String: Any]).flatMap { $0["content"] as? [String: Any] }?["skills"] as? [String] == ["Sourdough"])
            #expect(try await harness.send(.delete, "/api/admin/skills/\(id)", bearer: editor.accessToken).status == .noContent)
            #expect(try await harness.send(.delete, "/api/admin/skills/\(id)", bearer: editor.accessToken).status == .notFound)
            #expect(try await harness.send(.get, "/api/users/profile", bearer: rita.accessToken).json()["content"].flatMap { ($0 as? [String: Any])?["skills"] as? [String] } == ["Sourdough"])
            let audit = try await harness.send(.get, "/api/admin/audit-log?action=skill.remove", bearer: try await harness.signedInAdministrator().accessToken)
            #expect(audit.text.contains("Sourdough"))

            let moderator = try await harness.signedInStaff("mo@example.com", role: .moderator)
            for (method, path) in [(HTTPRequest.Method.get, "/api/admin/skills"), (.post, "/api/admin/skills"), (.delete, "/api/admin/skills/1")] {
                #expect(try await harness.send(method, path, json: method == .post ? #"{"name": "Rye"}"# : nil, bearer: moderator.accessToken).status == .forbidden, "\(path)")
            }
            #expect(try await harness.send(.get, "/api/admin/skills", bearer: rita.accessToken).status == .forbidden)
        }
    }
}
