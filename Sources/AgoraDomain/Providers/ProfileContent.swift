import Foundation

/// What a provider writes about themselves, checked: the one place that holds the rules for each field of the profile
/// editor. A draft may leave fields empty (the editor saves as the provider goes); `completeness` says what a
/// publication still needs. Whether the categories exist and are active is the store's to check.
public struct ProfileContent: Hashable, Sendable, Codable {
    public static let titleLength = 5...120
    public static let bioMaximumLength = 5_000
    /// The shortest bio a published profile may have.
    public static let bioMinimumForPublication = 50
    public static let maximumCategories = 3
    public static let maximumSkills = 20
    public static let skillLength = 1...40
    public static let maximumLanguages = 10
    public static let cityLength = 1...100
    public static let weeklyHours = 1...80
    /// No provider charges more than this many major units an hour.
    public static let maximumHourlyRate: Int64 = 10_000

    /// The headline under the provider's name; empty in a draft.
    public var title: String
    /// Markdown.
    public var bio: String
    public var categorySlugs: [Slug]
    public var skills: [String]
    /// Most fluent first.
    public var languages: [LanguageSkill]
    public var hourlyRate: Money?
    public var city: String?
    /// ISO 3166-1 alpha-2, upper case; set with `city`.
    public var countryCode: String?
    /// Takes work from clients elsewhere.
    public var remote: Bool
    public var availability: Availability
    /// For a provider not taking work now: the day they are available again.
    public var availableFrom: Date?
    public var weeklyHours: Int?
    /// Work history, studies and certificates, in the provider's order.
    public var experience: [BackgroundEntry]
    public var education: [BackgroundEntry]
    public var certifications: [BackgroundEntry]

    /// A profile with nothing written yet.
    public static let empty = ProfileContent(
        title: "", bio: "", categorySlugs: [], skills: [], languages: [], hourlyRate: nil, city: nil, countryCode: nil, remote: true,
        availability: .available, availableFrom: nil, weeklyHours: nil, experience: [], education: [], certifications: []
    )

    public init(
        title: String, bio: String, categorySlugs: [Slug], skills: [String], languages: [LanguageSkill], hourlyRate: Money?,
        city: String?, countryCode: String?, remote: Bool, availability: Availability, availableFrom: Date?, weeklyHours: Int?,
        experience: [BackgroundEntry], education: [BackgroundEntry], certifications: [BackgroundEntry]
    ) {
        self.title = title
        self.bio = bio
        self.categorySlugs = categorySlugs
        self.skills = skills
        self.languages = languages
        self.hourlyRate = hourlyRate
        self.city = city
        self.countryCode = countryCode
        self.remote = remote
        self.availability = availability
        self.availableFrom = availableFrom
        self.weeklyHours = weeklyHours
        self.experience = experience
        self.education = education
        self.certifications = certifications
    }

    /// The raw fields, as a request carries them. The rate is text in major units (`45`, `45.50`).
    public struct Input: Sendable {
        public var title: String?
        public var bio: String?
        public var categories: [String]?
        public var skills: [String]?
        /// `(code, level)` pairs.
        public var languages: [(code: String?, level: String?)]?
        public var hourlyRate: String?
        public var currency: String?
        public var city: String?
        public var country: String?
        public var remote: Bool?
        public var availability: String?
        /// `YYYY-MM-DD`.
        public var availableFrom: String?
        public var weeklyHours: Int?
        public var experience: [BackgroundEntry.Input]?
        public var education: [BackgroundEntry.Input]?
        public var certifications: [BackgroundEntry.Input]?

        public init() {}
    }

