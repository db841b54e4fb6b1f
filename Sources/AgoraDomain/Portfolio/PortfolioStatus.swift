/// Where a portfolio item stands. Publishing passes the item through the moderation filters: it is public at once,
/// or `pending` while a moderator looks at it; a moderator's removal makes it `rejected`. Editing a rejected item
/// and publishing it again sends it through the filters again.
public enum PortfolioStatus: String, Sendable, CaseIterable, Codable {
    case draft
    case pending
    case published
    case rejected

    /// Only a published item is on the public page.
    public var isPublic: Bool { self == .published }

    /// The status an owner may ask for from this one: publish (a draft, a rejected item) or take back to draft.
    public func moving(to requested: PortfolioStatus) throws -> PortfolioStatus {
        switch (self, requested) {
        case (.draft, .published), (.rejected, .published): return .published
        case (.published, .draft), (.pending, .draft), (.rejected, .draft): return .draft
        case (let current, let wanted) where current == wanted: return current
        default:
            throw ValidationError(field: "status", message: "cannot go from \(rawValue) to \(requested.rawValue): ask for published or draft")
        }
    }
}
