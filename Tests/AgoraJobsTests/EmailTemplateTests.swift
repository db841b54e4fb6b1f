import AgoraDomain
@testable import AgoraJobs
@testable import AgoraStore
import AgoraTestSupport
import AgoraWorkflows
import Foundation
import Testing

@Suite("Email templates and messages")
struct EmailTemplateTests {
    static let signingKey = Array("email-template-tests-signing-key-32-bytes".utf8)

    static func composer() async throws -> EmailComposer {
        let templates = try EmailTemplates(directory: RepositoryPaths.layouts.appendingPathComponent("email"))
        return EmailComposer(templates: templates, siteName: "Agora", baseURL: "https://agora.example/", signingKey: signingKey)
    }

    @Test("every message the service sends renders a subject, a text and an HTML body with its link")
    func everyTemplate() async throws {
        let composer = try await Self.composer()
        for name in EmailTemplates.required {
            let email = try composer.compose(name, to: "ada@example.com", values: [
                "first_name": "Ada", "link": "https://agora.example/x?token=abc", "login_link": "https://agora.example/login/",
                "reset_link": "https://agora.example/forgot-password/", "how": "changed", "when": "1 December 2026 at 10:00 UTC",
                "headline": "News about your order", "subject": "A word from the team",
            ])
            #expect(!email.subject.isEmpty && !email.subject.contains("{{"), "\(name)")
            #expect(email.textBody.contains("Hello Ada,"), "\(name)")
            #expect(email.htmlBody.contains("<!doctype html>"), "\(name)")
            #expect(email.htmlBody.contains("Hello Ada,"), "\(name)")
            #expect(!email.textBody.contains("Subject:"), "\(name)")
            #expect(email.messageID.hasSuffix("@agora.example>"))
            #expect(email.headers.isEmpty)
        }
    }

    @Test("every notification kind's email template is one the service requires at start")
    func notificationTemplates() {
        for kind in NotificationKind.allCases {
            #expect(EmailTemplates.required.contains(kind.emailTemplate), "\(kind)")
        }
    }

    @Test("names are escaped in HTML and left as typed in plain text")
    func escaping() async throws {
        let email = try await Self.composer().compose("welcome", to: "a@example.com", values: ["first_name": "<b>Ada</b> & co", "link": "https://x"])
        #expect(email.htmlBody.contains("&lt;b&gt;Ada&lt;/b&gt; &amp; co"))
        #expect(!email.htmlBody.contains("<b>Ada"))
        #expect(email.textBody.contains("Hello <b>Ada</b> & co,"))
    }

    @Test("optional mail carries a one-click unsubscribe for its scope in its headers and a link to the page in its footer; transactional mail neither")
    func unsubscribe() async throws {
        let composer = try await Self.composer()
        let values = ["first_name": "Ada", "headline": "Proposal received", "message": "Kim proposed", "action": "See it", "link": "https://x"]
        let email = try composer.compose("marketplace-update", to: "a@example.com", values: values, kind: .optional(.category(.proposals)))
        let links = UnsubscribeLinks(signingKey: Self.signingKey, baseURL: "https://agora.example")
        let token = links.token(for: try Email("a@example.com"), scope: .category(.proposals))
        #expect(email.headers["List-Unsubscribe"] == "<https://agora.example/api/email/unsubscribe?token=\(token)>")
        #expect(email.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click")
        #expect(email.textBody.contains("Unsubscribe from emails about Proposals:\nhttps://agora.example/unsubscribe/?token=\(token)"))
        #expect(email.htmlBody.contains("href=\"https://agora.example/unsubscribe/?token=\(token)\""))
        #expect(email.htmlBody.contains("unsubscribe from emails about Proposals"))
        #expect(email.htmlBody.contains("href=\"https://agora.example/settings/notifications/\""))

        let plain = try composer.compose("marketplace-update", to: "a@example.com", values: values)
        #expect(plain.headers["List-Unsubscribe"] == nil)
        #expect(!plain.textBody.contains("nsubscribe") && !plain.htmlBody.contains("nsubscribe"))
        #expect(plain.htmlBody.contains("because of an action on your Agora account"))
    }

