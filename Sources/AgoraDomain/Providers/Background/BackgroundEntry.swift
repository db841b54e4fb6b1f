import Foundation

/// One line of a provider's background: a role at a company, a degree at a school, a certificate from an issuer —
/// what it was, where, from when to when, and a few words. The rules for each kind live in `BackgroundKind`; this
/// type reads and checks an entry against them.
public struct BackgroundEntry: Hashable, Sendable, Codable {
    public static let maximumEntries = 15
    public static let titleLength = 2...120
    public static let organisationLength = 1...120
    public static let descriptionMaximumLength = 1_000
    public static let linkMaximumLength = 500

    /// The role, the degree or course, the certificate's name.
    public var title: String
    /// The company, the school, the issuer; empty for work on one's own.
    public var organisation: String
    public var start: YearMonth?
    /// Nil while the work or studies go on, or for a certificate that does not expire.
    public var end: YearMonth?
    /// Plain text, line breaks kept.
    public var description: String
    /// Where a certificate can be checked.
    public var link: String?

    public init(title: String, organisation: String, start: YearMonth?, end: YearMonth?, description: String, link: String?) {
        self.title = title
        self.organisation = organisation
        self.start = start
        self.end = end
        self.description = description
        self.link = link
    }

    /// The raw fields of one entry, as a request carries them (months as `YYYY-MM`).
    public struct Input: Sendable {
        public var title: String?
        public var organisation: String?
        public var start: String?
        public var end: String?
        public var description: String?
        public var link: String?

        public init() {}
    }

    /// The entries of one list, each field checked by the kind's rules; errors are named `experience[2].start`.
    public static func list(_ raw: [Input], kind: BackgroundKind, errors: inout [FieldError]) -> [BackgroundEntry] {
        guard raw.count <= maximumEntries else {
            errors.append(FieldError(field: kind.field, message: "must have at most \(maximumEntries) entries"))
            return []
        }
        return raw.enumerated().compactMap { index, input in entry(input, kind: kind, field: "\(kind.field)[\(index)]", errors: &errors) }
    }

    static func entry(_ input: Input, kind: BackgroundKind, field: String, errors: inout [FieldError]) -> BackgroundEntry? {
        let before = errors.count
        let title = FieldReading.text(input.title, field: "\(field).title", length: titleLength, multiline: false, errors: &errors)
        var organisation = ""
        if kind.needsOrganisation || !(input.organisation ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            organisation = FieldReading.text(
                input.organisation, field: "\(field).organisation", length: organisationLength, multiline: false, errors: &errors
            ) ?? ""
        }
        let start = month(input.start, field: "\(field).start", required: kind.needsStart, errors: &errors)
        let end = month(input.end, field: "\(field).end", required: false, errors: &errors)
        if let start, let end, end < start {
            errors.append(FieldError(field: "\(field).end", message: "must not be before the start"))
        }
        if end != nil, start == nil {
            errors.append(FieldError(field: "\(field).start", message: "is required with an end"))
        }
        let description = ProfileContent.optionalText(
            input.description, field: "\(field).description", length: 1...descriptionMaximumLength, multiline: true, errors: &errors
        )
        var link: String?
        if kind.hasLink {
            link = FieldReading.webLink(input.link, field: "\(field).link", maximumLength: linkMaximumLength, errors: &errors)
        } else if !(input.link ?? "").isEmpty {
            errors.append(FieldError(field: "\(field).link", message: "is only for a certificate"))
        }
        guard errors.count == before, let title else { return nil }
        return BackgroundEntry(title: title, organisation: organisation, start: start, end: end, description: description, link: link)
    }

    static func month(_ raw: String?, field: String, required: Bool, errors: inout [FieldError]) -> YearMonth? {
        guard let raw, !raw.isEmpty else {
            if required { errors.append(FieldError(field: field, message: "is required")) }
            return nil
        }
        guard let month = YearMonth(raw) else {
            errors.append(FieldError(field: field, message: "must be a month written YYYY-MM"))
            return nil
        }
        return month
    }

    /// `Apr 2021 – present`, `2019 – Jun 2022`; empty without dates.
    public func period(of kind: BackgroundKind) -> String {
        guard let start else { return "" }
        return start.label + " – " + (end?.label ?? kind.openEnd)
    }

    /// The text the moderation filters read.
    public var screenedText: String {
        [title, organisation, description].filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// A background written as free text before entries existed: kept whole as one entry, its first line (cut to
    /// fit) as the title and the rest as the description.
    public static func fromText(_ text: String) -> [BackgroundEntry] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return [] }
        let lines = trimmed.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: true)
        let first = String(lines[0]).trimmingCharacters(in: .whitespaces)
        let title = first.count > titleLength.upperBound ? String(first.prefix(titleLength.upperBound - 1)) + "…" : first
        let rest = title == first ? (lines.count > 1 ? String(lines[1]) : "") : trimmed
        return [BackgroundEntry(
            title: title, organisation: "", start: nil, end: nil,
            description: String(rest.trimmingCharacters(in: .whitespacesAndNewlines).prefix(descriptionMaximumLength)), link: nil
        )]
    }
}
