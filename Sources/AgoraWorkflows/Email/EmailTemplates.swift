import AgoraDomain
import AgoraTemplates
import Foundation
import Synchronization

/// A message rendered from a template, before it gets a recipient and an id.
public struct RenderedEmail: Sendable, Hashable {
    public let subject: String
    public let textBody: String
    public let htmlBody: String
}

/// Problems with the email templates in `Layouts/email/`, named by file.
public struct EmailTemplateError: Error, CustomStringConvertible, Equatable {
    public let description: String
}

/// The email templates: for each message `NAME.txt.mustache` in `Layouts/email/` (its first line is `Subject: …`, then
/// a blank line, then the plain-text body) and `NAME.html.mustache`, unless administrators published an edited
/// version (`LiveEmailTemplates` keeps those in `published`). Text templates declare `{{% CONTENT_TYPE: TEXT }}` so
/// nothing in them is HTML-escaped; in HTML templates `{{x}}` escapes as on pages, and an edited one cannot do
/// otherwise.
public struct EmailTemplates: Sendable {
    let files: TemplateSet
    /// The files' text by template name (`welcome.txt`, `layout.html`), for the editor and to compile edits beside.
    let sources: [String: String]
    /// The files with the published edits in place, shared by every copy of this value.
    let published = PublishedEmailTemplates()

    /// The messages the service sends; a missing template stops `agora serve` at start, not at the first sign-up.
    public static let required = [
        "verification", "welcome", "signup-attempt", "password-reset", "password-changed", "sign-in-attempts", "order-confirmation", "marketplace-update",
        "staff-invitation", "account-suspended", "account-restored", "recovery-code-used",
        "password-reset-required", "moderation-decision", "appeal-decided", "staff-message", "profile-reviewed",
        "verification-decided", "payout-account-changed", "notification-digest",
    ]

    /// What starts a plain-text file: its content type, then the subject line.
    static let textPragma = "{{% CONTENT_TYPE: TEXT }}"

    public init(directory: URL) throws {
        do {
            sources = try TemplateSet.sources(in: directory)
            files = try TemplateSet(sources: sources)
        } catch {
            throw EmailTemplateError(description: "\(directory.lastPathComponent)/\(error.template).mustache:\(error.line): template: \(error.explanation)")
        }
        for name in Self.required {
            for kind in ["txt", "html"] where !files.has("\(name).\(kind)") {
                throw EmailTemplateError(description: "\(directory.lastPathComponent)/\(name).\(kind).mustache: template is missing")
            }
        }
    }

    public func render(_ name: String, values: [String: String]) throws -> RenderedEmail {
        try render(name, fields: values.mapValues(TemplateValue.text))
    }

    /// With values that hold lists as well as text (a digest's groups and their notifications).
    public func render(_ name: String, fields: [String: TemplateValue]) throws -> RenderedEmail {
        try Self.render(name, fields: fields, in: published.set ?? files)
    }

    private static func render(_ name: String, fields: [String: TemplateValue], in templates: TemplateSet) throws -> RenderedEmail {
        let value = TemplateValue.fields(fields)
        guard let text = templates.renderText("\(name).txt", value),
              let html = templates.renderText("\(name).html", value)
        else { throw EmailTemplateError(description: "email/\(name): template is missing") }
        let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = lines.first, first.hasPrefix("Subject:") else {
            throw EmailTemplateError(description: "email/\(name).txt.mustache:1: the first line must be `Subject: …`")
        }
        let subject = first.dropFirst("Subject:".count).trimmingCharacters(in: .whitespaces)
        let body = lines.count > 1 ? String(lines[1]).trimmingCharacters(in: .newlines) + "\n" : ""
        return RenderedEmail(subject: subject, textBody: body, htmlBody: html)
    }

    // MARK: Edits

