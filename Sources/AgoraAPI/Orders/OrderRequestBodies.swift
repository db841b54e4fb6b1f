import AgoraDomain
import AgoraStore
import Hummingbird

/// An order's fields in a request body, as changes over an order's current fields (a new order's are empty):
/// JSON types are checked here, rules in the domain (`OrderDetails`).
struct OrderChanges: RequestBody {
    static let fields: Set<String> = [
        "title", "description", "category_id", "budget_min", "budget_max", "currency", "deadline", "time_zone",
        "priority", "location", "country", "latitude", "longitude", "radius_km", "visibility", "skills", "requirements",
    ]

    private let edits: [@Sendable (inout OrderDetails.Input) -> Void]

    init(reading body: inout JSONObjectBody) {
        var edits: [@Sendable (inout OrderDetails.Input) -> Void] = []
        func edit<Value: Sendable>(_ name: String, _ read: (inout JSONObjectBody) -> Value, _ apply: @escaping @Sendable (inout OrderDetails.Input, Value) -> Void) {
            guard body.contains(name) else { return }
            let value = read(&body)
            edits.append { apply(&$0, value) }
        }
        edit("title", { $0.string("title", maximumLength: 1_000) }) { $0.title = $1 }
        edit("description", { $0.string("description", maximumLength: 20_000, multiline: true) }) { $0.description = $1 }
        edit("category_id", { $0.integer("category_id").map(Int64.init) }) { $0.categoryID = $1 }
        edit("budget_min", { $0.amount("budget_min") }) { $0.budgetMinimum = $1 }
        edit("budget_max", { $0.amount("budget_max") }) { $0.budgetMaximum = $1 }
        edit("currency", { $0.string("currency", maximumLength: 10) }) { $0.currency = $1 }
        edit("deadline", { $0.string("deadline", maximumLength: 40) }) { $0.deadline = $1 }
        edit("time_zone", { $0.string("time_zone", maximumLength: 100) }) { $0.timeZone = $1 }
        edit("priority", { $0.string("priority", required: false, maximumLength: 20) }) { $0.priority = $1 }
        edit("visibility", { $0.string("visibility", required: false, maximumLength: 20) }) { $0.visibility = $1 }
        // A new kind of location drops the old one's details; the fields after it give the new ones.
        edit("location", { $0.string("location", required: false, maximumLength: 20) }) {
            $0.location = $1
            $0.country = nil
            $0.latitude = nil
            $0.longitude = nil
            $0.radiusKilometres = nil
        }
        edit("country", { $0.string("country", required: false, maximumLength: 10) }) { $0.country = $1 }
        edit("latitude", { $0.number("latitude") }) { $0.latitude = $1 }
        edit("longitude", { $0.number("longitude") }) { $0.longitude = $1 }
        edit("radius_km", { $0.number("radius_km") }) { $0.radiusKilometres = $1 }
        edit("skills", { $0.strings("skills", maximumCount: 50, maximumLength: 200) }) { $0.skills = $1 }
        edit("requirements", { $0.strings("requirements", maximumCount: 100, maximumLength: 1_000) }) { $0.requirements = $1 }
        self.edits = edits
    }

    /// The fields after the changes, over `base` (a change keeps what it does not name).
    func applied(over base: OrderDetails.Input = .init()) -> OrderDetails.Input {
        var input = base
        for edit in edits { edit(&input) }
        return input
    }
}

/// A new order: its fields, whether it stays a draft, and the providers it is also offered to.
struct NewOrderInput: RequestBody {
    static let fields = OrderChanges.fields.union(["draft", "invite"])

    let order: OrderChanges
    let draft: Bool
    let invited: [Int64]

    init(reading body: inout JSONObjectBody) {
        order = OrderChanges(reading: &body)
        draft = body.bool("draft")
        invited = body.identifiers("invite", maximumCount: OrderRepository.maximumInvited) ?? []
    }
}

/// A proposal's terms in a request body.
struct TermsInput: RequestBody {
    static let fields: Set<String> = ["message", "billing", "price", "hourly_rate", "weekly_limit_hours", "currency", "timeline_days", "milestones"]

    var terms = ProposalTerms.Input()

    init(reading body: inout JSONObjectBody) {
        terms.message = body.string("message", required: false, maximumLength: 20_000, multiline: true)
        terms.billing = body.string("billing", required: false, maximumLength: 20)
        terms.price = body.amount("price")
        terms.hourlyRate = body.amount("hourly_rate")
        terms.weeklyLimitHours = body.integer("weekly_limit_hours")
        terms.currency = body.string("currency", required: false, maximumLength: 10)
        terms.timelineDays = body.integer("timeline_days")
        terms.milestones = body.objects("milestones", maximumCount: 50) { index, object, errors in
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
