import Foundation
import Yams

/// Splits a Markdown file into its front matter and body, and reads the front matter strictly: unknown keys,
/// wrong types and missing required keys are errors that name the file and line.
struct FrontMatterParser {
    /// The file's path as shown in errors, e.g. `Content/about.md`.
    let file: String

    func parse(_ text: String) throws -> (FrontMatter, body: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard lines.first == "---" else {
            throw SiteError(file: file, line: 1, "front matter: the file must start with a line `---`, then YAML, then `---`")
        }
        guard let closing = lines.dropFirst().firstIndex(of: "---") else {
            throw SiteError(file: file, line: 1, "front matter: no closing `---` line")
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        return (try read(yaml), body)
    }

    private func read(_ yaml: String) throws -> FrontMatter {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw SiteError(file: file, line: yamlLine(of: error), "front matter: \(yamlProblem(of: error))")
        }
        guard let mapping = node?.mapping else {
            throw SiteError(file: file, line: 2, "front matter: expected `key: value` lines")
        }
        var values: [String: (Node, line: Int)] = [:]
        for (keyNode, valueNode) in mapping {
            let line = fileLine(keyNode)
            guard let key = keyNode.string else { throw SiteError(file: file, line: line, "front matter: keys must be words") }
            guard FrontMatter.knownKeys.contains(key) else {
                let hint = Self.nearest(to: key, in: FrontMatter.knownKeys).map { " (did you mean `\($0)`?)" } ?? ""
                throw SiteError(file: file, line: line, "front matter: unknown key \"\(key)\"\(hint)")
            }
            values[key] = (valueNode, line)
        }
        func required(_ key: String) throws -> String {
            guard let (node, line) = values[key] else { throw SiteError(file: file, line: 1, "front matter: `\(key)` is required") }
            guard let text = node.string?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty, node.scalar != nil else {
                throw SiteError(file: file, line: line, "front matter: `\(key)` must be non-empty text")
            }
            return text
        }
        func text(_ key: String) throws -> String? {
            guard let (node, line) = values[key] else { return nil }
            guard node.scalar != nil, let text = node.string else { throw SiteError(file: file, line: line, "front matter: `\(key)` must be text") }
            return text
        }
        func flag(_ key: String) throws -> Bool? {
            guard let (node, line) = values[key] else { return nil }
            guard let value = node.bool else { throw SiteError(file: file, line: line, "front matter: `\(key)` must be true or false") }
            return value
        }
        func date(_ key: String) throws -> Date? {
            guard let (node, line) = values[key] else { return nil }
            guard let value = node.timestamp else {
                throw SiteError(file: file, line: line, "front matter: `\(key)` must be a date like 2026-01-31 or 2026-01-31T09:00:00Z")
            }
            return value
        }
        var matter = FrontMatter(title: try required("title"), description: try required("description"))
        matter.slug = try text("slug")
        matter.date = try date("date")
        matter.lastmod = try date("lastmod")
        matter.draft = try flag("draft") ?? false
        matter.template = try text("template") ?? "page"
        matter.image = try text("image")
        matter.noindex = try flag("noindex") ?? false
        matter.unsafeHTML = try flag("unsafe_html") ?? false
        if let (node, line) = values["keywords"] {
            guard let items = node.sequence?.map({ $0.string }), !items.contains(nil) else {
                throw SiteError(file: file, line: line, "front matter: `keywords` must be a list of words")
            }
            matter.keywords = items.compactMap { $0 }
        }
        return matter
    }

    /// Lines in the YAML count from the line after the opening `---`.
    private func fileLine(_ node: Node) -> Int { (node.mark?.line ?? 1) + 1 }

    private func yamlLine(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line + 1
        case .duplicatedKeysInMapping(_, let context): context.mark.line + 1
        default: 1
        }
    }

    private func yamlProblem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        case .duplicatedKeysInMapping(let duplicates, _): "duplicated key \(duplicates.joined(separator: ", "))"
        default: "\(error)"
        }
    }

    /// The known key within two edits of `key`, if any.
    static func nearest(to key: String, in candidates: [String]) -> String? {
        candidates
            .map { ($0, editDistance(key, $0)) }
            .filter { $0.1 <= 2 }
            .min { $0.1 < $1.1 }?
            .0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
