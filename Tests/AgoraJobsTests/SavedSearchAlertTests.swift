import AgoraDomain
import AgoraJobs
import AgoraStore
import AgoraTestSupport
import AgoraWorkflows
import Foundation
import Testing

@Suite("Saved-search alerts")
struct SavedSearchAlertTests {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)
    static let signingKey = Array("saved-search-tests-signing-key-of-32-bytes".utf8)

    func provider(_ slug: String, title: String) -> NewProvider {
        NewProvider(
            firstName: "Kim", lastName: slug.capitalized, email: try! Email("\(slug)@example.com"), phone: nil, slug: try! Slug(slug),
            title: title, bio: "", location: nil, hourlyRate: nil, skills: [], languages: ["en"],
            availability: .available, photo: nil, categorySlugs: [], statistics: .none
        )
    }

    @Test("new matching providers are emailed once, with an unsubscribe link; no match, no email", arguments: TestDatabase.engines)
    func alerts(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let clock = ManualClock(Self.start)
            let ownerID = try await UserRepository(store: store).insert(NewUser(
                firstName: "Ada", lastName: "Lovelace", email: try Email("ada@example.com"), passwordHash: "x", phone: nil,
                countryCode: "FR", userType: .client, verificationStatus: .verified
            ), now: Self.start)
            let saved = SavedSearchRepository(store: store)
            _ = try await saved.insert(try SavedSearchForm(name: "Kotlin people", query: "q=kotlin", alert: true), userID: ownerID, now: Self.start)
            _ = try await saved.insert(try SavedSearchForm(name: "No alert", query: "q=kotlin", alert: false), userID: ownerID, now: Self.start)
            let templates = try EmailTemplates(directory: RepositoryPaths.layouts.appendingPathComponent("email"))
            let job = SavedSearchAlertJob(
                store: store, composer: EmailComposer(templates: templates, siteName: "Agora", baseURL: "https://agora.test", signingKey: Self.signingKey),
                clock: clock, gap: 3_600
            )
            #expect(try await job.runOnce() == 0)

            clock.advance(by: 60)
            try await ProviderRepository(store: store).insert([provider("kotlin-kim", title: "Kotlin developer"), provider("go-gus", title: "Go developer")], now: clock.now)
            // Not yet due: checked less than an hour ago.
            #expect(try await job.runOnce() == 0)
            clock.advance(by: 3_600)
            #expect(try await job.runOnce() == 1)
            let mail = try await EmailOutbox(store: store).messages(to: "ada@example.com")
            let alert = try #require(mail.first { $0.template == "saved-search-alert" })
            #expect(alert.subject == "1 new provider for “Kotlin people”")
            #expect(alert.textBody.contains("Kim Kotlin-Kim"))
            #expect(!alert.textBody.contains("Go-Gus"))
            #expect(alert.textBody.contains("https://agora.test/search/?q=kotlin"))
            let links = UnsubscribeLinks(signingKey: Self.signingKey, baseURL: "https://agora.test")
            #expect(alert.headers["List-Unsubscribe"] == "<\(links.url(for: try Email("ada@example.com")))>")

            // The same providers are not reported twice.
            clock.advance(by: 7_200)
            #expect(try await job.runOnce() == 0)
            #expect(try await EmailOutbox(store: store).messages(to: "ada@example.com").filter { $0.template == "saved-search-alert" }.count == 1)
        }
    }
}