    /// Checks every field given (a missing one stays empty) and throws one `ValidationError` naming each bad one.
    public init(_ input: Input) throws {
        var errors: [FieldError] = []
        self = .empty
        title = Self.optionalText(input.title, field: "title", length: Self.titleLength, multiline: false, errors: &errors)
        bio = Self.optionalText(input.bio, field: "bio", length: 1...Self.bioMaximumLength, multiline: true, errors: &errors)
        categorySlugs = Self.categories(input.categories ?? [], errors: &errors)
        skills = FieldReading.unique(FieldReading.list(
            input.skills ?? [], field: "skills", maximum: Self.maximumSkills, length: Self.skillLength, errors: &errors
        ))
        languages = Self.languages(input.languages ?? [], errors: &errors)
        hourlyRate = Self.rate(input.hourlyRate, currency: input.currency, errors: &errors)
        (city, countryCode) = Self.place(city: input.city, country: input.country, errors: &errors)
        remote = input.remote ?? true
        availability = FieldReading.choice(input.availability, field: "availability", default: Availability.available, errors: &errors) ?? .available
        availableFrom = Self.day(input.availableFrom, field: "available_from", errors: &errors)
        if availableFrom != nil, availability == .available {
            errors.append(FieldError(field: "available_from", message: "is only for a provider not available now"))
        }
        if let hours = input.weeklyHours, !Self.weeklyHours.contains(hours) {
            errors.append(FieldError(field: "weekly_hours", message: "must be from \(Self.weeklyHours.lowerBound) to \(Self.weeklyHours.upperBound)"))
        } else {
            weeklyHours = input.weeklyHours
        }
        experience = BackgroundEntry.list(input.experience ?? [], kind: .experience, errors: &errors)
        education = BackgroundEntry.list(input.education ?? [], kind: .education, errors: &errors)
        certifications = BackgroundEntry.list(input.certifications ?? [], kind: .certification, errors: &errors)
        guard errors.isEmpty else { throw ValidationError(errors) }
    }

    /// The names of the fields whose values differ from `other`'s, as the API spells them (for the versions).
    public func changedFields(from other: ProfileContent) -> [String] {
        var fields: [String] = []
        if title != other.title { fields.append("title") }
        if bio != other.bio { fields.append("bio") }
        if categorySlugs != other.categorySlugs { fields.append("categories") }
        if skills != other.skills { fields.append("skills") }
        if languages != other.languages { fields.append("languages") }
        if hourlyRate != other.hourlyRate { fields.append("hourly_rate") }
        if city != other.city || countryCode != other.countryCode { fields.append("location") }
        if remote != other.remote { fields.append("remote") }
        if availability != other.availability || availableFrom != other.availableFrom { fields.append("availability") }
        if weeklyHours != other.weeklyHours { fields.append("weekly_hours") }
        if experience != other.experience { fields.append("experience") }
        if education != other.education { fields.append("education") }
        if certifications != other.certifications { fields.append("certifications") }
        return fields
    }

    /// The list of one kind.
    public func background(_ kind: BackgroundKind) -> [BackgroundEntry] {
        switch kind {
        case .experience: experience
        case .education: education
        case .certification: certifications
        }
    }

    /// The three lists, by kind.
    public var backgroundByKind: [BackgroundKind: [BackgroundEntry]] {
        Dictionary(uniqueKeysWithValues: BackgroundKind.allCases.map { ($0, background($0)) })
    }

    // MARK: Fields

