import AgoraDomain
import AgoraSite
import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

@Suite("Figures quoted by Markdown pages")
struct ContentFiguresTests {
    let fees = """
        ---
        title: Fees
        description: What clients and providers pay to use the marketplace, and when they pay it.
        ---

        A service fee of {{fees.client-service-fee}}; a commission of {{ fees.commission-tiers }}; money held {{payments.security-hold-days}}.
        """

    @Test("a page quotes the settings in force; changing one queues the site and the next build rewrites only the pages that quote it", arguments: TestDatabase.engines)
    func quoted(engine: TestDatabase) async throws {
        try await SiteFixture.with(engine) { site in
            try site.scratch.write(fees, to: "Content/fees.md")
            _ = try await site.build()
            let page = try site.page("fees/index.html")
            #expect(page.contains("A service fee of 3 %; a commission of 20 % of the first 500, 10 % up to 10,000, 5 % beyond; money held 5 days."))

            let actor = AuditActor(userID: 1, role: StaffRole.owner.rawValue, ipAddress: "127.0.0.1", userAgent: "test", requestID: "fees")
            let settings = PlatformSettingsRepository(store: site.store)
            _ = try await settings.change(.feesClientServiceFee, to: .text("4.5%"), expectedVersion: 0, by: actor, now: SiteFixture.now)
            #expect(try await SiteChangeQueue(store: site.store).recent().map(\.change) == [.site])
            _ = try await settings.change(.moderationHideThreshold, to: .number(7), expectedVersion: 0, by: actor, now: SiteFixture.now)
            #expect(try await SiteChangeQueue(store: site.store).recent().count == 1, "a setting no page quotes queues nothing")

            let rebuilt = try await site.build()
            #expect(rebuilt.written == 1, "the fees page; the About page quotes nothing")
            #expect(try site.page("fees/index.html").contains("A service fee of 4.5 %;"))
        }
    }

    @Test("an unknown figure fails the build naming the file")
    func unknown() async throws {
        try await SiteFixture.with { site in
            try site.scratch.write("---\ntitle: A\ndescription: B\n---\n\nThe {{fees.secret}} figure.\n", to: "Content/a.md")
            await #expect(throws: SiteError.self) { try await site.build() }
            do {
                _ = try await site.build()
            } catch let error as SiteError {
                #expect(error.file == "Content/a.md" && error.message.hasPrefix("quotes {{fees.secret}}, which is not a figure pages may quote: fees.client-service-fee"))
            }
        }
    }
}
