/// Who marketplace news goes to: every member, or the clients or the providers only, anywhere or in one country.
/// Staff accounts and suspended ones are never in a segment.
public enum AnnouncementSegment: String, Sendable, CaseIterable, Codable {
    case everyone
    case clients
    case providers

    public var label: String {
        switch self {
        case .everyone: "Every member"
        case .clients: "Clients"
        case .providers: "Providers"
        }
    }
}

/// Marketplace news an administrator sends (`POST /api/admin/announcements`), checked: a one-line title, a message,
/// an optional link to a page of the site, the segment and an optional country. It reaches each member as a
/// `marketplace_news` notification, in the app and by email as they chose (news by email only when asked for).
public struct AnnouncementDraft: Sendable, Hashable {
    public static let titleLength = 1...120
    public static let messageLength = 1...2_000
    public static let linkLength = 1...500

    public let title: String
    public let message: String
    /// Site-relative (`/categories/design/`).
    public let link: String?
    public let segment: AnnouncementSegment
    /// ISO 3166-1 alpha-2; nil for every country.
    public let countryCode: String?

    /// Throws one `ValidationError` naming each bad field.
    public init(title: String?, message: String?, link: String?, segment: String?, country: String?) throws {
        var errors: [FieldError] = []
        let title = FieldReading.text(title, field: "title", length: Self.titleLength, multiline: false, errors: &errors)
        let message = FieldReading.text(message, field: "message", length: Self.messageLength, multiline: true, errors: &errors)
        var path: String?
        if let link, !link.isEmpty {
            // A page of the site only: news must not send members elsewhere under the marketplace's name.
            if Self.linkLength.contains(link.count), link.hasPrefix("/"), !link.hasPrefix("//"), !link.contains("\\"),
               !link.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) {
                path = link
            } else {
                errors.append(FieldError(field: "link", message: "must be a page of the site, such as /categories/design/"))
            }
        }
        let segment = FieldReading.choice(segment, field: "segment", default: AnnouncementSegment.everyone, errors: &errors)
        var code: String?
        if let country, !country.isEmpty {
            if let known = Countries.country(code: country) { code = known.code } else {
                errors.append(FieldError(field: "country", message: "must be an ISO 3166-1 country code such as FR"))
            }
        }
        guard errors.isEmpty, let title, let message, let segment else { throw ValidationError(errors) }
        self.title = title
        self.message = message
        self.link = path
        self.segment = segment
        self.countryCode = code
    }
}
