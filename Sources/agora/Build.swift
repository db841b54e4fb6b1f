import AgoraSite
import AgoraStore
import ArgumentParser
import Foundation

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate the static site from the database, Content/ and Layouts/.",
        discussion: "The new site is written beside the old one and swapped in when complete: a failed build leaves the old site as it was."
    )

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var site: SiteOptions

    func run() async throws {
        LogSetup.bootstrap()
        let options = try site.buildOptions()
        try await database.withStore { store in
            let pending = try await Migrator(store: store).pendingVersions()
            guard pending.isEmpty else {
                throw ValidationError("the database needs migrating first: run `agora migrate`")
            }
            let summary = try await SiteBuild(store: store, options: options).run { line in
                FileHandle.standardError.write(Data("build: \(line)\n".utf8))
            }
            print(String(
                format: "built %d pages (%d files, %d sitemap chunk%@) into %@ in %.2f s, %.0f pages/s",
                summary.pages, summary.files, summary.sitemapChunks, summary.sitemapChunks == 1 ? "" : "s",
                site.out, summary.seconds, summary.pagesPerSecond
            ))
        }
    }
}
