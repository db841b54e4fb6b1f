import Foundation

/// The rules of verification requests, in one place: the documents accepted, how long a refusal may be appealed, how
/// long a document is kept after the decision, and what staff and providers write.
public enum VerificationRules {
    /// Scans and photos of documents: PDF, JPEG, PNG or WebP, read from their first bytes.
    public static let documentTypes: [AttachmentType] = [.pdf, .jpeg, .png, .webp]
    public static let documentTypesDescribed = "PDF, JPEG, PNG or WebP"
    public static let maximumDocumentBytes: Int64 = 10 * 1_048_576
    public static let appealWindow: TimeInterval = 14 * 86_400
    /// A document is deleted this long after the last decision on it (its request stays, without it).
    public static let documentRetention: TimeInterval = 30 * 86_400
    public static let reasonLength = 1...500
    public static let statementLength = 10...2_000
    public static let noteLength = 1...500

    /// A reviewer's reason: required to refuse, optional to approve.
    public static func reason(_ raw: String?, required: Bool) throws -> String {
        var errors: [FieldError] = []
        let text = required
            ? FieldReading.text(raw, field: "reason", length: reasonLength, multiline: true, errors: &errors) ?? ""
            : ProfileContent.optionalText(raw, field: "reason", length: reasonLength, multiline: true, errors: &errors)
        guard errors.isEmpty else { throw ValidationError(errors) }
        return text
    }

    /// The provider's statement for an appeal.
    public static func statement(_ raw: String?) throws -> String {
        var errors: [FieldError] = []
        let text = FieldReading.text(raw, field: "statement", length: statementLength, multiline: true, errors: &errors) ?? ""
        guard errors.isEmpty else { throw ValidationError(errors) }
        return text
    }

    /// A note the provider adds to a request (which document it is, its number's last digits), or none.
    public static func note(_ raw: String?) throws -> String {
        var errors: [FieldError] = []
        let text = ProfileContent.optionalText(raw, field: "note", length: noteLength, multiline: false, errors: &errors)
        guard errors.isEmpty else { throw ValidationError(errors) }
        return text
    }

    /// The kind a request names: one that takes a document.
    public static func kind(_ raw: String?) throws -> VerificationKind {
        guard let raw, let kind = VerificationKind(rawValue: raw) else {
            throw ValidationError(field: "kind", message: "must be one of \(VerificationKind.withDocuments.map(\.rawValue).joined(separator: ", "))")
        }
        guard kind.takesDocument else {
            throw ValidationError(field: "kind", message: "is verified by the payment processor, not by a document")
        }
        return kind
    }
}
