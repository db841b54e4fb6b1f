import AgoraDomain
import AgoraStore
import AgoraTemplates
import Foundation

/// Turns a template and its values into an outbox row: adds the site's name and address to the values, gives the
/// message a unique `Message-ID`, and marks optional mail with a one-click unsubscribe (RFC 8058) in its headers and
/// a link to it in its footer.
public struct EmailComposer: Sendable {
    public let templates: EmailTemplates
    public let siteName: String
    /// The public address of the site, without a trailing slash; links in emails start with it.
    public let baseURL: String
    /// Signs the unsubscribe links of optional mail, under the service's signing key.
    public let unsubscribe: UnsubscribeLinks

    public init(templates: EmailTemplates, siteName: String, baseURL: String, signingKey: [UInt8], previousKeys: [[UInt8]] = []) {
        self.templates = templates
        self.siteName = siteName
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        unsubscribe = UnsubscribeLinks(signingKey: signingKey, previousKeys: previousKeys, baseURL: self.baseURL)
    }

    /// Whether a message is part of an action the person took or a security notice (always sent), or something they
    /// may turn off: then it carries `List-Unsubscribe` for what the scope names, and its footer links to it.
    public enum Kind: Sendable {
        case transactional
        case optional(UnsubscribeScope)
    }

    public func compose(
        _ template: String, to recipient: String, values: [String: String], kind: Kind = .transactional
    ) throws -> NewOutboxEmail {
        try compose(template, to: recipient, fields: values.mapValues(TemplateValue.text), kind: kind)
    }

    /// The same with values that hold lists as well as text.
    public func compose(
        _ template: String, to recipient: String, fields: [String: TemplateValue], kind: Kind = .transactional
    ) throws -> NewOutboxEmail {
        var all = fields
        all["site_name"] = .text(siteName)
        all["site_url"] = .text(baseURL)
        var headers: [String: String] = [:]
        if case .optional(let scope) = kind {
            let address = try Email(recipient)
            headers["List-Unsubscribe"] = "<\(unsubscribe.url(for: address, scope: scope))>"
            headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
            all["unsubscribe_link"] = .text(unsubscribe.pageURL(for: address, scope: scope))
            all["unsubscribe_label"] = .text(scope.label)
            all["preferences_link"] = .text(baseURL + PagePaths.notificationPreferences)
        }
        var email = envelope(try templates.render(template, fields: all), template: template, to: recipient, headers: headers)
        if case .optional(let scope) = kind { email.unsubscribeScope = scope }
        return email
    }

    /// A rendered message as an outbox row, with a `Message-ID` of its own.
    func envelope(_ rendered: RenderedEmail, template: String, to recipient: String, headers: [String: String] = [:]) -> NewOutboxEmail {
        NewOutboxEmail(
            messageID: "<\(UUID().uuidString.lowercased())@\(messageIDDomain)>",
            recipient: recipient,
            subject: rendered.subject,
            template: template,
            textBody: rendered.textBody,
            htmlBody: rendered.htmlBody,
            headers: headers
        )
    }

    private var messageIDDomain: String {
        URL(string: baseURL)?.host ?? "agora.invalid"
    }

    /// A moment as the emails write it: `12 December 2026 at 10:00 UTC`.
    public static func moment(_ date: Date) -> String {
        momentFormatter.string(from: date)
    }

    /// Made once: a bulk operation writes thousands of emails, and making a formatter costs more than using it.
    /// Formatting with a formatter that is never changed is safe from any thread.
    nonisolated(unsafe) private static let momentFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "d MMMM yyyy 'at' HH:mm 'UTC'"
        return formatter
    }()
}
