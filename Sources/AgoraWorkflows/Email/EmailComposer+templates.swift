import AgoraDomain
import AgoraStore
import AgoraTemplates

extension EmailComposer {
    /// The values a preview or test of the message is written with: its samples, and the site's name and address.
    public func sampleFields(for key: String) -> [String: TemplateValue] {
        var fields = EmailTemplateSamples.fields(for: key, in: templates, baseURL: baseURL)
        fields["site_name"] = .text(siteName)
        fields["site_url"] = .text(baseURL)
        return fields
    }

    /// The message written with an edit (checked, not published) or, without one, with the version in force, from
    /// sample values.
    public func preview(_ key: String, edit: EmailTemplateContent?) throws -> RenderedEmail {
        let fields = sampleFields(for: key)
        guard let edit else { return try templates.render(key, fields: fields) }
        return try templates.preview(edit, for: key, fields: fields)
    }

    /// The same as an email to one address, its subject marked as a test.
    public func test(_ key: String, edit: EmailTemplateContent?, to recipient: String) throws -> NewOutboxEmail {
        let rendered = try preview(key, edit: edit)
        return envelope(
            RenderedEmail(subject: "[Test] " + rendered.subject, textBody: rendered.textBody, htmlBody: rendered.htmlBody),
            template: key, to: recipient
        )
    }
}
