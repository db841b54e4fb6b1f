/// Where an edited email template stands: a draft is kept for later and sends nothing; the newest published version
/// of a template is what every email of its kind is written with, in place of the file in `Layouts/email/`.
public enum EmailTemplateStatus: String, Sendable, Codable, CaseIterable {
    case draft
    case published
}

/// The languages emails are written in. The site speaks English; a locale is part of every stored template so that
/// others can be added beside it.
public enum EmailLocale: String, Sendable, Codable, CaseIterable {
    case english = "en"
}

/// The three parts of an email template as an administrator edits them, each a Mustache template: the subject (one
/// line), the plain-text body and the HTML body (which may use `{{<layout.html}}`). The lengths are checked here;
/// whether each part parses is checked against the template engine (`EmailTemplates.check`). The lengths keep a whole
/// edit within one request body (64 KiB).
public struct EmailTemplateContent: Sendable, Hashable, Codable {
    public static let subjectLength = 1...200
    public static let textLength = 1...12_000
    public static let htmlLength = 1...24_000

    public let subject: String
    public let text: String
    public let html: String

    public init(subject: String, text: String, html: String) {
        self.subject = subject
        self.text = text
        self.html = html
    }

    /// Reads the three parts, naming each bad one (`subject`, `text_body`, `html_body`).
    public static func read(subject: String?, text: String?, html: String?, errors: inout [FieldError]) -> EmailTemplateContent? {
        let subject = FieldReading.text(subject, field: "subject", length: subjectLength, multiline: false, errors: &errors)
        let text = FieldReading.text(text, field: "text_body", length: textLength, multiline: true, errors: &errors)
        let html = FieldReading.text(html, field: "html_body", length: htmlLength, multiline: true, errors: &errors)
        guard let subject, let text, let html else { return nil }
        return EmailTemplateContent(subject: subject, text: text, html: html)
    }
}
