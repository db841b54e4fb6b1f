/// Who reviews whom on a project: the client the provider, or the provider the client. A project has at most one
/// review each way.
public enum ReviewDirection: String, Sendable, Codable, CaseIterable {
    case clientToProvider = "client_to_provider"
    case providerToClient = "provider_to_client"

    /// The direction a member of `role` reviews in.
    public init(reviewer role: ProjectRole) {
        self = role == .client ? .clientToProvider : .providerToClient
    }

    public var reviewer: ProjectRole { self == .clientToProvider ? .client : .provider }
    public var reviewee: ProjectRole { self == .clientToProvider ? .provider : .client }

    /// The review the other party writes on the same project.
    public var opposite: ReviewDirection { self == .clientToProvider ? .providerToClient : .clientToProvider }
}