    /// Empty when not given; otherwise the text rules.
    static func optionalText(_ raw: String?, field: String, length: ClosedRange<Int>, multiline: Bool, errors: inout [FieldError]) -> String {
        guard let raw, !raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return "" }
        return FieldReading.text(raw, field: field, length: length, multiline: multiline, errors: &errors) ?? ""
    }

    static func categories(_ raw: [String], errors: inout [FieldError]) -> [Slug] {
        guard raw.count <= maximumCategories else {
            errors.append(FieldError(field: "categories", message: "must have at most \(maximumCategories) entries"))
            return []
        }
        var slugs: [Slug] = []
        for (index, text) in raw.enumerated() {
            guard let slug = try? Slug(text) else {
                errors.append(FieldError(field: "categories[\(index)]", message: "must be a category's slug"))
                continue
            }
            if !slugs.contains(slug) { slugs.append(slug) }
        }
        return slugs
    }

    static func languages(_ raw: [(code: String?, level: String?)], errors: inout [FieldError]) -> [LanguageSkill] {
        guard raw.count <= maximumLanguages else {
            errors.append(FieldError(field: "languages", message: "must have at most \(maximumLanguages) entries"))
            return []
        }
        var kept: [LanguageSkill] = []
        for (index, entry) in raw.enumerated() {
            let code = (entry.code ?? "").lowercased()
            guard code.count == 2, LanguageNames.name(of: code) != code else {
                errors.append(FieldError(field: "languages[\(index)].code", message: "must be an ISO 639-1 language code such as en or fr"))
                continue
            }
            guard let level = LanguageSkill.Level(rawValue: entry.level ?? "") else {
                let levels = LanguageSkill.Level.allCases.map(\.rawValue).joined(separator: ", ")
                errors.append(FieldError(field: "languages[\(index)].level", message: "must be one of \(levels)"))
                continue
            }
            if kept.contains(where: { $0.code == code }) {
                errors.append(FieldError(field: "languages[\(index)].code", message: "is listed twice"))
                continue
            }
            kept.append(LanguageSkill(code: code, level: level))
        }
        return kept
    }

    static func rate(_ raw: String?, currency rawCurrency: String?, errors: inout [FieldError]) -> Money? {
        guard raw != nil || rawCurrency != nil else { return nil }
        guard let rawCurrency else {
            errors.append(FieldError(field: "currency", message: "is required with an hourly rate"))
            return nil
        }
        guard let currency = try? CurrencyCode(rawCurrency) else {
            errors.append(FieldError(field: "currency", message: "must be an ISO 4217 currency code such as EUR"))
            return nil
        }
        guard let raw else {
            errors.append(FieldError(field: "hourly_rate", message: "is required with a currency"))
            return nil
        }
        guard let money = Money(major: raw, currency: currency) else {
            errors.append(FieldError(field: "hourly_rate", message: Money.amountRule(in: currency)))
            return nil
        }
        guard money.minorUnits > 0, money.minorUnits <= Money.major(maximumHourlyRate, currency).minorUnits else {
            errors.append(FieldError(field: "hourly_rate", message: "must be more than 0 and at most \(Money.major(maximumHourlyRate, currency).formatted)"))
            return nil
        }
        return money
    }

    /// A city and its country, together; a city of `Cities` is written as the list spells it.
    static func place(city rawCity: String?, country rawCountry: String?, errors: inout [FieldError]) -> (String?, String?) {
        let city = rawCity?.trimmingCharacters(in: .whitespaces) ?? ""
        let country = rawCountry?.uppercased() ?? ""
        guard !city.isEmpty || !country.isEmpty else { return (nil, nil) }
        var checkedCity: String?
        var checkedCountry: String?
        if city.isEmpty {
            errors.append(FieldError(field: "city", message: "is required with a country"))
        } else {
            checkedCity = FieldReading.text(city, field: "city", length: cityLength, multiline: false, errors: &errors)
        }
        if country.isEmpty {
            errors.append(FieldError(field: "country", message: "is required with a city"))
        } else if Countries.country(code: country) == nil {
            errors.append(FieldError(field: "country", message: "must be an ISO 3166-1 country code such as FR"))
        } else {
            checkedCountry = country
        }
        if let name = checkedCity, let country = checkedCountry, let listed = Cities.find(name: name, countryCode: country) {
            checkedCity = listed.name
        }
        return (checkedCity, checkedCountry)
    }

    static func day(_ raw: String?, field: String, errors: inout [FieldError]) -> Date? {
        guard let raw, !raw.isEmpty else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        guard let day = formatter.date(from: raw) else {
            errors.append(FieldError(field: field, message: "must be a day written YYYY-MM-DD"))
            return nil
        }
        return day
    }

    // MARK: Stored versions

    enum CodingKeys: String, CodingKey {
        case title, bio, categorySlugs, skills, languages, hourlyRate, city, countryCode, remote, availability, availableFrom, weeklyHours
        case experience, education, certifications
    }

    /// Versions saved before the background had entries hold it as free text: each becomes one entry
    /// (`BackgroundEntry.fromText`), so an old version still opens and restores.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func background(_ key: CodingKeys) throws -> [BackgroundEntry] {
            if let text = try? container.decode(String.self, forKey: key) { return BackgroundEntry.fromText(text) }
            return try container.decodeIfPresent([BackgroundEntry].self, forKey: key) ?? []
        }
        self.init(
            title: try container.decode(String.self, forKey: .title), bio: try container.decode(String.self, forKey: .bio),
            categorySlugs: try container.decode([Slug].self, forKey: .categorySlugs), skills: try container.decode([String].self, forKey: .skills),
            languages: try container.decode([LanguageSkill].self, forKey: .languages),
            hourlyRate: try container.decodeIfPresent(Money.self, forKey: .hourlyRate),
            city: try container.decodeIfPresent(String.self, forKey: .city), countryCode: try container.decodeIfPresent(String.self, forKey: .countryCode),
            remote: try container.decode(Bool.self, forKey: .remote), availability: try container.decode(Availability.self, forKey: .availability),
            availableFrom: try container.decodeIfPresent(Date.self, forKey: .availableFrom),
            weeklyHours: try container.decodeIfPresent(Int.self, forKey: .weeklyHours),
            experience: try background(.experience), education: try background(.education), certifications: try background(.certifications)
        )
    }
}
