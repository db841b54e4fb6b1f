import AgoraDomain

/// What the search index knows of one provider: the four weighted text fields and the position.
struct SearchDocument: Sendable {
    let providerID: Int64
    let name: String
    let title: String
    let skills: String
    let bio: String
    /// A token per category the provider counts for (`c12 c3`): the listed ones and their active ancestors.
    let categories: String
    let position: GeoPoint?
}
