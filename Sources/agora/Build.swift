import AgoraSite
import AgoraStore
import ArgumentParser
import Foundation

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate the static site from the database, Content/ and Layouts/.",
        discussion: """
            By default only pages whose inputs changed are written, in place, one file at a time; pages whose source \
            is gone are removed. A full build (the first one, --full, or after a change to the templates, assets, \
            site settings or categories) writes a new site beside the old one and swaps it in: a failed build leaves \
            the old site as it was.
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Directory the site is written to.")
    var out = "Site"

    @OptionGroup var source: SourceOptions

    @Flag(help: "Render every page into a new site, whatever changed.")
    var full = false

    @Option(help: ArgumentHelp("Rebuild one item and the pages that depend on it: provider:SLUG, category:SLUG or content:PATH (repeatable).", valueName: "item"))
    var only: [String] = []

    func validate() throws {
        if full && !only.isEmpty { throw ValidationError("--full and --only exclude each other") }
    }

    func run() async throws {
        try LogSetup.bootstrap()
        let options = try source.buildOptions(output: out)
        let mode: BuildMode = full ? .full : only.isEmpty ? .incremental : .only(try only.map(BuildTarget.init(parsing:)))
        try await database.withStore(memoryMapped: false) { store in
            let pending = try await Migrator(store: store).pendingVersions()
            guard pending.isEmpty else {
                throw CommandError("the database needs migrating first: run `agora migrate`")
            }
            let bar = ProgressLine(label: "provider pages", total: 1)
            let summary = try await SiteBuild(store: store, options: options).run(mode, log: { line in
                bar.interrupt()
                FileHandle.standardError.write(Data("build: \(line)\n".utf8))
            }, progress: { done, total in
                bar.update(done, of: total)
            })
            bar.finish()
            print(String(
                format: "%@ build of %@: %d pages written, %d unchanged, %d removed; %d pages, %d sitemap chunk%@; %.2f s, %.0f pages/s",
                summary.kind.rawValue, out, summary.written, summary.unchanged, summary.removed, summary.pages,
                summary.sitemapChunks, summary.sitemapChunks == 1 ? "" : "s", summary.seconds, summary.pagesPerSecond
            ))
        }
    }
}
