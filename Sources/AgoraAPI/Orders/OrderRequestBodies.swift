import AgoraDomain
import Hummingbird

/// Reads order and proposal bodies into the domain's raw inputs: JSON types are checked here, rules in the domain.
enum OrderRequestBodies {
    static let orderFields: Set<String> = [
        "title", "description", "category_id", "budget_min", "budget_max", "currency", "deadline", "time_zone",
        "priority", "location", "country", "latitude", "longitude", "radius_km", "visibility", "skills", "requirements",
    ]

    /// The order fields in `body`, over `base` (a change keeps what it does not name).
    static func orderInput(_ body: inout JSONObjectBody, over base: OrderDetails.Input = .init()) -> OrderDetails.Input {
        var input = base
        if body.contains("title") { input.title = body.string("title", maximumLength: 1_000) }
        if body.contains("description") { input.description = body.string("description", maximumLength: 20_000, multiline: true) }
        if body.contains("category_id") { input.categoryID = body.integer("category_id").map(Int64.init) }
        if body.contains("budget_min") { input.budgetMinimum = body.amount("budget_min") }
        if body.contains("budget_max") { input.budgetMaximum = body.amount("budget_max") }
        if body.contains("currency") { input.currency = body.string("currency", maximumLength: 10) }
        if body.contains("deadline") { input.deadline = body.string("deadline", maximumLength: 40) }
        if body.contains("time_zone") { input.timeZone = body.string("time_zone", maximumLength: 100) }
        if body.contains("priority") { input.priority = body.string("priority", required: false, maximumLength: 20) }
        if body.contains("visibility") { input.visibility = body.string("visibility", required: false, maximumLength: 20) }
        if body.contains("location") {
            input.location = body.string("location", required: false, maximumLength: 20)
            input.country = nil
            input.latitude = nil
            input.longitude = nil
            input.radiusKilometres = nil
        }
        if body.contains("country") { input.country = body.string("country", required: false, maximumLength: 10) }
        if body.contains("latitude") { input.latitude = body.number("latitude") }
        if body.contains("longitude") { input.longitude = body.number("longitude") }
        if body.contains("radius_km") { input.radiusKilometres = body.number("radius_km") }
        if body.contains("skills") { input.skills = body.strings("skills", maximumCount: 50, maximumLength: 200) }
        if body.contains("requirements") { input.requirements = body.strings("requirements", maximumCount: 100, maximumLength: 1_000) }
        return input
    }

    static let termsFields: Set<String> = ["message", "price", "currency", "timeline_days", "milestones"]

    static func termsInput(_ body: inout JSONObjectBody) -> ProposalTerms.Input {
        var input = ProposalTerms.Input()
        input.message = body.string("message", required: false, maximumLength: 20_000, multiline: true)
        input.price = body.amount("price")
        input.currency = body.string("currency", required: false, maximumLength: 10)
        input.timelineDays = body.integer("timeline_days")
        input.milestones = body.objects("milestones", maximumCount: 50) { index, object, errors in
            let field = "milestones[\(index)]"
            var title: String?
            var amount: String?
            var days: Int?
            for (key, value) in object {
                switch (key, value) {
                case ("title", .string(let text)): title = String(text.prefix(1_000))
                case ("amount", .string(let text)): amount = text
                case ("amount", .number(let number)): amount = JSONObjectBody.amountText(number)
                case ("due_in_days", .number(let number)) where number.rounded() == number && abs(number) < 1e6: days = Int(number)
                case ("title", _), ("amount", _), ("due_in_days", _):
                    errors.append(FieldError(field: "\(field).\(key)", message: "has the wrong type"))
                default:
                    errors.append(FieldError(field: "\(field).\(key)", message: "is not a field of a milestone"))
                }
            }
            return (title, amount, days)
        } ?? []
        return input
    }
}

extension OrderDetails.Input {
    /// The raw fields that give back `details`: the base of a change.
    init(_ details: OrderDetails) {
        self.init()
        title = details.title
        description = details.description
        categoryID = details.categoryID
        budgetMinimum = details.budgetMinimum.majorText
        budgetMaximum = details.budgetMaximum.majorText
        currency = details.budgetMinimum.currency.code
        deadline = details.deadline.local
        timeZone = details.deadline.timeZone
        priority = details.priority.rawValue
        visibility = details.visibility.rawValue
        location = details.location.kind
        switch details.location {
        case .remote: break
        case .country(let code): country = code
        case .near(let circle):
            latitude = circle.centre.latitude
            longitude = circle.centre.longitude
            radiusKilometres = circle.radiusKilometres
        }
        skills = details.skills
        requirements = details.requirements
    }
}
