import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// `/api/admin/messages` (`users.edit`): an email from the staff to one account (`?user=`) or to the accounts a filter
/// of the users page matches (`q`, `type`, `status`, `country`, `from`, `to`); accounts whose address is not
/// confirmed are left out. `preview` answers how many it reaches, a few of them and the email as it will read;
/// sending queues every email and audits every recipient in one transaction (a dangerous action).
struct MessageRoutes: Sendable {
    let store: Store
    let composer: EmailComposer
    let clock: any AgoraClock
    let recentAuthentication: RecentAuthenticationMiddleware

    static let subjectLength = 150
    static let messageLength = 5_000
    /// Recipients a preview names.
    static let sampleSize = 5

    struct MessageInput: RequestBody {
        static let fields: Set<String> = ["subject", "message"]
        let subject: String?
        let message: String?

        init(reading body: inout JSONObjectBody) {
            subject = body.string("subject", maximumLength: MessageRoutes.subjectLength)
            message = body.string("message", maximumLength: MessageRoutes.messageLength, multiline: true)
        }
    }

    struct PreviewBody: ResponseEncodable {
        let recipients: Int
        let sample: [String]
        let subject: String
        let text: String
    }

    struct SentBody: ResponseEncodable {
        let recipients: Int
    }

    func register(on admin: RouterGroup<AgoraRequestContext>) {
        let area = AdminArea.messages.group(on: admin, store: store)
        area.post("preview", use: preview)
        area.group().add(middleware: recentAuthentication).post(use: send)
    }

    @Sendable func preview(_ request: Request, context: AgoraRequestContext) async throws -> PreviewBody {
        let (recipients, subject, message) = try await read(request, context: context)
        let sample = try recipients.first.map { try composer.compose("staff-message", to: $0.email.value, values: values(subject, message, for: $0)) }
        return PreviewBody(
            recipients: recipients.count, sample: recipients.prefix(Self.sampleSize).map(\.email.value),
            subject: sample?.subject ?? subject, text: sample?.textBody ?? message
        )
    }

    @Sendable func send(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<SentBody> {
        let (recipients, subject, message) = try await read(request, context: context)
        guard !recipients.isEmpty else { throw ValidationError(field: "recipients", message: "no confirmed account matches this filter") }
        try await StaffMessages(store: store).send(to: recipients, subject: subject, by: try AuditActor(request, context), now: clock.now) { [composer] user in
            try composer.compose("staff-message", to: user.email.value, values: values(subject, message, for: user))
        }
        return EditedResponse(status: .accepted, response: SentBody(recipients: recipients.count))
    }

    private func values(_ subject: String, _ message: String, for user: UserAccount) -> [String: String] {
        ["subject": subject, "message": message, "first_name": user.firstName]
    }

    /// The recipients from the query string and the message from the body, every bad part named at once.
    private func read(_ request: Request, context: AgoraRequestContext) async throws -> ([UserAccount], String, String) {
        let (query, _) = try UserAdminRoutes.segment(of: request, oneAccount: true)
        let input = try await request.decode(as: MessageInput.self, context: context)
        let subject = (input.subject ?? "").trimmingCharacters(in: .whitespaces)
        let message = (input.message ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var errors: [FieldError] = []
        if subject.isEmpty { errors.append(FieldError(field: "subject", message: "is required")) }
        if message.isEmpty { errors.append(FieldError(field: "message", message: "is required")) }
        guard errors.isEmpty else { throw ValidationError(errors) }
        return (try await UserDirectory(store: store).recipients(query), subject, message)
    }
}
