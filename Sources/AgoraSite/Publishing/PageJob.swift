import Foundation

/// A page to render and write with others (`PageSink.publish`), once it is known that its key changed.
struct PageJob: Sendable {
    /// Pages rendered and written at once: twice the cores, so that a core done with one page finds the next
    /// one already waiting.
    static let width = ProcessInfo.processInfo.activeProcessorCount * 2

    let path: String
    let key: InputKey
    /// Nil when there turns out to be no page to publish.
    let render: @Sendable () async throws -> RenderedPage?

    func renderAndWrite(into output: any SiteOutput) async throws -> WrittenPage? {
        guard let page = try await render() else { return nil }
        let wasWritten = try output.write(page.html, to: SitePaths.file(ofPage: page.path))
        return WrittenPage(page, key: key, wasWritten: wasWritten)
    }
}

/// A page whose file is written, as the manifest records it.
struct WrittenPage: Sendable {
    let path: String
    let entry: BuildManifest.Entry
    let wasWritten: Bool

    init(_ page: RenderedPage, key: InputKey, wasWritten: Bool) {
        path = page.path
        entry = BuildManifest.Entry(
            key: key.description, lastModified: page.lastModified?.timeIntervalSince1970, inSitemap: page.inSitemap,
            priority: page.sitemapHints.priority, changefreq: page.sitemapHints.changefreq, redirect: page.isRedirect
        )
        self.wasWritten = wasWritten
    }
}
