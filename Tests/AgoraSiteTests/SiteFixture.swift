import AgoraDomain
import AgoraSite
import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

/// A small marketplace, the repository's real `Layouts/`, and a scratch directory for `Content/` and the output.
struct SiteFixture {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)
    static let repository = RepositoryPaths.root
    static let baseURL = try! SiteURL("https://agora.example")

    let store: Store
    let scratch: TemporaryDirectory

    var output: URL { scratch.url.appendingPathComponent("Site") }
    var content: URL { scratch.url.appendingPathComponent("Content") }
    var layouts: URL { Self.repository.appendingPathComponent("Layouts") }

    var options: SiteBuildOptions {
        SiteBuildOptions(outputDirectory: output, contentDirectory: content, layoutsDirectory: layouts, baseURL: Self.baseURL)
    }

    /// Runs `body` with the marketplace seeded on `engine` and an About page in `Content/`.
    static func with<T>(_ engine: TestDatabase = .sqlite, providers: [NewProvider] = Self.standardProviders, _ body: (SiteFixture) async throws -> T) async throws -> T {
        try await engine.withStore { store in
            let scratch = try TemporaryDirectory()
            defer { scratch.remove() }
            let categories = CategoryRepository(store: store)
            try await categories.insert(NewCategory(parentSlug: nil, name: "Development", slug: try Slug("development"), description: "Software built by people who ship.", icon: "code", sortOrder: 0), now: now)
            try await categories.insert(NewCategory(parentSlug: try Slug("development"), name: "Web", slug: try Slug("web"), description: "Websites and web apps.", icon: "code", sortOrder: 0), now: now)
            try await categories.insert(NewCategory(parentSlug: nil, name: "Design & Brand", slug: try Slug("design"), description: "Logos, interfaces and illustrations.", icon: "palette", sortOrder: 1), now: now)
            try await ProviderRepository(store: store).insert(providers, now: now)
            try scratch.write("""
                ---
                title: About us
                description: Who we are and why we built a marketplace.
                ---

                We *connect* people.
                """, to: "Content/about.md")
            return try await body(SiteFixture(store: store, scratch: scratch))
        }
    }

    /// A published portfolio item with two images (and a client who agreed to be named) for the provider.
    func addPortfolioItem(to slug: String) async throws {
        let providerID = try #require(try await ProviderRepository(store: store).find(slug: try Slug(slug))?.id)
        let portfolio = PortfolioRepository(store: store)
        let content = PortfolioContent(
            title: "Booking site for a bakery", description: "Online orders <b>and</b> opening hours.\n\nBuilt in six weeks.",
            categorySlug: try Slug("web"), skills: ["Swift"], link: "https://bakery.example/", clientName: "Le Fournil", showsClient: true,
            completedOn: Self.now.addingTimeInterval(-86_400 * 60)
        )
        let item = try await portfolio.create(providerID, content, now: Self.now)
        for (key, caption) in [("00000000000000000000000000000001", "The order page"), ("00000000000000000000000000000002", "")] {
            _ = try await portfolio.addImage(item.id, providerID: providerID, image: try PortfolioImage(key: key, width: 960, height: 600), caption: caption, byteSize: 1_000, now: Self.now)
        }
        _ = try await portfolio.update(
            item.id, providerID: providerID, content, status: .published,
            intake: ContentIntake(.portfolio, text: content.screenedText, settings: PlatformSettings()), now: Self.now
        )
    }

    /// A new rating for the provider, written as the rating's writer writes it: mean, count and the bound listings
    /// rank by.
    func rate(_ slug: String, average: Double, count: Int, at time: Date) async throws {
        let record = ProviderStatistics(ratingAverage: average, ratingCount: count, completedProjects: 0, completionRate: 0, responseTimeMinutes: nil)
        try await store.sql.raw("""
            UPDATE user_statistics SET rating_average = \(bind: average), rating_count = \(bind: count), rating_bound = \(bind: record.ratingBound),
                updated_at = \(bind: time)
            WHERE user_id = (SELECT user_id FROM user_profiles WHERE slug = \(bind: slug))
            """).run()
    }

    func build() async throws -> BuildSummary {
        try await SiteBuild(store: store, options: options, clock: FixedClock(Self.now)).run()
    }

    func page(_ relativePath: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(relativePath), encoding: .utf8)
    }

    static func provider(
        _ slug: String, first: String = "Ada", last: String = "Lovelace", bio: String = "I design and build web applications.",
        title: String = "Full-stack developer", location: ProviderLocation? = ProviderLocation(city: "Lyon", region: nil, countryCode: "FR", latitude: nil, longitude: nil),
        rate: Money? = .major(80, .eur), skills: [String] = ["Swift", "PostgreSQL", "Accessibility"], categories: [String] = ["web"],
        rating: Double = 4.86, ratings: Int = 27, photo: ProfilePhoto? = nil
    ) -> NewProvider {
        NewProvider(
            firstName: first, lastName: last, email: try! Email("\(slug)@example.com"), phone: nil, slug: try! Slug(slug),
            title: title, bio: bio, location: location, hourlyRate: rate, skills: skills, languages: ["fr", "en"],
            background: [
                .experience: [BackgroundEntry(
                    title: "Lead developer", organisation: "Atelier Canut", start: YearMonth(year: 2013, month: 9), end: nil,
                    description: "12 years building products.", link: nil
                )],
                .education: [BackgroundEntry(title: "MSc Computer Science", organisation: "INSA Lyon", start: nil, end: nil, description: "", link: nil)],
            ],
            availability: .available, photo: photo, categorySlugs: categories.map { try! Slug($0) },
            statistics: ProviderStatistics(ratingAverage: rating, ratingCount: ratings, completedProjects: ratings + 3, completionRate: 0.96, responseTimeMinutes: 90)
        )
    }

    static let standardProviders = [
        provider("ada-lovelace", photo: try! ProfilePhoto(key: "0123456789abcdef0123456789abcdef", side: 640)),
        provider("grace-hopper", first: "Grace", last: "Hopper", title: "Brand designer", location: nil, rate: nil, skills: ["Figma"], categories: ["design"], rating: 0, ratings: 0),
    ]
}

/// Compares generated text with a file in `Golden/`; `AGORA_UPDATE_GOLDEN=1` rewrites the file instead.
enum Golden {
    static let directory = SiteFixture.repository.appendingPathComponent("Tests/AgoraSiteTests/Golden")

    /// Nil when equal, else the first line that differs.
    static func difference(_ actual: String, file: String) throws -> String? {
        let url = directory.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["AGORA_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return nil
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        guard expected != actual else { return nil }
        let expectedLines = expected.components(separatedBy: "\n"), actualLines = actual.components(separatedBy: "\n")
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let want = index < expectedLines.count ? expectedLines[index] : "<end of file>"
            let got = index < actualLines.count ? actualLines[index] : "<end of file>"
            if want != got { return "\(file):\(index + 1): expected \(want)\n got \(got)" }
        }
        return nil
    }
}
