import Foundation
import Mustache

/// The Mustache templates of `Layouts/`, parsed once per build. Every `{{x}}` escapes HTML; templates use the
/// triple mustache only for HTML the generator made itself (rendered Markdown, JSON-LD).
public struct TemplateLibrary: Sendable {
    let library: MustacheLibrary
    public let directory: URL

    /// The templates a build cannot do without.
    static let required = ["base", "home", "category", "provider", "page", "not-found", "redirect"]
        + AppShellPage.shells.map { "app/\($0.name)" }

    public init(directory: URL) async throws {
        self.directory = directory
        let shown = directory.lastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SiteError(file: shown, "layouts directory not found")
        }
        do {
            library = try await MustacheLibrary(directory: directory.path)
        } catch let error as MustacheLibrary.ParserError {
            throw SiteError(
                file: "\(shown)/\(error.filename)", line: error.context.lineNumber,
                "template: \(Self.explain(error.error)) (column \(error.context.columnNumber): \(error.context.line.trimmingCharacters(in: .whitespaces)))"
            )
        }
        for name in Self.required where library.getTemplate(named: name) == nil {
            throw SiteError(file: "\(shown)/\(name).mustache", "template is missing")
        }
    }

    public func has(_ name: String) -> Bool { library.getTemplate(named: name) != nil }

    /// Renders a template that is known to exist.
    func render(_ context: Any, template name: String) throws -> String {
        guard let html = library.render(TemplateValue.box(context), withTemplate: name) else {
            throw SiteError(file: "\(directory.lastPathComponent)/\(name).mustache", "template is missing")
        }
        return html
    }

    private static func explain(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with another name than it was opened with"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section is opened but never closed"
        case .invalidSetDelimiter: return "malformed set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inherited section"
        case .illegalTokenInsideInheritSection: return "only blocks may stand inside an inherited partial"
        case .textInsideInheritSection: return "only blocks may stand inside an inherited partial"
        case .invalidConfigVariableSyntax: return "malformed {{% }} setting"
        case .unrecognisedConfigVariable: return "unknown {{% }} setting"
        }
    }
}
