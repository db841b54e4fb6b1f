/// The role an account plays on the marketplace.
public enum UserType: String, Sendable, Codable, CaseIterable {
    case client
    case provider
    case admin
}
