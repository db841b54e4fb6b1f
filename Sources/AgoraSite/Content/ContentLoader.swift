import AgoraDomain
import AgoraMarkdown
import Foundation

/// Reads every Markdown file below `Content/` into pages. Files and folders whose names start with `_` or `.`
/// are configuration or private and are skipped; drafts are skipped too.
public struct ContentLoader: Sendable {
    public let directory: URL
    /// URL prefixes that belong to generated pages; a Markdown file may not publish over them.
    static let reservedPrefixes = [PagePaths.categoriesPrefix, PagePaths.providersPrefix, "/api/", "/assets/"]

    public init(directory: URL) {
        self.directory = directory
    }

    /// Loads the pages that are published at `now` (see `FrontMatter.isPublished(at:)`).
    public func load(now: Date) throws -> [ContentPage] {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SiteError(file: displayPath(directory.path), "content directory not found")
        }
        var pages: [ContentPage] = []
        var owners: [String: String] = [:]
        for relative in try markdownFiles() {
            let source = directory.appendingPathComponent(relative)
            let shown = displayPath(source.path)
            guard let data = fileManager.contents(atPath: source.path), let text = String(data: data, encoding: .utf8) else {
                throw SiteError(file: shown, "cannot be read as UTF-8 text")
            }
            let (matter, body) = try FrontMatterParser(file: shown).parse(text)
            guard matter.isPublished(at: now) else { continue }
            let url = try urlPath(for: relative, slug: matter.slug, file: shown)
            if let owner = owners[url] {
                throw SiteError(file: shown, "publishes at \(url), which \(owner) already does")
            }
            owners[url] = shown
            let modified = (try? fileManager.attributesOfItem(atPath: source.path)[.modificationDate] as? Date) ?? Date(timeIntervalSince1970: 0)
            pages.append(ContentPage(
                sourcePath: shown,
                urlPath: url,
                frontMatter: matter,
                bodyHTML: MarkdownRenderer(.page(allowsRawHTML: matter.unsafeHTML)).render(body),
                lastModified: matter.lastmod ?? modified,
                sourceKey: InputKey(text).description
            ))
        }
        return pages.sorted { $0.urlPath < $1.urlPath }
    }

    private func markdownFiles() throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let components = relative.split(separator: "/")
            if components.contains(where: { $0.hasPrefix("_") || $0.hasPrefix(".") }) {
                continue
            }
            if relative.hasSuffix(".md") { files.append(relative) }
        }
        return files.sorted()
    }

    /// `about.md` → `/about/`, `legal/index.md` → `/legal/`; `slug` replaces the last segment.
    private func urlPath(for relative: String, slug: String?, file: String) throws -> String {
        var segments = relative.dropLast(3).split(separator: "/").map(String.init)
        if segments.last == "index" { segments.removeLast() }
        if let slug {
            guard (try? Slug(slug)) != nil else {
                throw SiteError(file: file, "front matter: `slug` may hold only lower-case letters, digits and single hyphens")
            }
            if segments.isEmpty { segments = [slug] } else { segments[segments.count - 1] = slug }
        }
        guard !segments.isEmpty else {
            throw SiteError(file: file, "would publish over the homepage; the homepage is generated")
        }
        for segment in segments where (try? Slug(segment)) == nil {
            throw SiteError(file: file, "the path segment \"\(segment)\" must be lower-case letters, digits and single hyphens")
        }
        let url = "/" + segments.joined(separator: "/") + "/"
        if let reserved = Self.reservedPrefixes.first(where: { url.hasPrefix($0) }) {
            throw SiteError(file: file, "would publish under \(reserved), which is generated from the database")
        }
        return url
    }

    private func displayPath(_ path: String) -> String {
        let base = directory.deletingLastPathComponent().path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}
