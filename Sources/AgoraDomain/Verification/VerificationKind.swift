import Foundation

/// What a verification checks. Each kind a provider proves with a document is reviewed by staff; the payment method is
/// verified by the payment processor once payments exist, not by a document.
public enum VerificationKind: String, Sendable, CaseIterable, Codable {
    case identity = "identity-document"
    case licence = "professional-licence"
    case address
    case paymentMethod = "payment-method"

    public var title: String {
        switch self {
        case .identity: "Identity document"
        case .licence: "Professional licence"
        case .address: "Proof of address"
        case .paymentMethod: "Payment method"
        }
    }

    /// Whether a provider sends a document for it.
    public var takesDocument: Bool { self != .paymentMethod }

    /// The kinds a provider may send a document for.
    public static let withDocuments = allCases.filter(\.takesDocument)

    /// How long an approval holds before the verification expires and its badge goes.
    public var validity: TimeInterval {
        switch self {
        case .identity: 3 * 365 * 86_400
        case .licence, .address, .paymentMethod: 365 * 86_400
        }
    }

    /// The badge an approval gives, if any (a proof of address is for staff, not shown).
    public var badge: ProviderBadge? {
        switch self {
        case .identity: .identityVerified
        case .licence: .licenceVerified
        case .paymentMethod: .paymentVerified
        case .address: nil
        }
    }
}
