import Foundation

/// A category as an administrator edits it: every field checked by one rule set, for creating and changing alike.
public struct CategoryDraft: Hashable, Sendable {
    public static let maximumNameLength = 80
    public static let maximumDescriptionLength = 500
    public static let maximumIconLength = 40

    public var name: String
    public var slug: Slug
    public var description: String
    public var icon: String?
    public var sortOrder: Int
    public var parentID: Int64?
    public var active: Bool

    public init(name: String, slug: Slug, description: String, icon: String?, sortOrder: Int, parentID: Int64?, active: Bool) {
        self.name = name
        self.slug = slug
        self.description = description
        self.icon = icon
        self.sortOrder = sortOrder
        self.parentID = parentID
        self.active = active
    }

    /// The draft of an existing category.
    public init(_ category: Category) {
        self.init(
            name: category.name, slug: category.slug, description: category.description, icon: category.icon,
            sortOrder: category.sortOrder, parentID: category.parentID, active: category.active
        )
    }

    /// Checks the text fields; each broken rule is a field error.
    public func validate() throws {
        var errors: [FieldError] = []
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { errors.append(FieldError(field: "name", message: "is required")) }
        if name.count > Self.maximumNameLength { errors.append(FieldError(field: "name", message: "must be at most \(Self.maximumNameLength) characters")) }
        if trimmed != name { errors.append(FieldError(field: "name", message: "must not start or end with spaces")) }
        if description.count > Self.maximumDescriptionLength {
            errors.append(FieldError(field: "description", message: "must be at most \(Self.maximumDescriptionLength) characters"))
        }
        if let icon, icon.isEmpty || icon.count > Self.maximumIconLength || !icon.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
            errors.append(FieldError(field: "icon", message: "must be an icon name of up to \(Self.maximumIconLength) letters, digits and hyphens"))
        }
        if !(-1_000_000...1_000_000).contains(sortOrder) {
            errors.append(FieldError(field: "sort_order", message: "must be between -1000000 and 1000000"))
        }
        for field in [name, description] where field.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            errors.append(FieldError(field: field == name ? "name" : "description", message: "must not contain control characters"))
        }
        guard errors.isEmpty else { throw ValidationError(errors) }
    }
}

extension CategoryTree {
    /// Whether `category` may be placed under `parent` (nil: at the top): never under itself or anything below it,
    /// which would cut the branch off the tree.
    public func canMove(_ category: Category, under parent: Category?) -> Bool {
        guard let parent else { return true }
        return !subtreeIDs(of: category).contains(parent.id)
    }
}