    @Test("a missing or broken template stops the start with the file's name")
    func brokenTemplates() async throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        try scratch.write("{{% CONTENT_TYPE: TEXT }}Subject: Hi\n\nBody", to: "email/verification.txt.mustache")
        let error = #expect(throws: EmailTemplateError.self) {
            _ = try EmailTemplates(directory: scratch.url.appendingPathComponent("email"))
        }
        #expect(error?.description == "email/verification.html.mustache: template is missing")
        try scratch.write("<p>Hello\n{{#name}}unclosed</p>\n", to: "email/verification.html.mustache")
        let broken = #expect(throws: EmailTemplateError.self) {
            _ = try EmailTemplates(directory: scratch.url.appendingPathComponent("email"))
        }
        #expect(broken?.description == "email/verification.html.mustache:2: template: the section `name` is opened but never closed (column 1: {{#name}}unclosed</p>)")
    }

    @Test("the message is RFC 5322 with both parts in quoted-printable, and no header can be injected")
    func mime() throws {
        let email = OutboxEmail(
            id: 7, messageID: "<m1@agora.example>", recipient: "ada@example.com", subject: "Café ready\r\nBcc: evil@example.com",
            template: "welcome", textBody: "Hello Zoë,\nopen https://agora.example/verify-email/?token=" + String(repeating: "x", count: 80),
            htmlBody: "<p>Hello Zoë</p>", headers: ["List-Unsubscribe": "<https://u>"], unsubscribeScope: .allOptionalMail, status: .sending, attempts: 1,
            lastError: nil, createdAt: Date(timeIntervalSince1970: 0), sentAt: nil
        )
        let text = MIMEMessage(from: "Agora <no-reply@agora.example>", email: email, date: Date(timeIntervalSince1970: 1_790_000_000)).text
        let head = String(text[..<text.range(of: "\r\n\r\n")!.lowerBound])
        #expect(head.contains("Date: Mon, 21 Sep 2026 14:13:20 +0000"))
        #expect(head.contains("Message-ID: <m1@agora.example>"))
        #expect(head.contains("List-Unsubscribe: <https://u>"))
        #expect(head.contains("Subject: =?UTF-8?B?"))
        #expect(!head.split(separator: "\r\n").contains { $0.hasPrefix("Bcc:") })
        #expect(text.split(separator: "\r\n").allSatisfy { $0.count <= 998 })
        let body = String(text[text.range(of: "\r\n\r\n")!.upperBound...])
        #expect(QuotedPrintable.decode(body).contains("Hello Zoë,\r\nopen https://agora.example/verify-email/?token=" + String(repeating: "x", count: 80)))
        #expect(body.split(separator: "\r\n").allSatisfy { $0.count <= 76 })
    }

    @Test("quoted-printable round-trips any text")
    func quotedPrintable() {
        for sample in ["plain", "a=b", "trailing space \nnext", "ünïcödé ✓ 😀", String(repeating: "long line ", count: 30), "tab\tend\t"] {
            #expect(QuotedPrintable.decode(QuotedPrintable.encode(sample)) == sample.replacingOccurrences(of: "\n", with: "\r\n"))
        }
    }
}

@Suite("SendGrid's request")
struct SendGridPayloadTests {
    @Test("the message becomes SendGrid's JSON with both parts, the sender's name and the headers")
    func payload() {
        let email = OutboxEmail(
            id: 1, messageID: "<m@agora.example>", recipient: "ada@example.com", subject: "Hi", template: "welcome",
            textBody: "text", htmlBody: "<p>html</p>", headers: ["List-Unsubscribe": "<https://u>"], unsubscribeScope: .allOptionalMail, status: .sending,
            attempts: 1, lastError: nil, createdAt: Date(timeIntervalSince1970: 0), sentAt: nil
        )
        let payload = SendGridMailTransport.payload(for: MIMEMessage(from: "Agora <no-reply@agora.example>", email: email, date: Date()))
        #expect(payload.from == .init(email: "no-reply@agora.example", name: "Agora"))
        #expect(payload.personalizations == [.init(to: [.init(email: "ada@example.com", name: nil)])])
        #expect(payload.content == [.init(type: "text/plain", value: "text"), .init(type: "text/html", value: "<p>html</p>")])
        #expect(payload.headers == ["List-Unsubscribe": "<https://u>", "Message-ID": "<m@agora.example>"])
    }
}
