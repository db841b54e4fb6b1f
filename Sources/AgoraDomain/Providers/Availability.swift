/// Whether a provider is taking new work.
public enum Availability: String, Sendable, Codable, CaseIterable {
    case available
    case limited
    case unavailable

    public var label: String {
        switch self {
        case .available: "Available now"
        case .limited: "Limited availability"
        case .unavailable: "Not taking new work"
        }
    }
}
