import Foundation

/// The rules of what members write on milestones, in one place: a milestone proposed while the project runs, a
/// deliverable's note, and the note that asks for changes.
public enum MilestoneRules {
    public static let titleLength = 3...200
    /// An optional description's length, when there is one.
    public static let descriptionLength = 1...2_000
    public static let deliverableNoteLength = 1...5_000
    public static let changeRequestLength = 10...2_000
    /// Milestones a project may hold, proposed and declined ones included: a bound on what one project stores.
    public static let maximumPerProject = 50
    /// Files one delivery carries at most (each within `OrderFileLimits.maximumBytes`, of `AttachmentType`'s kinds).
    public static let maximumFilesPerDelivery = 10
    /// How long before the review window closes the client is reminded.
    public static let reminderLead: TimeInterval = 3 * 86_400

    /// A milestone one side proposes: checked whole, every bad field named.
    public struct Proposal: Sendable, Hashable {
        public let title: String
        public let description: String
        public let amount: Money
        public let due: OrderDeadline

        /// The raw fields; `amount` is text in major units, `due` a local date or date and time in the order's zone.
        public struct Input: Sendable {
            public var title: String?
            public var description: String?
            public var amount: String?
            public var due: String?

            public init(title: String? = nil, description: String? = nil, amount: String? = nil, due: String? = nil) {
                self.title = title
                self.description = description
                self.amount = amount
                self.due = due
            }
        }

        public init(_ input: Input, currency: CurrencyCode, timeZone: String, now: Date) throws {
            var errors: [FieldError] = []
            let title = FieldReading.text(input.title, field: "title", length: MilestoneRules.titleLength, multiline: false, errors: &errors)
            let hasDescription = !(input.description ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            let description = hasDescription
                ? FieldReading.text(input.description, field: "description", length: MilestoneRules.descriptionLength, multiline: true, errors: &errors)
                : ""
            let amount = OrderDetails.amount(input.amount, field: "amount", currency: currency, errors: &errors)
            var dueErrors: [FieldError] = []
            let due = OrderDeadline.read(local: input.due, timeZone: timeZone, now: now, errors: &dueErrors)
            errors += dueErrors.map { FieldError(field: "due", message: $0.message) }
            guard errors.isEmpty, let title, let description, let amount, let due else { throw ValidationError(errors) }
            self.title = title
            self.description = description
            self.amount = amount
            self.due = due
        }
    }

    /// A deliverable's note, required: what is delivered and where to look.
    public static func deliverableNote(_ raw: String?) throws -> String {
        try note(raw, length: deliverableNoteLength)
    }

    /// The note asking for changes, required: the provider must know what to change.
    public static func changeRequest(_ raw: String?) throws -> String {
        try note(raw, length: changeRequestLength)
    }

    private static func note(_ raw: String?, length: ClosedRange<Int>) throws -> String {
        var errors: [FieldError] = []
        guard let note = FieldReading.text(raw, field: "note", length: length, multiline: true, errors: &errors) else { throw ValidationError(errors) }
        return note
    }
}
