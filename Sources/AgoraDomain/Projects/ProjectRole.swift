/// The side a member is on in a project: the client who ordered the work, or the provider who does it.
public enum ProjectRole: String, Sendable, Codable, CaseIterable {
    case client
    case provider

    /// The other side: who answers a proposal this side made.
    public var other: ProjectRole {
        switch self {
        case .client: .provider
        case .provider: .client
        }
    }
}
