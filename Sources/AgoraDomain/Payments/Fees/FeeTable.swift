/// The tables of rates administrators edit one line at a time (`SettingKind.rates`): commission tiers
/// (`20% up to 500`, `5% beyond`), category overrides (`design 15%`) and tax rates (`DE 19% VAT`, `US-CA 7.25% sales
/// tax`). Each reads its lines into typed rows, and writes them back in one spelling.
public enum FeeTable: String, Sendable, Hashable, CaseIterable {
    case commissionTiers = "commission-tiers"
    case categoryRates = "category-rates"
    case taxRates = "tax-rates"

    /// How a line is written, for the admin form and error messages.
    public var format: String {
        switch self {
        case .commissionTiers: "one tier per line, lowest first: \"20% up to 500\", …, and last \"5% beyond\""
        case .categoryRates: "one category per line: its slug and the commission rate, \"design 15%\""
        case .taxRates: "one place per line: a country code (or country-region), the rate and the tax's name, \"DE 19% VAT\", \"US-CA 7.25% sales tax\""
        }
    }

    /// The lines in their one spelling, or errors naming each bad line (`field[index]`) and the table's own rule.
    public func canonical(_ lines: [String], field: String) throws -> [String] {
        switch self {
        case .commissionTiers: try Self.tiers(lines, field: field).map(\.line)
        case .categoryRates: try Self.categoryRates(lines, field: field).map(\.line)
        case .taxRates: try Self.taxRates(lines, field: field).map(\.line)
        }
    }

    /// Commission tiers: thresholds rising, the last line without one.
    public static func tiers(_ lines: [String], field: String) throws -> [FeeSchedule.Tier] {
        let tiers = try rows(lines, field: field, FeeSchedule.Tier.init(line:))
        guard let last = tiers.last, last.upToMajor == nil else {
            throw ValidationError(field: field, message: "must end with the tier beyond the others (\"5% beyond\")")
        }
        var previous: Int64 = 0
        for (index, tier) in tiers.dropLast().enumerated() {
            guard let bound = tier.upToMajor, bound > previous else {
                throw ValidationError(field: "\(field)[\(index)]", message: "must be above the tier before it, and only the last tier is \"beyond\"")
            }
            previous = bound
        }
        return tiers
    }

    public static func categoryRates(_ lines: [String], field: String) throws -> [CategoryCommission] {
        let rates = try rows(lines, field: field, CategoryCommission.init(line:))
        try unique(rates.map(\.category.value), field: field, what: "category")
        return rates
    }

    public static func taxRates(_ lines: [String], field: String) throws -> [TaxRate] {
        let rates = try rows(lines, field: field, TaxRate.init(line:))
        try unique(rates.map(\.place), field: field, what: "place")
        return rates
    }

    private static func rows<Row>(_ lines: [String], field: String, _ read: (String) -> Row?) throws -> [Row] {
        var rows: [Row] = []
        var errors: [FieldError] = []
        for (index, line) in lines.enumerated() {
            if let row = read(line) { rows.append(row) } else { errors.append(FieldError(field: "\(field)[\(index)]", message: "cannot be read: \"\(line)\"")) }
        }
        guard errors.isEmpty else { throw ValidationError(errors) }
        return rows
    }

    private static func unique(_ keys: [String], field: String, what: String) throws {
        var seen = Set<String>()
        for (index, key) in keys.enumerated() where !seen.insert(key).inserted {
            throw ValidationError(field: "\(field)[\(index)]", message: "names the \(what) \(key) a second time")
        }
    }
}

extension String {
    /// The line's words, a rate's sign kept with its number (`20 %` reads as `20%`).
    var rateWords: [String] {
        var words: [String] = []
        for word in split(whereSeparator: \.isWhitespace).map(String.init) {
            if word == "%", let last = words.popLast() { words.append(last + "%") } else { words.append(word) }
        }
        return words
    }
}

extension FeeSchedule.Tier {
    /// `20% up to 500` or `5% beyond`.
    public init?(line: String) {
        let words = line.rateWords
        guard let rate = words.first.flatMap(Percentage.init) else { return nil }
        switch words.dropFirst().map({ $0.lowercased() }) {
        case ["beyond"]:
            self.init(upToMajor: nil, rate: rate)
        case let rest where rest.count == 3 && rest[0] == "up" && rest[1] == "to":
            guard let bound = Int64(rest[2].filter { $0 != "," }), (1...1_000_000_000).contains(bound) else { return nil }
            self.init(upToMajor: bound, rate: rate)
        default:
            return nil
        }
    }

    public var line: String { upToMajor.map { "\(rate.text) up to \($0)" } ?? "\(rate.text) beyond" }
}

/// A category whose commission is one flat rate instead of the tiers.
public struct CategoryCommission: Sendable, Hashable {
    public let category: Slug
    public let rate: Percentage

    /// `design 15%`.
    public init?(line: String) {
        let words = line.rateWords
        guard words.count == 2, let category = try? Slug(String(words[0]).lowercased()), let rate = Percentage(words[1]) else { return nil }
        self.category = category
        self.rate = rate
    }

    public var line: String { "\(category.value) \(rate.text)" }
}
