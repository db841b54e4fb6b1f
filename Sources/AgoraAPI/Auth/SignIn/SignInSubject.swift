import AgoraDomain
import Foundation

/// The address a sign-in is attempted for, as failed attempts are counted: the typed text trimmed and lower-cased,
/// whether it is a valid address with an account or not, kept only as a hash so that the log holds no address
/// nobody registered.
struct SignInSubject: Sendable, Hashable {
    let hash: String

    init(typed: String) {
        let normalized = typed.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        hash = SecureToken.hash("agora sign-in subject:" + normalized)
    }

    init(_ email: Email) {
        self.init(typed: email.value)
    }
}
