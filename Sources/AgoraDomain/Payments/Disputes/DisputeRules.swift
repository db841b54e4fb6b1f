/// The rules of disputes in one place: what the opener writes, what each side adds, what an administrator decides.
public enum DisputeRules {
    public static let statementLength = 20...5_000
    public static let evidenceLength = 1...5_000
    public static let decisionNoteLength = 10...2_000
    /// Entries of evidence one dispute holds at most, both sides together: a bound on what one dispute stores.
    public static let maximumEvidence = 50
    /// Files one dispute holds at most, both sides together.
    public static let maximumFiles = 20

    /// The opener's case: why, in their words, checked whole.
    public struct Opening: Sendable, Hashable {
        public let milestoneID: Int64
        public let reason: DisputeReason
        public let statement: String

        public init(milestoneID: Int?, reason: String?, statement: String?) throws {
            var errors: [FieldError] = []
            if milestoneID == nil || milestoneID! <= 0 {
                errors.append(FieldError(field: "milestone_id", message: "is required: the milestone whose money is disputed"))
            }
            let reason = FieldReading.choice(reason, field: "reason", default: DisputeReason.other, errors: &errors)
            let statement = FieldReading.text(statement, field: "statement", length: DisputeRules.statementLength, multiline: true, errors: &errors)
            guard errors.isEmpty, let milestoneID, let reason, let statement else { throw ValidationError(errors) }
            self.milestoneID = Int64(milestoneID)
            self.reason = reason
            self.statement = statement
        }
    }

    /// One entry of evidence.
    public static func evidence(_ raw: String?) throws -> String {
        var errors: [FieldError] = []
        guard let body = FieldReading.text(raw, field: "body", length: evidenceLength, multiline: true, errors: &errors) else { throw ValidationError(errors) }
        return body
    }

    /// An administrator's decision: how much of what is held goes to the provider (the rest back to the client), why,
    /// and whether the project ends with it.
    public struct Decision: Sendable, Hashable {
        public let providerShare: Money
        public let note: String
        public let closesProject: Bool

        public init(providerShare raw: String?, currency: CurrencyCode, held: Money, note: String?, closesProject: Bool?) throws {
            var errors: [FieldError] = []
            var share: Money?
            if let raw, let money = Money(major: raw, currency: currency), money.minorUnits >= 0 {
                if money.minorUnits > held.minorUnits {
                    errors.append(FieldError(field: "provider_amount", message: "must be at most \(held.formatted), what is held"))
                } else {
                    share = money
                }
            } else {
                errors.append(FieldError(field: "provider_amount", message: "is required: " + Money.amountRule(in: currency) + ", from 0 to \(held.formatted)"))
            }
            let note = FieldReading.text(note, field: "note", length: DisputeRules.decisionNoteLength, multiline: true, errors: &errors)
            guard errors.isEmpty, let share, let note else { throw ValidationError(errors) }
            providerShare = share
            self.note = note
            self.closesProject = closesProject ?? false
        }
    }
}
