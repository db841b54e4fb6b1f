/// The sitemap stage, the last of a build: from the pages the manifest lists in the sitemap, it makes the chunk
/// pages (`/sitemap-1.xml`, …, the pages in path order, the homepage first) and the index page `/sitemap.xml` that
/// lists them, as the sitemaps.org protocol requires, and publishes them through the build's `PagePublisher`. Each
/// chunk is read from the manifest and held in memory only while it is published.
///
/// Chunks hold 1,000 URLs, far below the protocol's 50,000, so that a build that changed a few pages (the
/// service's `agora build --only`) makes a small chunk again: the manifest remembers where each chunk starts, and
/// a changed line makes again only the chunk it falls in. A page added to or removed from the sitemap recuts them
/// all.
struct Sitemap {
    static let urlsPerChunk = 1_000

    let baseURL: SiteURL
    var urlsPerChunk = Sitemap.urlsPerChunk

    /// Keeps the sitemap's pages as the previous build left them, so that an incremental build, which removes the
    /// pages it did not publish before the sitemap stage runs, leaves them to that stage.
    static func keepPages(in sink: PageSink) throws {
        try sink.keep(SitemapIndexPage.path)
        for chunk in try sink.manifest.sitemapChunks() { try sink.keep(SitemapChunkPage.path(chunk.number)) }
    }

    /// Brings the sitemap up to date with the manifest after the build's changes, and returns the number of chunks.
    @discardableResult
    func publish(into sink: PageSink, publisher: PagePublisher) async throws -> Int {
        let manifest = sink.manifest
        let previous = try manifest.sitemapChunks()
        var chunks = previous
        let intact = !chunks.isEmpty && sink.output.fileExists(SitePaths.file(ofPage: SitemapIndexPage.path))
        switch sink.sitemapChanges {
        case .none where intact:
            break
        case .lines(let paths) where intact:
            let touched = Set(paths.map { path in chunks.last { $0.firstPath <= path }?.number ?? 1 })
            for index in chunks.indices where touched.contains(chunks[index].number) {
                let end = index + 1 < chunks.count ? chunks[index + 1].firstPath : nil
                let rows = try manifest.sitemapRows(from: chunks[index].firstPath, to: end)
                chunks[index] = try await publish(SitemapChunkPage(number: chunks[index].number, firstPath: chunks[index].firstPath, rows: rows, baseURL: baseURL), into: sink, publisher: publisher)
            }
        default:
            chunks = try await recut(into: sink, publisher: publisher)
        }
        for stale in previous where stale.number > chunks.count { try sink.forget(SitemapChunkPage.path(stale.number)) }
        try manifest.removeSitemapChunks(after: chunks.count)
        try await publisher.publish([SitemapIndexPage(chunks: chunks, baseURL: baseURL)])
        try await publisher.finish()
        return chunks.count
    }

    /// Cuts every sitemap page into chunks afresh and publishes them.
    private func recut(into sink: PageSink, publisher: PagePublisher) async throws -> [BuildManifest.SitemapChunk] {
        var chunks: [BuildManifest.SitemapChunk] = []
        var next: String? = ""
        while let first = next {
            var rows = try sink.manifest.sitemapRows(from: first, limit: urlsPerChunk + 1)
            next = rows.count > urlsPerChunk ? rows.removeLast().path : nil
            let page = SitemapChunkPage(number: chunks.count + 1, firstPath: chunks.isEmpty ? "" : first, rows: rows, baseURL: baseURL)
            chunks.append(try await publish(page, into: sink, publisher: publisher))
        }
        return chunks
    }

    /// Publishes a chunk and records where it starts.
    private func publish(_ page: SitemapChunkPage, into sink: PageSink, publisher: PagePublisher) async throws -> BuildManifest.SitemapChunk {
        try await publisher.publish([page])
        try sink.manifest.setSitemapChunk(page.chunk)
        return page.chunk
    }
}
