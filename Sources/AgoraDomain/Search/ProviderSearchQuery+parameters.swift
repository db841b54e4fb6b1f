import Foundation

extension ProviderSearchQuery {
    /// The query parameters a search accepts; any other name is an error, so a typo is never silently ignored.
    public static let parameterNames: [String] = [
        "q", "category", "near", "country", "city", "remote", "currency", "min_rate", "max_rate", "skills",
        "skills_match", "available", "available_on", "min_rating", "min_reviews", "languages", "verified", "sort",
        "limit", "cursor",
    ]

    /// Parameters that may hold several values, comma-separated or repeated.
    static let listParameters: Set<String> = ["skills", "languages"]

    /// Reads a search from query parameters (`name=value` pairs in the order given). Every bad parameter becomes
    /// one field error, all of them thrown together.
    public init(parameters: [(name: String, value: String)]) throws {
        self.init()
        var reader = ParameterReader(parameters)
        reader.rejectUnknown(Self.parameterNames)

        if let text = reader.single("q") {
            if text.count > Self.maximumTextLength {
                reader.fail("q", "must be at most \(Self.maximumTextLength) characters")
            } else {
                terms = SearchTerms(text)
            }
        }
        if let raw = reader.single("category") { categorySlug = reader.attempt { try Slug(raw, field: "category") } }
        if let raw = reader.single("currency") { currency = reader.attempt { try CurrencyCode(raw) } ?? .eur }
        minimumRate = reader.single("min_rate").flatMap { reader.amount("min_rate", $0, in: currency) }
        maximumRate = reader.single("max_rate").flatMap { reader.amount("max_rate", $0, in: currency) }
        if let low = minimumRate, let high = maximumRate, low > high {
            reader.fail("max_rate", "must not be less than min_rate")
        }
        place = reader.place()
        skills = reader.list("skills").map { $0.lowercased() }
        for skill in skills where skill.count > Self.maximumSkillLength {
            reader.fail("skills", "each skill must be at most \(Self.maximumSkillLength) characters")
        }
        if let raw = reader.single("skills_match") {
            skillMatch = reader.choice("skills_match", raw, SkillMatch.self) ?? .all
        }
        availability = reader.availability()
        minimumRating = reader.single("min_rating").flatMap { reader.number("min_rating", $0, in: 0...5) }
        minimumReviews = reader.single("min_reviews").flatMap { reader.integer("min_reviews", $0, in: 0...1_000_000) }
        languages = reader.list("languages").map { $0.lowercased() }
        if languages.contains(where: { $0.count != 2 || !$0.allSatisfy({ $0.isASCII && $0.isLetter }) }) {
            reader.fail("languages", "must be two-letter ISO 639-1 codes such as en or fr")
        }
        verifiedOnly = reader.single("verified").flatMap { reader.flag("verified", $0) } ?? false
        if let raw = reader.single("sort") { sort = reader.choice("sort", raw, SearchSort.self) ?? .relevance }
        if sort == .distance, centre == nil, !reader.hasError("near") {
            reader.fail("sort", "distance needs near=latitude,longitude,radius_km")
        }
        limit = reader.single("limit").flatMap { reader.integer("limit", $0, in: 1...Self.maximumLimit) } ?? Self.defaultLimit
        if let token = reader.single("cursor") {
            let sort = self.sort
            cursor = reader.attempt { try SearchCursor(token: token, expectedSort: sort) }
        }
        try reader.finish()
    }
}

/// Reads query parameters one by one, collecting a field error for each bad one.
struct ParameterReader {
    private var values: [String: [String]] = [:]
    private(set) var errors: [FieldError] = []

    init(_ parameters: [(name: String, value: String)]) {
        for (name, value) in parameters { values[name, default: []].append(value) }
    }

    mutating func rejectUnknown(_ known: [String]) {
        for name in values.keys.sorted() where !known.contains(name) {
            fail(name, "is not a parameter of this search")
        }
    }

    mutating func fail(_ field: String, _ message: String) {
        errors.append(FieldError(field: field, message: message))
    }

    func hasError(_ field: String) -> Bool { errors.contains { $0.field == field } }

    /// The one value of a parameter; nil when absent or empty. Control characters are refused.
    mutating func single(_ name: String) -> String? {
        guard let found = values[name] else { return nil }
        guard found.count == 1 || ProviderSearchQuery.listParameters.contains(name) else {
            fail(name, "is given more than once")
            return nil
        }
        let value = found[0].trimmingCharacters(in: .whitespaces)
        if value.unicodeScalars.contains(where: ProviderSearchQuery.isControl) {
            fail(name, "must not contain control characters")
            return nil
        }
        return value.isEmpty ? nil : value
    }