    /// The file's version of a message, in the three parts the editor shows.
    public func fileContent(of key: String) -> EmailTemplateContent? {
        guard Self.required.contains(key), var text = sources["\(key).txt"], let html = sources["\(key).html"] else { return nil }
        if text.hasPrefix(Self.textPragma) { text.removeFirst(Self.textPragma.count) }
        let parts = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let subject = parts.first.map { $0.hasPrefix("Subject:") ? $0.dropFirst("Subject:".count) : $0 } ?? ""
        return EmailTemplateContent(
            subject: subject.trimmingCharacters(in: .whitespaces),
            text: parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .newlines) : "",
            html: html.trimmingCharacters(in: .newlines)
        )
    }

    /// Checks that each part of an edit parses — the HTML escaping every value — naming the part, line and column
    /// of the first fault in each.
    public func check(_ content: EmailTemplateContent, for key: String) throws {
        var errors: [FieldError] = []
        func parse(_ field: String, _ sources: [String: String], _ name: String, _ rules: TemplateRules) {
            do {
                _ = try TemplateSet(sources: sources, rules: [name: rules])
            } catch {
                errors.append(FieldError(field: field, message: "line \(error.line), column \(error.column): \(error.message)"))
            }
        }
        parse("subject", ["subject": content.subject], "subject", .plainText)
        parse("text_body", ["text": content.text], "text", .plainText)
        parse("html_body", sources.merging(["\(key).html": content.html]) { $1 }, "\(key).html", .escapedOnly)
        guard errors.isEmpty else { throw ValidationError(errors) }
    }

    /// Renders an edit (checked) with these values, without publishing it.
    public func preview(_ content: EmailTemplateContent, for key: String, fields: [String: TemplateValue]) throws -> RenderedEmail {
        try check(content, for: key)
        return try Self.render(key, fields: fields, in: TemplateSet(sources: Self.sources(sources, with: [key: content]), rules: Self.rules(for: [key])))
    }

    /// Puts the published edits in place of their files; an edit that no longer compiles beside the files (a file it
    /// uses changed) is left out, and its file holds.
    @discardableResult
    public func install(_ edits: [String: EmailTemplateContent]) -> [String] {
        var kept = edits.filter { Self.required.contains($0.key) }
        if (try? TemplateSet(sources: Self.sources(sources, with: kept), rules: Self.rules(for: Array(kept.keys)))) == nil {
            kept = kept.filter { key, content in
                (try? TemplateSet(sources: Self.sources(sources, with: [key: content]), rules: Self.rules(for: [key]))) != nil
            }
        }
        let set = kept.isEmpty ? nil : try? TemplateSet(sources: Self.sources(sources, with: kept), rules: Self.rules(for: Array(kept.keys)))
        published.replace(with: set)
        return Array(edits.keys.filter { kept[$0] == nil }).sorted()
    }

    /// The files' sources with edits in place: the text part written back as a file is (`Subject:` line, blank line,
    /// body), with escaping off from its first byte.
    private static func sources(_ files: [String: String], with edits: [String: EmailTemplateContent]) -> [String: String] {
        var all = files
        for (key, content) in edits {
            all["\(key).txt"] = textPragma + "Subject: " + content.subject + "\n\n" + content.text
            all["\(key).html"] = content.html
        }
        return all
    }

    private static func rules(for keys: [String]) -> [String: TemplateRules] {
        Dictionary(uniqueKeysWithValues: keys.map { ("\($0).html", TemplateRules.escapedOnly) })
    }

    /// The names an edit of the message can use, as its file does: `first_name`, `link`, and the values every email
    /// has (`site_name`, `site_url`).
    public func variables(of key: String) -> [String] {
        let text = (sources["\(key).txt"] ?? "") + (sources["\(key).html"] ?? "")
        var names: Set<String> = ["site_name", "site_url"]
        var rest = Substring(text)
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            var tag = rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            if tag.first == "#" || tag.first == "^" { tag.removeFirst() }
            if !tag.isEmpty, tag.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) { names.insert(tag) }
        }
        return names.sorted()
    }
}

/// The compiled files-plus-edits that rendering uses, replaced whole when the published edits change.
final class PublishedEmailTemplates: Sendable {
    private let state = Mutex<TemplateSet?>(nil)

    var set: TemplateSet? { state.withLock { $0 } }

    func replace(with set: TemplateSet?) { state.withLock { $0 = set } }
}
