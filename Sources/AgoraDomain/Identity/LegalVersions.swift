/// The versions of the terms of service and the privacy policy a new account must accept. Each acceptance is
/// stored with the version the person saw, so a later change of either document can ask for consent again.
public struct LegalVersions: Sendable, Hashable, Codable {
    public let terms: String
    public let privacy: String

    public init(terms: String, privacy: String) {
        self.terms = terms
        self.privacy = privacy
    }
}
