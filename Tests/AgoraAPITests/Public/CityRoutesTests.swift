@testable import AgoraAPI
import AgoraDomain
import AgoraTestSupport
import Foundation
import HTTPTypes
import Testing

@Suite("City suggestions")
struct CityRoutesTests {
    @Test("cities are suggested as a provider types; bad parameters are named; a city from the list puts a profile on the map", arguments: TestDatabase.engines)
    func suggestions(engine: TestDatabase) async throws {
        try await ProfileTests.with(engine) { harness, rita, category in
            let answer = try await harness.send(.get, "/api/cities?q=ly&country=fr")
            #expect(answer.status == .ok && answer.headers[.cacheControl] == CityRoutes.cacheControl)
            let cities = try #require(try answer.json()["cities"] as? [[String: Any]])
            #expect(cities.first?["name"] as? String == "Lyon" && cities.first?["country_name"] as? String == "France")
            #expect(cities.allSatisfy { $0["country"] as? String == "FR" })
            #expect(Set(try await harness.send(.get, "/api/cities").fieldErrors) == ["q"])
            #expect(Set(try await harness.send(.get, "/api/cities?q=%20&country=ZZ&colour=red").fieldErrors) == ["q", "country", "colour"])

            let lyon = Self.profile(city: "lyon", country: "FR", category: category)
            let saved = try await harness.send(.put, "/api/users/profile", json: lyon, bearer: rita.accessToken)
            #expect(try (saved.json()["profile"] as? [String: Any]).flatMap { $0["content"] as? [String: Any] }?["city"] as? String == "Lyon")
            #expect(try await harness.send(.post, "/api/users/profile/publish", bearer: rita.accessToken).status == .ok)
            let moderator = try await harness.signedInStaff("mo@example.com", role: .moderator)
            #expect(try await harness.send(.post, "/api/admin/profiles/\(rita.userID)/approve", json: "{}", bearer: moderator.accessToken).status == .ok)
            #expect(try await Self.nearLyon(harness).contains("ada-lovelace"), "on the map")

            let typed = Self.profile(city: "Écully-le-Haut", country: "FR", category: category, version: 1)
            #expect(try await harness.send(.put, "/api/users/profile", json: typed, bearer: rita.accessToken).status == .ok)
            harness.clock.advance(by: SearchCatalog.generationLifetime + 1)
            var found = true
            for _ in 0..<100 where found {
                found = try await Self.nearLyon(harness).contains("ada-lovelace")
                if found { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(!found, "a city not in the list has no coordinates")
        }
    }

    static func profile(city: String, country: String, category: String, version: Int = 0) -> String {
        ProfileTests.profileJSON(version: version, category: category, ["city": "\"\(city)\"", "country": "\"\(country)\"", "remote": "false"])
    }

    static func nearLyon(_ harness: AuthHarness) async throws -> [String] {
        let answer = try await harness.send(.get, "/api/search/providers?near=45.76,4.84,30&q=bakeries")
        return (try answer.json()["providers"] as? [[String: Any]])?.compactMap { $0["slug"] as? String } ?? []
    }
}

@Suite("Public query text")
struct QueryTextTests {
    @Test("text is read as the OpenAPI document states it: \\S as ECMAScript means it, slugs by their shape")
    func rules() {
        for blank in [" ", "\u{0C}", "\u{FEFF}", "\u{2003}\t", "\u{3000}"] { #expect(!QueryText.hasVisibleCharacter(blank), "\(blank.unicodeScalars.map(\.value))") }
        for visible in ["a", " ly", "\u{85}", "\u{0}"] { #expect(QueryText.hasVisibleCharacter(visible)) }
        for shaped in ["web", "web-development", "a1-b2"] { #expect(QueryText.isSlugShaped(Substring(shaped))) }
        for unshaped in ["", "-web", "web-", "web--dev", "Web", "café", "cafe\u{301}", "a b"] { #expect(!QueryText.isSlugShaped(Substring(unshaped)), "\(unshaped)") }
    }
}
