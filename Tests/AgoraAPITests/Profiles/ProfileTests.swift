@testable import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HummingbirdTesting
import Testing

@Suite("Providers' own profiles")
struct ProfileTests {
    /// A complete profile in `category`, starting from `version`; `changes` replace or add members (raw JSON values).
    static func profileJSON(version: Int, category: String, _ changes: [String: String] = [:]) -> String {
        var members: [(String, String)] = [
            ("version", "\(version)"), ("title", #""Bakery websites and booking systems""#),
            ("bio", #""I build websites for bakeries and small food shops: online orders, opening hours and menus that staff update themselves.""#),
            ("categories", #"["\#(category)"]"#), ("skills", #"["Swift", "Booking systems", "swift"]"#),
            ("languages", #"[{"code": "fr", "level": "native"}, {"code": "en", "level": "fluent"}]"#),
            ("hourly_rate", #""45.50""#), ("currency", #""EUR""#), ("city", #""Lyon""#), ("country", #""fr""#), ("remote", "true"),
            ("weekly_hours", "30"),
            ("experience", #"[{"title": "Web developer", "organisation": "Agence Rhône", "start": "2017-03", "end": "2025-01", "description": "Eight years at a web agency in Lyon."}]"#),
        ]
        for (index, member) in members.enumerated() { if let value = changes[member.0] { members[index].1 = value } }
        members += changes.filter { change in !members.contains { $0.0 == change.key } }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return "{" + members.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    /// A marketplace with seeded providers (for categories and search), and a provider who just registered.
    static func with(_ engine: TestDatabase, _ body: @escaping @Sendable (AuthHarness, SignIn, String) async throws -> Void) async throws {
        try await AuthHarness.with(engine) { harness in
            try await MarketplaceSeeder(store: harness.store).seed(providers: 5, seed: 3, now: AuthHarness.start)
            let category = try #require(try await harness.store.sql.raw("SELECT slug FROM categories WHERE active = TRUE AND parent_id IS NOT NULL ORDER BY id LIMIT 1")
                .first()?.decode(column: "slug", as: String.self))
            let rita = try await harness.signedUp("rita@example.com", type: "provider")
            try await body(harness, rita, category)
        }
    }

    @Test("registering as a provider opens a draft; saving, publishing, a review and approval make it public, searched and queued for its page", arguments: TestDatabase.engines)
    func publication(engine: TestDatabase) async throws {
        try await Self.with(engine) { harness, rita, category in
            let draft = try await harness.send(.get, "/api/users/profile", bearer: rita.accessToken)
            #expect(draft.status == .ok, "\(draft.text)")
            #expect(try draft.json()["status"] as? String == "draft")
            #expect(try draft.json()["version"] as? Int == 0)
            let slug = try #require(try draft.json()["slug"] as? String)
            #expect(slug == "ada-lovelace", "from the account's name")
            let completeness = try #require(try draft.json()["completeness"] as? [String: Any])
            #expect(completeness["score"] as? Int == ProfileCompleteness.Part.location.weight, "only working remotely, the default, counts")
            #expect((completeness["missing_for_publication"] as? [String])?.contains("title") == true)
            #expect(try await harness.send(.post, "/api/users/profile/publish", bearer: rita.accessToken).fieldErrors.contains("title"), "an empty draft cannot be published")

            let saved = try await harness.send(.put, "/api/users/profile", json: Self.profileJSON(version: 0, category: category), bearer: rita.accessToken)
            #expect(saved.status == .ok, "\(saved.text)")
            #expect(try saved.json()["outcome"] as? String == "saved")
            let profile = try #require(try saved.json()["profile"] as? [String: Any])
            let content = try #require(profile["content"] as? [String: Any])
            #expect(content["skills"] as? [String] == ["Swift", "Booking systems"], "duplicates in any case are dropped")
            #expect(content["country"] as? String == "FR")
            #expect(content["hourly_rate"] as? String == "45.50")
            #expect((profile["completeness"] as? [String: Any])?["missing_for_publication"] as? [String] == [])
            #expect(try await harness.send(.get, "/api/providers/\(slug)").status == .notFound, "a draft is not public")

            let published = try await harness.send(.post, "/api/users/profile/publish", bearer: rita.accessToken)
            #expect(try published.json()["status"] as? String == "pending", "the first publication waits for review")
            #expect(try await harness.send(.post, "/api/users/profile/publish", bearer: rita.accessToken).status == .conflict)
            #expect(try await harness.send(.get, "/api/providers/\(slug)").status == .notFound)

            let moderator = try await harness.signedInStaff("mo@example.com", role: .moderator)
            let waiting = try await harness.send(.get, "/api/admin/profiles", bearer: moderator.accessToken)
            let first = try #require((try waiting.json()["profiles"] as? [[String: Any]])?.first)
            #expect(first["slug"] as? String == slug && first["first_publication"] as? Bool == true)
            let approved = try await harness.send(.post, "/api/admin/profiles/\(rita.userID)/approve", json: #"{"reason": "Looks right"}"#, bearer: moderator.accessToken)
            #expect(approved.status == .ok, "\(approved.text)")
            #expect(try await harness.emails(to: "rita@example.com").contains { $0.template == "profile-reviewed" && $0.subject.contains("approved") })
            #expect(try await harness.send(.post, "/api/admin/profiles/\(rita.userID)/approve", json: "{}", bearer: moderator.accessToken).status == .notFound, "nothing waits any more")

            let public_ = try await harness.send(.get, "/api/providers/\(slug)")
            #expect(public_.status == .ok)
            #expect(try public_.json()["title"] as? String == "Bakery websites and booking systems")
            #expect(try public_.json()["languages"] as? [String] == ["fr", "en"])
            let found = try await harness.send(.get, "/api/search/providers?q=bakeries")
            #expect((try found.json()["providers"] as? [[String: Any]])?.contains { $0["slug"] as? String == slug } == true, "searched at once")
            #expect(try await SiteChangeQueue(store: harness.store).recent().contains { $0.change == .provider(try Slug(slug)) }, "its page is queued")
            #expect(try await SiteChangeQueue(store: harness.store).recent().contains { $0.change == .category(try Slug(category)) })

            // Taken offline by its owner, then back without another review.
            let offline = try await harness.send(.post, "/api/users/profile/unpublish", bearer: rita.accessToken)
            #expect(try offline.json()["status"] as? String == "unpublished")
            #expect(try await harness.send(.get, "/api/providers/\(slug)").status == .notFound)
            harness.clock.advance(by: SearchCatalog.generationLifetime + 1)
            #expect(try await Self.searchFinds(slug, "bakeries", harness, until: false) == false, "searches stop finding it")
            let page = PagePaths.provider(try Slug(slug))
            #expect(try await RedirectRepository(store: harness.store).all().contains { $0.from == page && $0.status == .gone }, "its address answers 410")
            let back = try await harness.send(.post, "/api/users/profile/publish", bearer: rita.accessToken)
            #expect(try back.json()["status"] as? String == "published")
            #expect(try await RedirectRepository(store: harness.store).all().allSatisfy { $0.from != page }, "and serves the page again")
        }
    }

    @Test("a change to a public profile goes live at once, unless links or contact details hold it for review; a refusal keeps the public version", arguments: TestDatabase.engines)
    func heldChanges(engine: TestDatabase) async throws {
        try await Self.with(engine) { harness, rita, category in
            let slug = try await Self.publish(harness, rita, category)
            let plain = try await harness.send(
                .put, "/api/users/profile", json: Self.profileJSON(version: 1, category: category, ["title": #""Bakery websites, menus and bookings""#]), bearer: rita.accessToken
            )
            #expect(try plain.json()["outcome"] as? String == "live", "\(plain.text)")
            #expect(try await harness.send(.get, "/api/providers/\(slug)").json()["title"] as? String == "Bakery websites, menus and bookings")

            let linked = #""I build websites for bakeries; see my work at https://rita.example and write to rita@mail.example or call +33 6 12 34 56 78.""#
            let held = try await harness.send(.put, "/api/users/profile", json: Self.profileJSON(version: 2, category: category, ["bio": linked]), bearer: rita.accessToken)
            #expect(try held.json()["outcome"] as? String == "held", "\(held.text)")
            let heldFor = try #require((try held.json()["profile"] as? [String: Any])?["held_for"] as? [String])
            #expect(heldFor.contains("links in the bio") && heldFor.contains("contact-details"))
            #expect((try await harness.send(.get, "/api/providers/\(slug)").json()["bio"] as? String)?.contains("https://") == false, "the public keeps the version before")
            #expect(try await harness.send(.post, "/api/users/profile/publish", bearer: rita.accessToken).status == .conflict)

            let moderator = try await harness.signedInStaff("mo@example.com", role: .moderator)
            #expect(try await harness.send(.post, "/api/admin/profiles/\(rita.userID)/reject", json: "{}", bearer: moderator.accessToken).fieldErrors == ["reason"])
            let refused = try await harness.send(
                .post, "/api/admin/profiles/\(rita.userID)/reject", json: #"{"reason": "Contact details take deals off the platform."}"#, bearer: moderator.accessToken
            )
            #expect(refused.status == .ok)
            let own = try await harness.send(.get, "/api/users/profile", bearer: rita.accessToken)
            #expect(try own.json()["held_for"] as? [String] == [])
            #expect((try own.json()["content"] as? [String: Any])?["title"] as? String == "Bakery websites, menus and bookings")
            let versions = try await harness.send(.get, "/api/users/profile/versions", bearer: rita.accessToken)
            #expect((try versions.json()["versions"] as? [[String: Any]])?.map { $0["state"] as? String } == ["rejected", "live", "live"])
            var decided = AuditLogQuery()
            decided.action = .profileRejected
            #expect(try await AuditLog(store: harness.store).search(decided, limit: 5).first?.entry.reason == "Contact details take deals off the platform.")

            // A public profile stays complete.
            let emptied = try await harness.send(
                .put, "/api/users/profile", json: Self.profileJSON(version: 3, category: category, ["title": #""""#, "skills": "[]"]), bearer: rita.accessToken
            )
            #expect(Set(emptied.fieldErrors) == ["title", "skills"])
        }
    }

    @Test("every bad field is named; a stale version is refused; versions restore; others and clients are kept out", arguments: TestDatabase.engines)
    func badInputAndVersions(engine: TestDatabase) async throws {
        try await Self.with(engine) { harness, rita, category in
            let bad = try await harness.send(.put, "/api/users/profile", json: """
                {"title": "Hi", "categories": ["a", "b", "c", "d"], "languages": [{"code": "xx", "level": "native"}, {"code": "en", "level": "perfect"}],
                 "hourly_rate": "12", "country": "ZZ", "city": "Lyon", "weekly_hours": 0, "available_from": "2027-01-10", "colour": "red"}
                """, bearer: rita.accessToken)
            #expect(bad.status == .unprocessableContent || bad.status == .badRequest, "\(bad.text)")
            let noise = try await harness.send(.put, "/api/users/profile", json: """
                {"title": "Hi", "categories": ["a", "b", "c", "d"], "languages": [{"code": "xx", "level": "native"}, {"code": "en", "level": "perfect"}],
                 "hourly_rate": "12", "country": "ZZ", "city": "Lyon", "weekly_hours": 0, "available_from": "2027-01-10"}
                """, bearer: rita.accessToken)
            #expect(Set(noise.fieldErrors) == [
                "title", "categories", "languages[0].code", "languages[1].level", "currency", "country", "weekly_hours", "available_from", "version",
            ])
            let unknownCategory = try await harness.send(
                .put, "/api/users/profile", json: #"{"version": 0, "categories": ["no-such-category"]}"#, bearer: rita.accessToken
            )
            #expect(unknownCategory.fieldErrors == ["categories[0]"])

            let first = try await harness.send(.put, "/api/users/profile", json: Self.profileJSON(version: 0, category: category), bearer: rita.accessToken)
            #expect(first.status == .ok)
            let stale = try await harness.send(.put, "/api/users/profile", json: Self.profileJSON(version: 0, category: category), bearer: rita.accessToken)
            #expect(stale.status == .conflict)
            #expect(stale.problemType == "urn:agora:problem:stale-version", "a second tab saving from the same version is told to reload")
            let second = try await harness.send(
                .put, "/api/users/profile", json: Self.profileJSON(version: 1, category: category, ["title": #""Another headline here""#]), bearer: rita.accessToken
            )
            #expect(try second.json()["outcome"] as? String == "saved")
            let versions = try await harness.send(.get, "/api/users/profile/versions", bearer: rita.accessToken)
            let list = try #require(try versions.json()["versions"] as? [[String: Any]])
            #expect(list.map { $0["number"] as? Int } == [2, 1])
            #expect(list.first?["changed_fields"] as? [String] == ["title"])
            let firstID = try #require(list.last?["id"] as? Int)
            let restored = try await harness.send(.post, "/api/users/profile/versions/\(firstID)/restore", json: #"{"version": 2}"#, bearer: rita.accessToken)
            #expect(restored.status == .ok, "\(restored.text)")
            let profile = try #require(try restored.json()["profile"] as? [String: Any])
            #expect(profile["version"] as? Int == 3)
            #expect((profile["content"] as? [String: Any])?["title"] as? String == "Bakery websites and booking systems")

            let sam = try await harness.signedUp("sam@example.com", type: "provider")
            #expect(try await harness.send(.get, "/api/users/profile", bearer: sam.accessToken).json()["slug"] as? String == "ada-lovelace-2",
                    "a second provider of the same name is numbered")
            #expect(try await harness.send(.post, "/api/users/profile/versions/\(firstID)/restore", json: #"{"version": 0}"#, bearer: sam.accessToken).status == .notFound,
                    "another provider's version is not theirs")
            let samsVersions = try await harness.send(.get, "/api/users/profile/versions", bearer: sam.accessToken)
            #expect((try samsVersions.json()["versions"] as? [Any])?.isEmpty == true, "each provider sees only their own")
            let client = try await harness.signedUp("cleo@example.com")
            #expect(try await harness.send(.get, "/api/users/profile", bearer: client.accessToken).status == .forbidden)
            #expect(try await harness.send(.get, "/api/users/profile").status == .unauthorized)
            #expect(try await harness.send(.get, "/api/admin/profiles", bearer: rita.accessToken).status == .forbidden)
        }
    }

    @Test("experience, education and certifications are lists of entries: kept in order, public once published, each bad field named", arguments: TestDatabase.engines)
    func background(engine: TestDatabase) async throws {
        try await Self.with(engine) { harness, rita, category in
            let lists = [
                "experience": #"""
                    [{"title": "Lead developer", "organisation": "Four à pain", "start": "2021-02", "description": "Ordering for 40 shops."},
                     {"title": "Web developer", "organisation": "Agence Rhône", "start": "2017-03", "end": "2021-01"}]
                    """#,
                "education": #"[{"title": "BTS SIO", "organisation": "Lycée du Parc"}]"#,
                "certifications": #"[{"title": "CompTIA Security+", "organisation": "CompTIA", "start": "2023-05", "end": "2026-05", "link": "https://verify.example/abc"}]"#,
            ]
            let saved = try await harness.send(.put, "/api/users/profile", json: Self.profileJSON(version: 0, category: category, lists), bearer: rita.accessToken)
            #expect(saved.status == .ok, "\(saved.text)")
            let content = try #require((try saved.json()["profile"] as? [String: Any])?["content"] as? [String: Any])
            let experience = try #require(content["experience"] as? [[String: Any]])
            #expect(experience.map { $0["title"] as? String } == ["Lead developer", "Web developer"])
            #expect(experience.first?["end"] == nil && experience.last?["end"] as? String == "2021-01")
            #expect((content["certifications"] as? [[String: Any]])?.first?["link"] as? String == "https://verify.example/abc")
            let versions = try await harness.send(.get, "/api/users/profile/versions", bearer: rita.accessToken)
            #expect((try versions.json()["versions"] as? [[String: Any]])?.first?["changed_fields"] as? [String] == [
                "title", "bio", "categories", "skills", "languages", "hourly_rate", "location", "weekly_hours", "experience", "education", "certifications",
            ])

            let malformed = try await harness.send(.put, "/api/users/profile", json: Self.profileJSON(version: 1, category: category, [
                "experience": #"[{"title": "Baker", "start": "2020-01", "colour": "red"}, "text"]"#, "education": #"[{"title": "BTS SIO", "organisation": 7}]"#,
            ]), bearer: rita.accessToken)
            #expect(Set(malformed.fieldErrors) == ["experience[0].colour", "experience[1]", "education[0].organisation"], "\(malformed.text)")
            let bad = try await harness.send(.put, "/api/users/profile", json: Self.profileJSON(version: 1, category: category, [
                "experience": #"[{"title": "Baker", "start": "2020-13"}, {"title": "Baker", "start": "2020-01", "end": "2019-01"}]"#,
                "education": #"[{"title": "BTS SIO", "organisation": " "}]"#,
                "certifications": #"[{"title": "Security+", "organisation": "CompTIA", "start": "2023-05", "link": "javascript:alert(1)"}]"#,
            ]), bearer: rita.accessToken)
            #expect(Set(bad.fieldErrors) == [
                "experience[0].start", "experience[1].end", "education[0].organisation", "certifications[0].link",
            ], "\(bad.text)")
            let notList = try await harness.send(.put, "/api/users/profile", json: Self.profileJSON(version: 1, category: category, ["experience": #""Ten years""#]), bearer: rita.accessToken)
            #expect(notList.fieldErrors == ["experience"])
            #expect(try await harness.send(.get, "/api/users/profile", bearer: rita.accessToken).json()["version"] as? Int == 1, "nothing of a refused save is kept")

            #expect(try await harness.send(.post, "/api/users/profile/publish", bearer: rita.accessToken).status == .ok)
            let moderator = try await harness.signedInStaff("mo@example.com", role: .moderator)
            #expect(try await harness.send(.post, "/api/admin/profiles/\(rita.userID)/approve", json: "{}", bearer: moderator.accessToken).status == .ok)
            let shown = try await harness.send(.get, "/api/providers/ada-lovelace").json()
            #expect((shown["experience"] as? [[String: Any]])?.map { $0["organisation"] as? String } == ["Four à pain", "Agence Rhône"])
            #expect((shown["education"] as? [[String: Any]])?.first?["start"] == nil)
        }
    }

    /// Whether a search for `words` lists the provider, asked again for a moment while the answer is `until`'s
    /// opposite: the search reads the index's generation again in the background once a second.
    static func searchFinds(_ slug: String, _ words: String, _ harness: AuthHarness, until expected: Bool) async throws -> Bool {
        var found = !expected
        for _ in 0..<100 where found != expected {
            let answer = try await harness.send(.get, "/api/search/providers?q=\(words)")
            found = (try answer.json()["providers"] as? [[String: Any]])?.contains { $0["slug"] as? String == slug } ?? false
            if found != expected { try await Task.sleep(for: .milliseconds(20)) }
        }
        return found
    }

    /// Saves the complete profile and has a moderator approve its first publication; returns its slug.
    static func publish(_ harness: AuthHarness, _ provider: SignIn, _ category: String) async throws -> String {
        let saved = try await harness.send(.put, "/api/users/profile", json: profileJSON(version: 0, category: category), bearer: provider.accessToken)
        try #require(saved.status == .ok, "\(saved.text)")
        try #require(try await harness.send(.post, "/api/users/profile/publish", bearer: provider.accessToken).status == .ok)
        let moderator = try await harness.signedInStaff("approver@example.com", role: .moderator)
        try #require(try await harness.send(.post, "/api/admin/profiles/\(provider.userID)/approve", json: "{}", bearer: moderator.accessToken).status == .ok)
        return try #require((try saved.json()["profile"] as? [String: Any])?["slug"] as? String)
    }
}
