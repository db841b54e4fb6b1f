import Foundation

/// Everything a client says about an order, checked: the one place that holds the rules for a new order and for
/// a change to one. Whether the category exists and is active is the store's to check.
public struct OrderDetails: Hashable, Sendable {
    public static let titleLength = 10...120
    public static let descriptionLength = 30...10_000
    public static let maximumSkills = 10
    public static let skillLength = 1...40
    public static let maximumRequirements = 30
    public static let requirementLength = 3...300
    /// No order on the marketplace is worth more than this many major units.
    public static let maximumBudget: Int64 = 10_000_000

    public let title: String
    /// Markdown, as written.
    public let description: String
    public let categoryID: Int64
    public let budgetMinimum: Money
    public let budgetMaximum: Money
    public let deadline: OrderDeadline
    public let priority: OrderPriority
    public let location: LocationPreference
    public let visibility: OrderVisibility
    /// Skills the work needs, in the client's order, without duplicates (ignoring case).
    public let skills: [String]
    /// The checklist of detailed specifications.
    public let requirements: [String]

    /// The raw fields, as a request carries them. Amounts are text in major units (`1500`, `1500.50`).
    public struct Input: Sendable {
        public var title: String?
        public var description: String?
        public var categoryID: Int64?
        public var budgetMinimum: String?
        public var budgetMaximum: String?
        public var currency: String?
        public var deadline: String?
        public var timeZone: String?
        public var priority: String?
        public var location: String?
        public var country: String?
        public var latitude: Double?
        public var longitude: Double?
        public var radiusKilometres: Double?
        public var visibility: String?
        public var skills: [String]?
        public var requirements: [String]?

        public init() {}
    }

    /// Checks every field and throws one `ValidationError` naming each bad one.
    public init(_ input: Input, now: Date) throws {
        var errors: [FieldError] = []
        let title = FieldReading.text(input.title, field: "title", length: Self.titleLength, multiline: false, errors: &errors)
        let description = FieldReading.text(input.description, field: "description", length: Self.descriptionLength, multiline: true, errors: &errors)
        if input.categoryID == nil { errors.append(FieldError(field: "category_id", message: "is required")) }
        var currency: CurrencyCode?
        do {
            currency = try CurrencyCode(input.currency ?? "")
        } catch let invalid as ValidationError {
            errors += input.currency == nil ? [FieldError(field: "currency", message: "is required")] : invalid.errors
        }
        var minimum: Money?
        var maximum: Money?
        if let currency {
            minimum = Self.amount(input.budgetMinimum, field: "budget_min", currency: currency, errors: &errors)
            maximum = Self.amount(input.budgetMaximum, field: "budget_max", currency: currency, errors: &errors)
            if let low = minimum, let high = maximum, low.minorUnits > high.minorUnits {
                errors.append(FieldError(field: "budget_max", message: "must not be less than budget_min"))
            }
        }
        let deadline = OrderDeadline.read(local: input.deadline, timeZone: input.timeZone, now: now, errors: &errors)
        let priority = FieldReading.choice(input.priority, field: "priority", default: OrderPriority.normal, errors: &errors)
        let visibility = FieldReading.choice(input.visibility, field: "visibility", default: OrderVisibility.public, errors: &errors)
        let location = LocationPreference.read(
            kind: input.location, country: input.country, latitude: input.latitude, longitude: input.longitude,
            radiusKilometres: input.radiusKilometres, errors: &errors
        )
        let skills = FieldReading.list(input.skills ?? [], field: "skills", maximum: Self.maximumSkills, length: Self.skillLength, errors: &errors)
        let requirements = FieldReading.list(
            input.requirements ?? [], field: "requirements", maximum: Self.maximumRequirements, length: Self.requirementLength, errors: &errors
        )
        guard errors.isEmpty, let title, let description, let categoryID = input.categoryID, let minimum, let maximum,
              let deadline, let priority, let visibility, let location
        else { throw ValidationError(errors) }
        self.title = title
        self.description = description
        self.categoryID = categoryID
        budgetMinimum = minimum
        budgetMaximum = maximum
        self.deadline = deadline
        self.priority = priority
        self.location = location
        self.visibility = visibility
        self.skills = FieldReading.unique(skills)
        self.requirements = requirements
    }

    /// Details already checked, as the store reads them back.
    public init(
        title: String, description: String, categoryID: Int64, budgetMinimum: Money, budgetMaximum: Money,
        deadline: OrderDeadline, priority: OrderPriority, location: LocationPreference, visibility: OrderVisibility,
        skills: [String], requirements: [String]
    ) {
        self.title = title
        self.description = description
        self.categoryID = categoryID
        self.budgetMinimum = budgetMinimum
        self.budgetMaximum = budgetMaximum
        self.deadline = deadline
        self.priority = priority
        self.location = location
        self.visibility = visibility
        self.skills = skills
        self.requirements = requirements
    }

    /// The names of the fields whose values differ from `other`'s, as the API spells them (for the history).
    public func changedFields(from other: OrderDetails) -> [String] {
        var fields: [String] = []
        if title != other.title { fields.append("title") }
        if description != other.description { fields.append("description") }
        if categoryID != other.categoryID { fields.append("category_id") }
        if budgetMinimum != other.budgetMinimum { fields.append("budget_min") }
        if budgetMaximum != other.budgetMaximum { fields.append("budget_max") }
        if deadline != other.deadline { fields.append("deadline") }
        if priority != other.priority { fields.append("priority") }
        if location != other.location { fields.append("location") }
        if visibility != other.visibility { fields.append("visibility") }
        if skills != other.skills { fields.append("skills") }
        if requirements != other.requirements { fields.append("requirements") }
        return fields
    }

    /// A positive amount no larger than `maximumBudget` major units.
    static func amount(_ raw: String?, field: String, currency: CurrencyCode, errors: inout [FieldError]) -> Money? {
        guard let raw else {
            errors.append(FieldError(field: field, message: "is required"))
            return nil
        }
        guard let money = Money(major: raw, currency: currency) else {
            errors.append(FieldError(field: field, message: Money.amountRule(in: currency)))
            return nil
        }
        guard money.minorUnits > 0, money.minorUnits <= Money.major(maximumBudget, currency).minorUnits else {
            errors.append(FieldError(field: field, message: "must be more than 0 and at most \(Money.major(maximumBudget, currency).formatted)"))
            return nil
        }
        return money
    }
}
