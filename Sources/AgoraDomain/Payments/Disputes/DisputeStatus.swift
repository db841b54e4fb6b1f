/// Where a dispute stands: open while both sides make their case and an administrator has not decided; then
/// resolved by the decision, or withdrawn by the member who opened it.
public enum DisputeStatus: String, Sendable, Codable, CaseIterable {
    case open
    case resolved
    case withdrawn

    public var label: String {
        switch self {
        case .open: "open"
        case .resolved: "resolved"
        case .withdrawn: "withdrawn"
        }
    }
}

/// Why a member disputes a milestone's money.
public enum DisputeReason: String, Sendable, Codable, CaseIterable {
    case notDelivered = "not-delivered"
    case quality
    case scope
    case communication
    case other

    public var label: String {
        switch self {
        case .notDelivered: "The work was not delivered"
        case .quality: "The work is not of the agreed quality"
        case .scope: "We disagree about what was agreed"
        case .communication: "The other side stopped answering"
        case .other: "Something else"
        }
    }
}
