import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// `/api/admin/email-templates` (`content.edit`): the messages the service sends, each editable in place of its file
/// in `Layouts/email/`. An edit is checked before it is kept — each part parses, the HTML escapes every value — and
/// saved as a new version, draft or published (audited); publishing puts it in force here at once and on the other
/// instances when they hear of it. A preview renders an edit from sample values; a test sends it to the editor's own
/// address only.
struct EmailTemplateRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock
    let composer: EmailComposer
    let live: LiveEmailTemplates

    func register(on admin: RouterGroup<AgoraRequestContext>) {
        let area = AdminArea.emailTemplates.group(on: admin, store: store)
        area.get(use: list)
        area.get("{key}", use: read)
        area.put("{key}", use: save)
        area.post("{key}/preview", use: preview)
        area.post("{key}/test", use: test)
    }

    @Sendable func list(_ request: Request, context: AgoraRequestContext) async throws -> EmailTemplateListBody {
        let repository = EmailTemplateRepository(store: store)
        let published = try await repository.published()
        let latest = try await repository.latest()
        return EmailTemplateListBody(templates: EmailTemplates.required.sorted().map { key in
            EmailTemplateSummaryBody(
                key: key, purpose: EmailTemplateSamples.purposes[key] ?? "", publishedVersion: published[key]?.version,
                latestVersion: latest[key]?.version, latestStatus: latest[key]?.status.rawValue, updatedAt: latest[key]?.createdAt
            )
        })
    }

    /// `?version=N` opens that version to edit instead of the newest.
    @Sendable func read(_ request: Request, context: AgoraRequestContext) async throws -> EmailTemplateBody {
        let key = try key(in: context)
        var query = try ListQuery(request, allowing: ["version"])
        let version = query.parsed("version", rule: "must be a version number") { Int($0).flatMap { $0 > 0 ? $0 : nil } }
        try query.finish()
        var opened: StoredEmailTemplate?
        if let version {
            opened = try await EmailTemplateRepository(store: store).version(version, of: key)
            if opened == nil { throw Problem(status: .notFound, detail: "This template has no version \(version).") }
        }
        return try await body(of: key, locale: .english, opening: opened)
    }

    @Sendable func save(_ request: Request, context: AgoraRequestContext) async throws -> EmailTemplateBody {
        let key = try key(in: context)
        let input = try await request.decode(as: EmailTemplateInput.self, context: context)
        guard let content = input.content, let status = input.status, let locale = input.locale else {
            throw ValidationError(field: "subject", message: "is not a template")
        }
        try composer.templates.check(content, for: key)
        _ = try await EmailTemplateRepository(store: store).save(content, key: key, locale: locale, status: status, by: try AuditActor(request, context), now: clock.now)
        if status == .published { try await live.refresh() }
        return try await body(of: key, locale: locale)
    }

    @Sendable func preview(_ request: Request, context: AgoraRequestContext) async throws -> EmailTemplateContentBody {
        let key = try key(in: context)
        let input = try await request.decode(as: EmailTemplateTrialInput.self, context: context)
        return EmailTemplateContentBody(try composer.preview(key, edit: input.edit))
    }

    @Sendable func test(_ request: Request, context: AgoraRequestContext) async throws -> EmailTemplateTestBody {
        let key = try key(in: context)
        let input = try await request.decode(as: EmailTemplateTrialInput.self, context: context)
        guard let editor = try await UserRepository(store: store).find(id: try context.requireIdentity().userID) else {
            throw Problem(status: .unauthorized, detail: "Sign in again.")
        }
        try await EmailOutbox(store: store).enqueue(try composer.test(key, edit: input.edit, to: editor.email.value), now: clock.now)
        return EmailTemplateTestBody(message: "A test of \(key) is on its way to \(editor.email.value).", to: editor.email.value)
    }

    private func key(in context: AgoraRequestContext) throws -> String {
        guard let key = context.parameters.get("key"), EmailTemplates.required.contains(key) else {
            throw Problem(status: .notFound, detail: "There is no such email template.")
        }
        return key
    }

    private func body(of key: String, locale: EmailLocale, opening opened: StoredEmailTemplate? = nil) async throws -> EmailTemplateBody {
        let versions = try await EmailTemplateRepository(store: store).versions(of: key, locale: locale)
        guard let file = composer.templates.fileContent(of: key) else { throw Problem(status: .notFound, detail: "There is no such email template.") }
        let newest = opened ?? versions.first
        return EmailTemplateBody(
            key: key, locale: locale.rawValue, purpose: EmailTemplateSamples.purposes[key] ?? "", variables: composer.templates.variables(of: key),
            file: EmailTemplateContentBody(file), publishedVersion: versions.first { $0.status == .published }?.version,
            current: EmailTemplateContentBody(newest?.content ?? file), currentVersion: newest?.version, currentStatus: newest?.status.rawValue,
            versions: versions.map(EmailTemplateVersionBody.init)
        )
    }
}