    /// Every value of a list parameter, split at commas, trimmed, without empties or repeats.
    mutating func list(_ name: String) -> [String] {
        var items: [String] = []
        for value in values[name] ?? [] {
            if value.unicodeScalars.contains(where: ProviderSearchQuery.isControl) {
                fail(name, "must not contain control characters")
                return []
            }
            for item in value.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
                if !items.contains(item) { items.append(item) }
            }
        }
        if items.count > ProviderSearchQuery.maximumListItems {
            fail(name, "may hold at most \(ProviderSearchQuery.maximumListItems) values")
            return []
        }
        return items
    }

    mutating func attempt<T>(_ make: () throws -> T) -> T? {
        do {
            return try make()
        } catch let invalid as ValidationError {
            errors += invalid.errors
        } catch {
            fail("query", "\(error)")
        }
        return nil
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ name: String, _ raw: String, _ type: T.Type) -> T? where T.RawValue == String {
        if let value = T(rawValue: raw) { return value }
        fail(name, "must be one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        return nil
    }

    mutating func flag(_ name: String, _ raw: String) -> Bool? {
        switch raw.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default:
            fail(name, "must be true or false")
            return nil
        }
    }

    mutating func number(_ name: String, _ raw: String, in range: ClosedRange<Double>) -> Double? {
        guard raw.count <= 32, let value = Double(raw), value.isFinite, range.contains(value) else {
            fail(name, "must be a number from \(Self.text(range.lowerBound)) to \(Self.text(range.upperBound))")
            return nil
        }
        return value
    }

    mutating func integer(_ name: String, _ raw: String, in range: ClosedRange<Int>) -> Int? {
        guard raw.count <= 12, let value = Int(raw), range.contains(value) else {
            fail(name, "must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return value
    }

    /// A decimal amount such as `45` or `45.50`, as minor units of the currency.
    mutating func amount(_ name: String, _ raw: String, in currency: CurrencyCode) -> Int64? {
        guard let money = Money(major: raw, currency: currency) else {
            fail(name, Money.amountRule(in: currency))
            return nil
        }
        return money.minorUnits
    }

    /// `near`, or `country` with an optional `city`, or `remote=true`: only one of them.
    mutating func place() -> ProviderSearchQuery.Place? {
        let near = single("near")
        let country = single("country")
        let city = single("city")
        let remote = single("remote").flatMap { flag("remote", $0) } ?? false
        let kinds = [near != nil, country != nil || city != nil, remote].filter { $0 }.count
        guard kinds <= 1 else {
            fail("near", "choose one of near, country (with city) or remote")
            return nil
        }
        if let near {
            let parts = near.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 3, let latitude = parts[0], let longitude = parts[1], let radius = parts[2] else {
                fail("near", "must be latitude,longitude,radius_km such as 48.85,2.35,25")
                return nil
            }
            let circle = attempt { try GeoCircle(centre: try GeoPoint(latitude: latitude, longitude: longitude), radiusKilometres: radius) }
            return circle.map { .near($0) }
        }
        if country != nil || city != nil {
            guard let country, let known = Countries.country(code: country) else {
                fail("country", country == nil ? "is required with city" : "must be an ISO 3166-1 code the marketplace knows, such as FR")
                return nil
            }
            if let city, city.count > 100 {
                fail("city", "must be at most 100 characters")
                return nil
            }
            return .area(countryCode: known.code, city: city)
        }
        return remote ? .remote : nil
    }

    /// `available=now`, or `available_on=YYYY-MM-DD`.
    mutating func availability() -> ProviderSearchQuery.AvailabilityFilter? {
        let now = single("available")
        let day = single("available_on")
        if now != nil, day != nil {
            fail("available_on", "choose available=now or available_on, not both")
            return nil
        }
        if let now {
            guard now == "now" else {
                fail("available", "must be now (or use available_on=YYYY-MM-DD)")
                return nil
            }
            return .now
        }
        guard let day else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        guard day.count == 10, let date = formatter.date(from: day) else {
            fail("available_on", "must be a date such as 2026-12-24")
            return nil
        }
        return .on(date)
    }

    func finish() throws {
        if !errors.isEmpty { throw ValidationError(errors) }
    }

    private static func text(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
