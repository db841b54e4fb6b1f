import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// The three parts of an edit as the API names them — `subject`, `text_body`, `html_body` — or of a preview, the
/// message as a member would receive it.
struct EmailTemplateContentBody: ResponseEncodable {
    let subject: String
    let textBody: String
    let htmlBody: String

    init(_ content: EmailTemplateContent) {
        subject = content.subject
        textBody = content.text
        htmlBody = content.html
    }

    init(_ rendered: RenderedEmail) {
        subject = rendered.subject
        textBody = rendered.textBody
        htmlBody = rendered.htmlBody
    }

    /// Reads the three parts; with `required` false, none of them is the same as no edit at all.
    static func read(from body: inout JSONObjectBody, required: Bool) -> EmailTemplateContent? {
        let subject = body.string("subject", required: required, maximumLength: EmailTemplateContent.subjectLength.upperBound)
        let text = body.string("text_body", required: required, maximumLength: EmailTemplateContent.textLength.upperBound, multiline: true)
        let html = body.string("html_body", required: required, maximumLength: EmailTemplateContent.htmlLength.upperBound, multiline: true)
        guard required || subject != nil || text != nil || html != nil else { return nil }
        var errors: [FieldError] = []
        let content = EmailTemplateContent.read(subject: subject, text: text, html: html, errors: &errors)
        for error in errors where !body.errors.contains(where: { $0.field == error.field }) { body.reject(error.field, error.message) }
        return content
    }
}

/// `PUT /api/admin/email-templates/{key}`: the three parts, `status` (draft or published) and `locale` (en).
struct EmailTemplateInput: RequestBody {
    static let fields: Set<String> = ["subject", "text_body", "html_body", "status", "locale"]
    let content: EmailTemplateContent?
    let status: EmailTemplateStatus?
    let locale: EmailLocale?

    init(reading body: inout JSONObjectBody) {
        content = EmailTemplateContentBody.read(from: &body, required: true)
        var errors: [FieldError] = []
        status = FieldReading.choice(body.string("status", maximumLength: 20), field: "status", default: EmailTemplateStatus.draft, errors: &errors)
        locale = FieldReading.choice(body.string("locale", required: false, maximumLength: 10), field: "locale", default: EmailLocale.english, errors: &errors)
        for error in errors { body.reject(error.field, error.message) }
    }
}

/// `POST /api/admin/email-templates/{key}/preview` and `/test`: an edit to try (the three parts), or nothing for the
/// version in force.
struct EmailTemplateTrialInput: RequestBody {
    static let fields: Set<String> = ["subject", "text_body", "html_body"]
    let edit: EmailTemplateContent?

    init(reading body: inout JSONObjectBody) {
        edit = EmailTemplateContentBody.read(from: &body, required: false)
    }
}

/// One message in the editor's list.
struct EmailTemplateSummaryBody: Encodable {
    let key: String
    let purpose: String
    /// The published version in force; absent while the file is.
    let publishedVersion: Int?
    /// The newest version saved, draft or published.
    let latestVersion: Int?
    let latestStatus: String?
    let updatedAt: Date?
}

struct EmailTemplateListBody: ResponseEncodable {
    let templates: [EmailTemplateSummaryBody]
}

/// One saved version, without its parts.
struct EmailTemplateVersionBody: Encodable {
    let version: Int
    let status: String
    let subject: String
    let changedBy: Int64?
    let createdAt: Date

    init(_ stored: StoredEmailTemplate) {
        version = stored.version
        status = stored.status.rawValue
        subject = stored.content.subject
        changedBy = stored.changedBy
        createdAt = stored.createdAt
    }
}

/// A message in the editor: what it is for, the names it can use, the file's version, the version in force and the
/// newest saved (which the editor opens), and the history.
struct EmailTemplateBody: ResponseEncodable {
    let key: String
    let locale: String
    let purpose: String
    let variables: [String]
    let file: EmailTemplateContentBody
    /// The published version in force; absent while the file is.
    let publishedVersion: Int?
    /// The newest version saved (or the one asked for, or the file's when none is), to edit.
    let current: EmailTemplateContentBody
    let currentVersion: Int?
    let currentStatus: String?
    let versions: [EmailTemplateVersionBody]
}

/// A test sent: to whom.
struct EmailTemplateTestBody: ResponseEncodable {
    let message: String
    let to: String
}
