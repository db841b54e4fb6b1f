/// A service category. Categories form a tree: top-level ones have no parent.
public struct Category: Hashable, Sendable, Codable, Identifiable {
    public let id: Int64
    public let parentID: Int64?
    public let name: String
    public let slug: Slug
    public let description: String
    /// The name of an icon in `Layouts/assets/icons/`, without extension.
    public let icon: String?
    public let active: Bool
    public let sortOrder: Int

    public init(id: Int64, parentID: Int64?, name: String, slug: Slug, description: String, icon: String?, active: Bool, sortOrder: Int) {
        self.id = id
        self.parentID = parentID
        self.name = name
        self.slug = slug
        self.description = description
        self.icon = icon
        self.active = active
        self.sortOrder = sortOrder
    }
}

/// What is needed to create a category; the store assigns the id.
public struct NewCategory: Sendable {
    public let parentSlug: Slug?
    public let name: String
    public let slug: Slug
    public let description: String
    public let icon: String?
    public let sortOrder: Int

    public init(parentSlug: Slug?, name: String, slug: Slug, description: String, icon: String?, sortOrder: Int) {
        self.parentSlug = parentSlug
        self.name = name
        self.slug = slug
        self.description = description
        self.icon = icon
        self.sortOrder = sortOrder
    }
}

extension Category {
    /// The fields an administrator changes, as the audit log records them.
    public var auditFields: [String: String] {
        [
            "name": name, "slug": slug.value, "description": description, "icon": icon ?? "", "active": String(active),
            "sort_order": String(sortOrder), "parent_id": parentID.map(String.init) ?? "",
        ]
    }
}
