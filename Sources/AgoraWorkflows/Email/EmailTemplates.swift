import Foundation
import AgoraTemplates

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

/// The email templates of `Layouts/email/`: for each message `NAME.txt.mustache` (its first line is
/// `Subject: …`, then a blank line, then the plain-text body) and `NAME.html.mustache`. Text templates declare
/// `{{% CONTENT_TYPE: TEXT }}` so nothing in them is HTML-escaped; in HTML templates `{{x}}` escapes as on pages.
public struct EmailTemplates: Sendable {
    let templates: TemplateSet

    /// The messages the service sends; a missing template stops `agora serve` at start, not at the first sign-up.
    public static let required = [
        "verification", "welcome", "signup-attempt", "password-reset", "password-changed", "sign-in-attempts", "order-confirmation", "marketplace-update",
        "staff-invitation", "account-suspended", "account-restored", "recovery-code-used",
        "password-reset-required", "moderation-decision", "appeal-decided", "staff-message", "profile-reviewed",
        "verification-decided", "payout-account-changed", "notification-digest",
    ]

    public init(directory: URL) throws {
        do {
            templates = try TemplateSet(directory: directory)
        } catch {
            throw EmailTemplateError(description: "\(directory.lastPathComponent)/\(error.template).mustache:\(error.line): template: \(error.explanation)")
        }
        for name in Self.required {
            for kind in ["txt", "html"] where !templates.has("\(name).\(kind)") {
                throw EmailTemplateError(description: "\(directory.lastPathComponent)/\(name).\(kind).mustache: template is missing")
            }
        }
    }

    public func render(_ name: String, values: [String: String]) throws -> RenderedEmail {
        try render(name, fields: values.mapValues(TemplateValue.text))
    }

    /// With values that hold lists as well as text (a digest's groups and their notifications).
    public func render(_ name: String, fields: [String: TemplateValue]) throws -> RenderedEmail {
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
}
