import Foundation

/// The Mustache templates of a directory, parsed once: `NAME.mustache` anywhere below it is the template
/// `NAME` (with its subdirectories, `partials/header`). Partials and parents are looked up among them when the set
/// is loaded, so a template naming one that does not exist fails then, with its file and line.
public struct TemplateSet: Sendable {
    private let templates: [String: [TemplateNode]]

    /// Reads and parses every `.mustache` file below `directory`, except in the subdirectories named in
    /// `excluding` (templates that belong to something else, like the emails beside the site's layouts).
    public init(directory: URL, excluding: Set<String> = []) throws(TemplateSyntaxError) {
        try self.init(sources: try Self.sources(in: directory, excluding: excluding))
    }

    /// The text of every `.mustache` file below `directory` by template name, as `init(directory:excluding:)` reads it.
    public static func sources(in directory: URL, excluding: Set<String> = []) throws(TemplateSyntaxError) -> [String: String] {
        var sources: [String: String] = [:]
        let root = directory.standardizedFileURL.path
        let files = FileManager.default.enumerator(atPath: root)
        while let relative = files?.nextObject() as? String {
            if excluding.contains(relative) {
                files?.skipDescendants()
                continue
            }
            guard relative.hasSuffix(".mustache") else { continue }
            let name = String(relative.dropLast(".mustache".count))
            guard let text = try? String(contentsOfFile: "\(root)/\(relative)", encoding: .utf8) else {
                throw TemplateSyntaxError(template: name, message: "the file cannot be read as UTF-8 text", line: 1, column: 1, lineText: "")
            }
            sources[name] = text
        }
        return sources
    }

    /// Parses templates given by name, each under its `rules` (`standard` when not named).
    public init(sources: [String: String], rules: [String: TemplateRules] = [:]) throws(TemplateSyntaxError) {
        var templates: [String: [TemplateNode]] = [:]
        var references: [(name: String, ifMissing: TemplateSyntaxError)] = []
        for name in sources.keys.sorted() {
            let parsed = try TemplateParser.parse(sources[name] ?? "", name: name, rules: rules[name] ?? .standard)
            templates[name] = parsed.nodes
            references += parsed.references
        }
        if let missing = references.first(where: { templates[$0.name] == nil }) { throw missing.ifMissing }
        self.templates = templates
    }

    public func has(_ name: String) -> Bool { templates[name] != nil }

    /// Renders the template `name` with `value` as the outermost value, nil when there is no such template.
    /// `capacity` is a guess of the output's size, to grow the buffer fewer times.
    public func render(_ name: String, _ value: TemplateValue, capacity: Int = 16_384) -> [UInt8]? {
        guard let nodes = templates[name] else { return nil }
        var renderer = TemplateRenderer(templates: templates, value: value, capacity: capacity)
        renderer.render(nodes)
        return renderer.output
    }

    /// The same, as a string.
    public func renderText(_ name: String, _ value: TemplateValue) -> String? {
        render(name, value, capacity: 4_096).map { String(decoding: $0, as: UTF8.self) }
    }
}
