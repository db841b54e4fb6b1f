/// The kinds of thing members write that moderation looks at. Each later kind (profiles, portfolios, messages,
/// reviews, verification documents) joins as a case here, with its table's `moderation_hold` column.
public enum ModerationSubject: String, Sendable, Codable, CaseIterable {
    case order
    case proposal
    case testimonial
    case portfolio
    /// A message of a project's chat, reported by the other member (its text is sealed at rest: the report carries
    /// the excerpt the moderator reads).
    case message

    /// The kinds a setting may make wait for approval before anyone else sees them (testimonials always wait).
    public static let approvable: [ModerationSubject] = [.order, .proposal, .portfolio]
}
