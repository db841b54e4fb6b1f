import Foundation

/// What a provider writes about one piece of work: the one place that holds the rules for each field of a portfolio
/// item. Whether the category exists and is active is the store's to check.
public struct PortfolioContent: Hashable, Sendable, Codable {
    public static let titleLength = 3...120
    public static let descriptionMaximumLength = 3_000
    public static let maximumSkills = 10
    public static let linkMaximumLength = 500
    public static let clientNameLength = 1...100
    /// Items a provider may have, and images an item may hold.
    public static let maximumItems = 30
    public static let maximumImages = 10
    public static let captionMaximumLength = 200

    public var title: String
    /// Markdown.
    public var description: String
    public var categorySlug: Slug?
    public var skills: [String]
    /// An `http` or `https` address where the work can be seen.
    public var link: String?
    public var clientName: String?
    /// The client agreed to be named: only then does the public page show `clientName`.
    public var showsClient: Bool
    /// The day the work was finished.
    public var completedOn: Date?

    public init(
        title: String, description: String, categorySlug: Slug?, skills: [String], link: String?, clientName: String?,
        showsClient: Bool, completedOn: Date?
    ) {
        self.title = title
        self.description = description
        self.categorySlug = categorySlug
        self.skills = skills
        self.link = link
        self.clientName = clientName
        self.showsClient = showsClient
        self.completedOn = completedOn
    }

    /// The raw fields, as a request carries them.
    public struct Input: Sendable {
        public var title: String?
        public var description: String?
        public var category: String?
        public var skills: [String]?
        public var link: String?
        public var clientName: String?
        public var showsClient: Bool?
        /// `YYYY-MM-DD`.
        public var completedOn: String?

        public init() {}

        /// The fields of existing content, for a change that names only some of them.
        public init(_ content: PortfolioContent) {
            title = content.title
            description = content.description
            category = content.categorySlug?.value
            skills = content.skills
            link = content.link
            clientName = content.clientName
            showsClient = content.showsClient
            completedOn = content.completedOn.map(Self.dayText)
        }

        static func dayText(_ day: Date) -> String {
            ISO8601DateFormatter.string(from: day, timeZone: .gmt, formatOptions: [.withFullDate])
        }
    }

    /// Checks every field (a title is required, the rest may be empty) and throws one `ValidationError` naming each
    /// bad one. A day after `now` is refused: the work is finished.
    public init(_ input: Input, now: Date) throws {
        var errors: [FieldError] = []
        title = FieldReading.text(input.title, field: "title", length: Self.titleLength, multiline: false, errors: &errors) ?? ""
        description = ProfileContent.optionalText(input.description, field: "description", length: 1...Self.descriptionMaximumLength, multiline: true, errors: &errors)
        categorySlug = nil
        if let raw = input.category, !raw.isEmpty {
            if let slug = try? Slug(raw) { categorySlug = slug } else { errors.append(FieldError(field: "category", message: "must be a category's slug")) }
        }
        skills = FieldReading.unique(FieldReading.list(
            input.skills ?? [], field: "skills", maximum: Self.maximumSkills, length: ProfileContent.skillLength, errors: &errors
        ))
        link = FieldReading.webLink(input.link, field: "link", maximumLength: Self.linkMaximumLength, errors: &errors)
        let client = ProfileContent.optionalText(input.clientName, field: "client_name", length: Self.clientNameLength, multiline: false, errors: &errors)
        clientName = client.isEmpty ? nil : client
        showsClient = input.showsClient ?? false
        if showsClient, clientName == nil {
            errors.append(FieldError(field: "shows_client", message: "needs the client's name"))
        }
        completedOn = ProfileContent.day(input.completedOn, field: "completed_on", errors: &errors)
        if let day = completedOn, day > now {
            errors.append(FieldError(field: "completed_on", message: "must not be in the future: the work is finished"))
        }
        guard errors.isEmpty else { throw ValidationError(errors) }
    }

    /// The text the moderation filters read (not the link: the field is for one, and it is shown `nofollow`).
    public var screenedText: String {
        [title, description, clientName ?? ""].filter { !$0.isEmpty }.joined(separator: "\n\n")
    }
}
