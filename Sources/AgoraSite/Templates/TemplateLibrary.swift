import AgoraTemplates
import Foundation

/// The Mustache templates of `Layouts/` (but not its `email/`, which the email worker reads), parsed once per build. Every `{{x}}` escapes HTML; templates use the
/// triple mustache only for HTML the generator made itself (rendered Markdown, JSON-LD).
public struct TemplateLibrary: Sendable {
    let templates: TemplateSet
    public let directory: URL

    /// The templates a build cannot do without.
    static let required = ["base", "home", "category", "provider", "page", "not-found", "redirect"]
        + AppShellPage.shells.map { "app/\($0.name)" }

    public init(directory: URL) throws {
        self.directory = directory
        let shown = directory.lastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SiteError(file: shown, "layouts directory not found")
        }
        do {
            templates = try TemplateSet(directory: directory, excluding: ["email"])
        } catch {
            throw SiteError(file: "\(shown)/\(error.template).mustache", line: error.line, "template: \(error.explanation)")
        }
        for name in Self.required where !templates.has(name) {
            throw SiteError(file: "\(shown)/\(name).mustache", "template is missing")
        }
    }

    public func has(_ name: String) -> Bool { templates.has(name) }

    /// Renders a template that is known to exist into the bytes of the page.
    func render(_ value: TemplateValue, template name: String) throws -> [UInt8] {
        guard let html = templates.render(name, value) else {
            throw SiteError(file: "\(directory.lastPathComponent)/\(name).mustache", "template is missing")
        }
        return html
    }
}
