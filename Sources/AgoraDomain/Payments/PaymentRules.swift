/// The rules of what people type about money, in one place.
public enum PaymentRules {
    /// Why a refund is given: shown to the client and kept with the refund.
    public static let refundReasonLength = 10...1_000

    /// A part of a milestone's money in major units as text (`"120.50"`), in its currency; nil when none was sent
    /// (all that is held).
    public static func part(_ raw: String?, currency: CurrencyCode) throws -> Money? {
        guard let raw else { return nil }
        var errors: [FieldError] = []
        guard let money = OrderDetails.amount(raw, field: "amount", currency: currency, errors: &errors) else { throw ValidationError(errors) }
        return money
    }

    /// The reason given for a refund, required.
    public static func refundReason(_ raw: String?) throws -> String {
        var errors: [FieldError] = []
        guard let reason = FieldReading.text(raw, field: "reason", length: refundReasonLength, multiline: true, errors: &errors) else {
            throw ValidationError(errors)
        }
        return reason
    }
}
