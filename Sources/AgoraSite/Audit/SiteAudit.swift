import AgoraDomain
import AgoraPublishedSite
import Foundation

/// Reads a generated site as a crawler would and reports what would hurt it in search: duplicate or missing
/// titles and descriptions, lengths out of bounds, pages without exactly one `h1`, images without `alt`, broken
/// internal links, missing canonical URLs, orphan pages, structured data missing a required property, and the
/// keyword density of each landing page's `target_keyword`.
public struct SiteAudit: Sendable {
    /// The share of words a target keyword should take, in percent: below, the page is not about it; above, it reads
    /// as stuffing.
    public static let keywordDensityRange = 0.5...3.0

    public let siteDirectory: URL
    /// `Content/`, to learn each landing page's `target_keyword`; nil skips the density check.
    public let contentDirectory: URL?

    /// `Storage/media/`, where the `/media/` references of pages (photos) are looked for; nil leaves them unchecked.
    public let mediaDirectory: URL?

    public init(siteDirectory: URL, contentDirectory: URL?, mediaDirectory: URL? = nil) {
        self.siteDirectory = siteDirectory.standardizedFileURL
        self.contentDirectory = contentDirectory
        self.mediaDirectory = mediaDirectory
    }

    private struct PageFacts {
        let path: String
        let isRedirect: Bool
        let title: String?
        let description: String?
    }

    public func run(now: Date = Date()) throws -> AuditReport {
        var report = AuditReport()
        let files = htmlFiles()
        guard !files.isEmpty else { throw SiteError(file: siteDirectory.path, "holds no pages: run `agora build` first") }
        let keywords = try targetKeywords(now: now)
        let redirectSources = Set(PublishedRedirects.parse((try? String(contentsOf: siteDirectory.appendingPathComponent(PublishedRedirects.fileName), encoding: .utf8)) ?? "").map(\.from))
        var facts: [PageFacts] = []
        var incoming: [String: Int] = [:]
        for (path, file) in files {
            let document = try HTMLDocument(contentsOf: file)
            let isRedirect = document.count("//meta[@http-equiv='refresh']") > 0
            let title = document.string("//head/title")?.trimmingCharacters(in: .whitespacesAndNewlines)
            let description = document.string("//head/meta[@name='description']/@content")
            facts.append(PageFacts(path: path, isRedirect: isRedirect, title: title, description: description))
            if isRedirect { continue }
            report.pages += 1
            check(document, path: path, title: title, description: description, searchable: !Self.appShellPaths.contains(path), into: &report)
            for target in internalLinks(document, from: path) where target != path {
                if !exists(target) && !redirectSources.contains(target) {
                    report.add(.error, path, "broken-link", "links to \(target), which does not exist")
                }
                incoming[target, default: 0] += 1
            }
            if let keyword = keywords[path] {
                let words = KeywordCounter.words(document.strings("//main//text()").joined(separator: " "))
                let occurrences = KeywordCounter.occurrences(of: keyword, in: words)
                let percent = words.isEmpty ? 0 : Double(occurrences * KeywordCounter.words(keyword).count) / Double(words.count) * 100
                report.keywordDensities.append(.init(page: path, keyword: keyword, occurrences: occurrences, words: words.count, percent: percent))
                if !Self.keywordDensityRange.contains(percent) {
                    report.add(.warning, path, "keyword-density", String(format: "\"%@\" makes %.1f%% of the words; aim for %.1f%% to %.1f%%", keyword, percent, Self.keywordDensityRange.lowerBound, Self.keywordDensityRange.upperBound))
                }
            }
        }
        reportDuplicates(facts.filter { !$0.isRedirect }, into: &report)
        for page in facts where !page.isRedirect && page.path != "/" && page.path != "/404.html"
            && !Self.appShellPaths.contains(page.path) && incoming[page.path, default: 0] == 0 {
            report.add(.warning, page.path, "orphan", "no other page links here")
        }
        report.findings.sort { ($0.page, $0.check) < ($1.page, $1.check) }
        return report
    }

    /// App shells are closed to crawlers and reached from emails and scripts: the checks that only matter in search
    /// results (lengths, orphans) leave them alone.
    static let appShellPaths = Set(AppShellPage.shells.map(\.path))

