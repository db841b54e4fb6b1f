import AgoraDomain
import Foundation

/// `{"reason": "…"}`: why a staff member does something to an account, kept in the audit log (and told to the
/// owner where the action says so).
struct ReasonInput: RequestBody {
    static let fields: Set<String> = ["reason"]
    let reason: String?

    init(reading body: inout JSONObjectBody) {
        reason = body.string("reason", required: false, maximumLength: 2_000, multiline: true)
    }

    /// The reason, trimmed; a field error when there is none.
    func required() throws -> String {
        let text = (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw ValidationError(field: "reason", message: "is required") }
        return text
    }
}
