import AgoraDomain
import Crypto
import Foundation

/// Seals the app passwords of people's CalDAV calendars at rest (AES-256-GCM under a key derived from the document
/// key, `AGORA_DOCUMENT_KEY`), bound to the person, so a sealed password moved to another row does not open.
public struct CalDAVPasswords: Sendable {
    private let key: SymmetricKey

    public init(documentKey: [UInt8]) {
        key = HKDF<SHA256>.deriveKey(inputKeyMaterial: SymmetricKey(data: documentKey), info: Data("agora caldav passwords v1".utf8), outputByteCount: 32)
    }

    public func seal(_ password: String, for userID: Int64) throws -> String {
        guard let combined = try AES.GCM.seal(Data(password.utf8), using: key, authenticating: Data("\(userID)".utf8)).combined else {
            throw CryptoKitError.incorrectParameterSize
        }
        return Base64URL.encode(combined)
    }

    /// The password; a `CalDAVError` when it does not open (the document key changed).
    public func open(_ sealed: String, for userID: Int64) throws -> String {
        guard let data = Base64URL.decode(sealed), let box = try? AES.GCM.SealedBox(combined: data),
              let plain = try? AES.GCM.open(box, using: key, authenticating: Data("\(userID)".utf8))
        else { throw CalDAVError("the saved password cannot be read: connect the calendar again", refused: true) }
        return String(decoding: plain, as: UTF8.self)
    }
}