    private func check(_ document: HTMLDocument, path: String, title: String?, description: String?, searchable: Bool, into report: inout AuditReport) {
        if let title, !title.isEmpty {
            if searchable, title.count > PageMeta.titleLimit { report.add(.warning, path, "title-length", "the title has \(title.count) characters; search results show about \(PageMeta.titleLimit)") }
        } else {
            report.add(.error, path, "missing-title", "the page has no title")
        }
        if let description, !description.isEmpty, searchable {
            if description.count > PageMeta.descriptionLimit { report.add(.warning, path, "description-length", "the description has \(description.count) characters; search results show about \(PageMeta.descriptionLimit)") }
            if description.count < 50 { report.add(.warning, path, "description-length", "the description has only \(description.count) characters") }
        } else if description?.isEmpty ?? true {
            report.add(.error, path, "missing-description", "the page has no meta description")
        }
        let headings = document.count("//h1")
        if headings != 1 { report.add(.error, path, "h1", "the page has \(headings) h1 headings instead of one") }
        for source in document.strings("//img[not(@alt)]/@src") {
            report.add(.error, path, "missing-alt", "the image \(source) has no alt text")
        }
        if document.string("//head/link[@rel='canonical']/@href")?.isEmpty ?? true {
            report.add(.error, path, "missing-canonical", "the page has no canonical URL")
        }
        for script in document.strings("//script[@type='application/ld+json']") {
            guard let value = try? JSONSerialization.jsonObject(with: Data(script.utf8)) else {
                report.add(.error, path, "structured-data", "the JSON-LD does not parse")
                continue
            }
            for missing in StructuredDataRules.missing(in: value) {
                report.add(.error, path, "structured-data", "\(missing) is required")
            }
        }
    }

    private func reportDuplicates(_ pages: [PageFacts], into report: inout AuditReport) {
        for (label, key) in [("title", \PageFacts.title), ("description", \PageFacts.description)] {
            let groups = Dictionary(grouping: pages.filter { !($0[keyPath: key] ?? "").isEmpty }, by: { $0[keyPath: key]! })
            for (text, group) in groups where group.count > 1 {
                let others = group.map(\.path).sorted()
                for page in group {
                    report.add(.error, page.path, "duplicate-\(label)", "the \(label) \"\(text)\" is also used by \(others.filter { $0 != page.path }.joined(separator: ", "))")
                }
            }
        }
    }

    /// Every page file, by site path (`providers/ada/index.html` is `/providers/ada/`); hidden files are skipped.
    private func htmlFiles() -> [(String, URL)] {
        let root = siteDirectory.path
        var files: [(String, URL)] = []
        guard let enumerator = FileManager.default.enumerator(at: siteDirectory, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) else { return [] }
        for case let file as URL in enumerator where file.pathExtension == "html" || !file.lastPathComponent.contains(".") {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            if file.pathExtension != "html", !looksLikeHTML(file) { continue }
            var path = String(file.standardizedFileURL.path.dropFirst(root.count))
            if path.hasSuffix("/index.html") { path.removeLast("index.html".count) }
            files.append((path, file))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    /// Redirect pages of extension-less URLs (`/sale`) are HTML files without `.html`.
    private func looksLikeHTML(_ file: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: file), let head = try? handle.read(upToCount: 15) else { return false }
        return String(decoding: head, as: UTF8.self).lowercased().hasPrefix("<!doctype html")
    }

    /// Site paths that links, stylesheets, scripts and images of the page point at, without query or fragment.
    private func internalLinks(_ document: HTMLDocument, from page: String) -> [String] {
        let references = document.strings("//a/@href") + document.strings("//link[@rel='stylesheet' or @rel='icon']/@href")
            + document.strings("//script/@src") + document.strings("//img/@src")
        return references.compactMap { reference in
            var target = reference
            if let cut = target.firstIndex(where: { $0 == "#" || $0 == "?" }) { target = String(target[..<cut]) }
            guard !target.isEmpty, !target.contains(":"), !target.hasPrefix("//") else { return nil }
            if !target.hasPrefix("/") {
                let directory = page.hasSuffix("/") ? page : String(page[...(page.lastIndex(of: "/") ?? page.startIndex)])
                target = URL(fileURLWithPath: directory + target).standardizedFileURL.path + (target.hasSuffix("/") ? "/" : "")
            }
            return target.hasPrefix("/api/") ? nil : target
        }
    }

    private func exists(_ path: String) -> Bool {
        if path.hasPrefix(PagePaths.media) {
            guard let mediaDirectory else { return true }
            return FileManager.default.fileExists(atPath: mediaDirectory.appendingPathComponent(String(path.dropFirst(PagePaths.media.count))).path)
        }
        let file = siteDirectory.appendingPathComponent(String(path.dropFirst()))
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory) else { return false }
        return !isDirectory.boolValue || FileManager.default.fileExists(atPath: file.appendingPathComponent("index.html").path)
    }

    private func targetKeywords(now: Date) throws -> [String: String] {
        guard let contentDirectory else { return [:] }
        var keywords: [String: String] = [:]
        for page in try ContentLoader(directory: contentDirectory).load(now: now) {
            if let keyword = page.frontMatter.targetKeyword { keywords[page.urlPath] = keyword }
        }
        return keywords
    }
}
