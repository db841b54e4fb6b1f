import AgoraDomain
import AgoraStore
import AgoraTestSupport
import AgoraWorkflows
import Foundation
import Testing

/// Staff edit the messages the marketplace sends: checked, kept as drafts or published, previewed, tested, audited.
@Suite("Editing email templates")
struct EmailTemplateEditingTests {
    static let update = "/api/admin/email-templates/marketplace-update"
    static let edit = #"""
        {"subject": "News for {{first_name}}: {{headline}}", "text_body": "{{message}}\n\n{{action}}: {{link}}",
         "html_body": "{{<layout.html}}{{$body}}<p class=\"edited\">{{message}}</p>{{/body}}{{/layout.html}}", "status": "published"}
        """#

    func body(_ json: String, status: String) -> String {
        json.replacingOccurrences(of: #""status": "published""#, with: #""status": "\#(status)""#)
    }

    /// A composer of another instance, which has read nothing published.
    static func filesComposer() throws -> EmailComposer {
        EmailComposer(
            templates: try EmailTemplates(directory: RepositoryPaths.layouts.appendingPathComponent("email")), siteName: "Agora",
            baseURL: "http://agora.test", signingKey: TestConfiguration.signingKey
        )
    }

    func update(to name: String, message: String, with composer: EmailComposer) throws -> NewOutboxEmail {
        try composer.compose("marketplace-update", to: "ada@example.com", values: [
            "first_name": name, "headline": "Proposal received", "message": message, "action": "See it", "link": "https://agora.test/orders/",
        ])
    }

    @Test("a draft changes nothing; a publication writes every email of its kind at once, escaped; versions, audit and another instance follow", arguments: TestDatabase.engines)
    func publish(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            let admin = try await harness.signedInAdministrator()
            let list = try await harness.send(.get, "/api/admin/email-templates", bearer: admin.accessToken)
            #expect(list.status == .ok, "\(list.text)")
            let templates = try #require(try list.json()["templates"] as? [[String: Any]])
            #expect(templates.compactMap { $0["key"] as? String } == EmailTemplates.required.sorted())
            #expect(templates.allSatisfy { $0["published_version"] == nil && !($0["purpose"] as? String ?? "").isEmpty })

            let opened = try await harness.send(.get, Self.update, bearer: admin.accessToken).json()
            let file = try #require(opened["file"] as? [String: Any])
            #expect(file["subject"] as? String == "{{headline}}")
            #expect((file["text_body"] as? String)?.hasPrefix("Hello {{first_name}},") == true)
            #expect((opened["current"] as? [String: Any])?["html_body"] as? String == file["html_body"] as? String, "the file is what opens first")
            #expect(Set(opened["variables"] as? [String] ?? []).isSuperset(of: ["first_name", "headline", "message", "action", "link", "site_name"]))

            let draft = try await harness.send(.put, Self.update, json: body(Self.edit, status: "draft"), bearer: admin.accessToken)
            #expect(draft.status == .ok, "\(draft.text)")
            #expect(try draft.json()["current_version"] as? Int == 1 && draft.json()["published_version"] == nil)
            #expect(try update(to: "Ada", message: "Kim proposed", with: harness.composer).subject == "Proposal received", "a draft is not in force")

            let published = try await harness.send(.put, Self.update, json: Self.edit, bearer: admin.accessToken)
            #expect(try published.json()["published_version"] as? Int == 2)
            let written = try update(to: "<b>Ada</b>", message: "<script>alert(1)</script>", with: harness.composer)
            #expect(written.subject == "News for <b>Ada</b>: Proposal received", "a subject is plain text")
            #expect(written.textBody == "<script>alert(1)</script>\n\nSee it: https://agora.test/orders/\n")
            #expect(written.htmlBody.contains(#"<p class="edited">&lt;script&gt;alert(1)&lt;/script&gt;</p>"#))
            #expect(!written.htmlBody.contains("<script>"))
            #expect(written.htmlBody.contains("<!doctype html>"), "the layout still wraps it")
            #expect(try harness.composer.compose("welcome", to: "ada@example.com", values: ["first_name": "Ada", "link": "x"]).subject.contains("Welcome"),
                    "other messages keep their files")

            let versions = try #require(try published.json()["versions"] as? [[String: Any]])
            #expect(versions.map { "\($0["status"] ?? "")\($0["version"] ?? "")" } == ["published2", "draft1"])
            let first = try await harness.send(.get, Self.update + "?version=1", bearer: admin.accessToken).json()
            #expect(first["current_version"] as? Int == 1 && first["current_status"] as? String == "draft")
            #expect(try await harness.send(.get, Self.update + "?version=9", bearer: admin.accessToken).status == .notFound)
            #expect(try await harness.send(.get, Self.update + "?version=x", bearer: admin.accessToken).fieldErrors == ["version"])
            var audited: [AuditedAction] = []
            for row in try await harness.store.sql.raw("SELECT id FROM email_templates ORDER BY version").all() {
                audited += try await AuditLog(store: harness.store).entries(about: .emailTemplate, id: try row.decode(column: "id", as: Int64.self)).map(\.action)
            }
            #expect(audited == [.emailTemplateDrafted, .emailTemplatePublished])

            // Another instance, with templates of its own, reads the publication when it asks whether anything changed.
            let elsewhere = try Self.filesComposer()
            #expect(try update(to: "Ada", message: "m", with: elsewhere).subject == "Proposal received")
            try await LiveEmailTemplates(store: harness.store, templates: elsewhere.templates).refreshIfChanged()
            #expect(try update(to: "Ada", message: "m", with: elsewhere).subject == "News for Ada: Proposal received")

            // Going back: the file's text published as the next version.
            var back = file
            back["status"] = "published"
            let restored = try await harness.send(.put, Self.update, json: String(decoding: try JSONSerialization.data(withJSONObject: back), as: UTF8.self), bearer: admin.accessToken)
            #expect(restored.status == .ok, "\(restored.text)")
            let now = try update(to: "Ada", message: "Kim proposed", with: harness.composer)
            let fromFile = try update(to: "Ada", message: "Kim proposed", with: try Self.filesComposer())
            #expect(now.subject == fromFile.subject && now.textBody == fromFile.textBody && now.htmlBody == fromFile.htmlBody)
        }
    }

    @Test("edits that do not parse or would write a value unescaped are refused with each part's line and column; nothing is saved", arguments: TestDatabase.engines)
    func refused(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            let admin = try await harness.signedInAdministrator()
            let bad = #"""
                {"subject": "Hello {{#first_name}}", "text_body": "fine {{link}}",
                 "html_body": "<p>one</p>\n<p>{{{message}}}</p>", "status": "published"}
                """#
            let refused = try await harness.send(.put, Self.update, json: bad, bearer: admin.accessToken)
            #expect(refused.status == .unprocessableContent)
            #expect(Set(refused.fieldErrors) == ["subject", "html_body"])
            let messages = try (refused.json()["errors"] as? [[String: Any]] ?? []).reduce(into: [String: String]()) { $0[$1["field"] as? String ?? ""] = $1["message"] as? String }
            #expect(messages["html_body"]?.hasPrefix("line 2, column 4:") == true, "\(messages)")
            #expect(messages["html_body"]?.contains("without escaping") == true)
            #expect(messages["subject"]?.hasPrefix("line 1, column") == true, "\(messages)")
            for html in [#"{{& message}}"#, #"{{% CONTENT_TYPE: TEXT }}{{message}}"#, #"{{>missing}}"#] {
                let json = #"{"subject": "s", "text_body": "t", "html_body": "\#(html)", "status": "draft"}"#
                #expect(try await harness.send(.put, Self.update, json: json, bearer: admin.accessToken).fieldErrors == ["html_body"], "\(html)")
            }
            let missing = try await harness.send(.put, Self.update, json: #"{"subject": "two\nlines", "status": "live", "locale": "fr"}"#, bearer: admin.accessToken)
            #expect(Set(missing.fieldErrors) == ["subject", "text_body", "html_body", "status", "locale"])
            #expect(try await harness.send(.put, Self.update, json: #"{"subject": "s", "text_body": "t", "html_body": "h", "status": "draft", "colour": 1}"#, bearer: admin.accessToken).fieldErrors == ["colour"])
            #expect(try await harness.send(.put, "/api/admin/email-templates/nonsense", json: Self.edit, bearer: admin.accessToken).status == .notFound)
            #expect(try await EmailTemplateRepository(store: harness.store).versions(of: "marketplace-update").isEmpty)
            #expect(try await harness.send(.post, Self.update + "/preview", json: bad, bearer: admin.accessToken).status == .unprocessableContent)
        }
    }

    @Test("a preview renders an edit or the version in force from samples; a test goes to the editor alone; only staff with content.edit", arguments: TestDatabase.engines)
    func previewAndTest(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            let admin = try await harness.signedInAdministrator()
            let trial = Self.edit.replacingOccurrences(of: #", "status": "published""#, with: "")
            let preview = try await harness.send(.post, Self.update + "/preview", json: trial, bearer: admin.accessToken)
            #expect(preview.status == .ok, "\(preview.text)")
            #expect(try preview.json()["subject"] as? String == "News for Ada: Kim Park sent a proposal")
            #expect(try (preview.json()["html_body"] as? String)?.contains(#"<p class="edited">Logo redesign: 450.00 EUR in 3 milestones.</p>"#) == true)
            let inForce = try await harness.send(.post, Self.update + "/preview", json: "{}", bearer: admin.accessToken)
            #expect(try inForce.json()["subject"] as? String == "Kim Park sent a proposal")
            #expect(try (inForce.json()["text_body"] as? String)?.contains("Hello Ada,") == true)
            for key in EmailTemplates.required {
                let every = try await harness.send(.post, "/api/admin/email-templates/\(key)/preview", json: "{}", bearer: admin.accessToken)
                #expect(try every.status == .ok && !(every.json()["subject"] as? String ?? "[").contains("["), "\(key): every name its file uses has a sample")
            }
            #expect(try await harness.send(.post, Self.update + "/preview", json: #"{"subject": "only this"}"#, bearer: admin.accessToken).fieldErrors.sorted() == ["html_body", "text_body"])

            let test = try await harness.send(.post, Self.update + "/test", json: trial, bearer: admin.accessToken)
            #expect(test.status == .ok, "\(test.text)")
            #expect(try test.json()["to"] as? String == "grace@example.com")
            let sent = try await EmailOutbox(store: harness.store).messages(to: "grace@example.com").filter { $0.template == "marketplace-update" }
            #expect(sent.map(\.subject) == ["[Test] News for Ada: Kim Park sent a proposal"])
            #expect(try await EmailTemplateRepository(store: harness.store).versions(of: "marketplace-update").isEmpty, "trying saves nothing")

            let support = try await harness.signedInStaff("sam@example.com", role: .support)
            let editor = try await harness.signedInStaff("eve@example.com", role: .contentEditor)
            #expect(try await harness.send(.get, "/api/admin/email-templates", bearer: support.accessToken).status == .forbidden)
            #expect(try await harness.send(.put, Self.update, json: Self.edit, bearer: support.accessToken).status == .forbidden)
            #expect(try await harness.send(.post, Self.update + "/test", json: "{}", bearer: support.accessToken).status == .forbidden)
            #expect(try await harness.send(.get, "/api/admin/email-templates", bearer: editor.accessToken).status == .ok)
            #expect(try await harness.send(.get, "/api/admin/email-templates").status == .unauthorized)
        }
    }
}
