/// The platform's fees as data: the provider's commission in tiers of what a client and a provider have billed each
/// other over their lifetime (by default 20 % of the first 500, 10 % up to 10,000, 5 % beyond, after Upwork), a
/// minimum commission, and the client's service fee on what they pay in. Administrators set them
/// (`PlatformSettings.fees(inCategory:)`); `commission(releasing:billedBefore:)` and `clientFee(on:)` are the one
/// computation of every fee line.
///
/// Thresholds and the minimum are whole units of the payment's currency.
public struct FeeSchedule: Sendable, Hashable {
    /// A band of lifetime billings and its rate; the last band has no end.
    public struct Tier: Sendable, Hashable {
        public let upToMajor: Int64?
        public let rate: Percentage

        public init(upToMajor: Int64?, rate: Percentage) {
            self.upToMajor = upToMajor
            self.rate = rate
        }
    }

    public let tiers: [Tier]
    /// The least commission taken on a release, in whole units of the payment's currency (never more than the release).
    public let minimumCommissionMajor: Int64
    /// The client's service fee on what they fund.
    public let clientFee: Percentage

    public static let standardTiers = [
        Tier(upToMajor: 500, rate: Percentage(basisPoints: 2_000)), Tier(upToMajor: 10_000, rate: Percentage(basisPoints: 1_000)),
        Tier(upToMajor: nil, rate: Percentage(basisPoints: 500)),
    ]

    public static let standard = FeeSchedule(tiers: standardTiers, minimumCommissionMajor: 0, clientFee: Percentage(basisPoints: 300))

    public init(tiers: [Tier], minimumCommissionMajor: Int64, clientFee: Percentage) {
        precondition(!tiers.isEmpty && tiers.last?.upToMajor == nil, "the last tier has no end")
        precondition(minimumCommissionMajor >= 0)
        self.tiers = tiers
        self.minimumCommissionMajor = minimumCommissionMajor
        self.clientFee = clientFee
    }

    /// The same fees with one flat commission rate instead of the tiers (a category's override).
    public func flat(_ rate: Percentage) -> FeeSchedule {
        FeeSchedule(tiers: [Tier(upToMajor: nil, rate: rate)], minimumCommissionMajor: minimumCommissionMajor, clientFee: clientFee)
    }

    /// The same fees with every commission rate lowered by `discount` (a provider's plan); the least commission stays.
    public func discounted(by discount: Percentage) -> FeeSchedule {
        guard discount.basisPoints > 0 else { return self }
        return FeeSchedule(
            tiers: tiers.map { Tier(upToMajor: $0.upToMajor, rate: $0.rate.reduced(by: discount)) }, minimumCommissionMajor: minimumCommissionMajor,
            clientFee: clientFee
        )
    }

    /// The client's service fee on an amount they fund (rounded once).
    public func clientFee(on amount: Money) -> Money {
        clientFee.of(amount)
    }

    /// The commission on `amount` released to a provider whose billings with this client were `billedBefore` until
    /// now: each part of the amount at its band's rate, the sum rounded once, at least the minimum and never more than
    /// the amount.
    public func commission(releasing amount: Money, billedBefore: Money) -> Money {
        precondition(amount.minorUnits >= 0 && billedBefore.minorUnits >= 0 && amount.currency == billedBefore.currency)
        guard amount.minorUnits > 0 else { return Money(minorUnits: 0, currency: amount.currency) }
        let unit = Money.major(1, amount.currency).minorUnits
        var position = billedBefore.minorUnits
        let end = position + amount.minorUnits
        var weighted: Int64 = 0
        var bandStart: Int64 = 0
        for tier in tiers where position < end {
            let bandEnd = tier.upToMajor.map { $0 * unit } ?? .max
            defer { bandStart = bandEnd }
            guard bandEnd > position else { continue }
            let slice = min(end, bandEnd) - max(position, bandStart)
            weighted += slice * tier.rate.basisPoints
            position += slice
        }
        // The rounding happens once, here (amounts are bounded by the order rules far below 64-bit overflow).
        let commission = Money(minorUnits: weighted, currency: amount.currency).portion(1, of: 10_000).minorUnits
        let minimum = Money.major(minimumCommissionMajor, amount.currency).minorUnits
        return Money(minorUnits: min(amount.minorUnits, max(commission, minimum)), currency: amount.currency)
    }
}
