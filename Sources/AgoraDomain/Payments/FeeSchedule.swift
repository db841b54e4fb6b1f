/// The platform's fees as data: the provider's commission in tiers of what a client and a provider have billed each
/// other over their lifetime (20 % of the first 500, 10 % up to 10,000, 5 % beyond, after Upwork), a minimum
/// commission, and the client's service fee on what they pay in. `fees(releasing:billedBefore:)` and
/// `clientFee(on:)` are the one computation of every fee line.
///
/// Thresholds are whole units of the payment's currency.
public struct FeeSchedule: Sendable, Hashable {
    /// A band of lifetime billings and its rate in basis points (1/100 of a percent); the last band has no end.
    public struct Tier: Sendable, Hashable {
        public let upToMajor: Int64?
        public let basisPoints: Int64

        public init(upToMajor: Int64?, basisPoints: Int64) {
            self.upToMajor = upToMajor
            self.basisPoints = basisPoints
        }
    }

    public let tiers: [Tier]
    /// The least commission taken on a release, in the payment currency's minor units (never more than the release).
    public let minimumCommissionMinor: Int64
    /// The client's service fee on what they fund, in basis points.
    public let clientFeeBasisPoints: Int64

    public static let standard = FeeSchedule(
        tiers: [Tier(upToMajor: 500, basisPoints: 2_000), Tier(upToMajor: 10_000, basisPoints: 1_000), Tier(upToMajor: nil, basisPoints: 500)],
        minimumCommissionMinor: 0,
        clientFeeBasisPoints: 300
    )

    public init(tiers: [Tier], minimumCommissionMinor: Int64, clientFeeBasisPoints: Int64) {
        precondition(!tiers.isEmpty && tiers.last?.upToMajor == nil, "the last tier has no end")
        precondition(tiers.allSatisfy { (0...10_000).contains($0.basisPoints) }, "a rate between 0 and 100 %")
        precondition((0...10_000).contains(clientFeeBasisPoints) && minimumCommissionMinor >= 0)
        self.tiers = tiers
        self.minimumCommissionMinor = minimumCommissionMinor
        self.clientFeeBasisPoints = clientFeeBasisPoints
    }

    /// The client's service fee on an amount they fund (rounded once, `Money.portion`).
    public func clientFee(on amount: Money) -> Money {
        amount.portion(clientFeeBasisPoints, of: 10_000)
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
            weighted += slice * tier.basisPoints
            position += slice
        }
        // The rounding happens once, here (amounts are bounded by the order rules far below 64-bit overflow).
        let commission = Money(minorUnits: weighted, currency: amount.currency).portion(1, of: 10_000).minorUnits
        return Money(minorUnits: min(amount.minorUnits, max(commission, minimumCommissionMinor)), currency: amount.currency)
    }
}
