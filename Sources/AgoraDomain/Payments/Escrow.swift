/// The money held for one milestone or one hourly week (`EscrowHolder`): what was funded (the milestone's amount, the client's service fee on it and the
/// tax on that fee) and how much of the amount has since been released to the provider or refunded to the client.
/// Every movement takes the same share of the fee and of its tax with it, counted cumulatively so that the last
/// movement leaves nothing behind: releasing the whole amount releases the whole fee, however it was cut.
///
/// `release` and `refund` are the one place that turns a movement into ledger lines.
public struct Escrow: Sendable, Hashable {
    public let amount: Money
    public let clientFee: Money
    /// The tax on the client's fee (`TaxTreatment`), paid with it.
    public let feeTax: Money
    public let released: Money
    public let refunded: Money

    public init(amount: Money, clientFee: Money, feeTax: Money, released: Money, refunded: Money) {
        self.amount = amount
        self.clientFee = clientFee
        self.feeTax = feeTax
        self.released = released
        self.refunded = refunded
    }

    /// Nothing funded.
    public static func empty(_ currency: CurrencyCode) -> Escrow {
        let zero = Money(minorUnits: 0, currency: currency)
        return Escrow(amount: zero, clientFee: zero, feeTax: zero, released: zero, refunded: zero)
    }

    /// What is still held of the milestone's amount.
    public var remaining: Money { Money(minorUnits: amount.minorUnits - released.minorUnits - refunded.minorUnits, currency: amount.currency) }

    /// What the escrow account holds: the remaining amount and the fee and its tax not yet moved with it.
    public var held: Money {
        let moved = released.minorUnits + refunded.minorUnits
        let fees = clientFee.minorUnits - share(of: clientFee, upTo: moved) + feeTax.minorUnits - share(of: feeTax, upTo: moved)
        return Money(minorUnits: remaining.minorUnits + fees, currency: amount.currency)
    }

    /// The payment that funds the escrow (the amount, the client's fee and its tax): processor clearing → escrow.
    public static func fundingLines(_ holder: EscrowHolder, paid: Money) -> [LedgerTransactionDraft.Line] {
        [
            LedgerTransactionDraft.Line(LedgerAccountKey(.processorClearing, currency: paid.currency), -paid.minorUnits),
            LedgerTransactionDraft.Line(holder.account(paid.currency), paid.minorUnits),
        ]
    }

    /// A refund the processor has paid back to the client's card: the client's refunds account → processor clearing.
    public static func refundPaidLines(clientID: Int64, refunded: Money) -> [LedgerTransactionDraft.Line] {
        [
            LedgerTransactionDraft.Line(LedgerAccountKey(.refunds, owner: clientID, currency: refunded.currency), -refunded.minorUnits),
            LedgerTransactionDraft.Line(LedgerAccountKey(.processorClearing, currency: refunded.currency), refunded.minorUnits),
        ]
    }

    /// One movement out of escrow, as the ledger lines it writes and the escrow it leaves.
    public struct Movement: Sendable, Hashable {
        public let lines: [LedgerTransactionDraft.Line]
        public let after: Escrow
        /// The amount moved (without its fee share).
        public let amount: Money
        public let feeShare: Money
        /// The share of the tax on the client's fee that moved with the fee share.
        public let feeTaxShare: Money
        /// The provider's commission and the tax on it (releases only).
        public let commission: Money
        public let commissionTax: Money
    }

    /// Releases `part` (nil: all that remains) to the provider: escrow → provider payable, less the commission
    /// (`FeeSchedule`) on it and the provider's tax on the commission (`commissionTax`); the commission goes with the
    /// moved fee share to platform revenue, both taxes to tax payable. The commission and its tax never take more
    /// than the part.
    public func release(
        _ part: Money?, from holder: EscrowHolder, providerID: Int64, schedule: FeeSchedule, billedBefore: Money, commissionTax: TaxTreatment
    ) throws -> Movement {
        let moved = try self.part(part, field: "amount")
        let (share, taxShare) = movedShares(moved.minorUnits)
        let commission = schedule.commission(releasing: moved, billedBefore: billedBefore)
        let tax = min(commissionTax.tax(on: commission).minorUnits, moved.minorUnits - commission.minorUnits)
        let currency = amount.currency
        let lines = [
            LedgerTransactionDraft.Line(holder.account(currency), -(moved.minorUnits + share + taxShare)),
            LedgerTransactionDraft.Line(LedgerAccountKey(.providerPayable, owner: providerID, currency: currency), moved.minorUnits - commission.minorUnits - tax),
            LedgerTransactionDraft.Line(LedgerAccountKey(.platformRevenue, currency: currency), commission.minorUnits + share),
            LedgerTransactionDraft.Line(LedgerAccountKey(.taxPayable, currency: currency), taxShare + tax),
        ].filter { $0.amount != 0 }
        let after = Escrow(amount: amount, clientFee: clientFee, feeTax: feeTax, released: released + moved, refunded: refunded)
        return Movement(
            lines: lines, after: after, amount: moved, feeShare: Money(minorUnits: share, currency: currency),
            feeTaxShare: Money(minorUnits: taxShare, currency: currency), commission: commission, commissionTax: Money(minorUnits: tax, currency: currency)
        )
    }

    /// Refunds `part` (nil: all that remains) with its share of the fee and of the fee's tax: escrow → the client's
    /// refunds account, from which the processor pays it back.
    public func refund(_ part: Money?, from holder: EscrowHolder, clientID: Int64) throws -> Movement {
        let moved = try self.part(part, field: "amount")
        let (share, taxShare) = movedShares(moved.minorUnits)
        let currency = amount.currency
        let lines = [
            LedgerTransactionDraft.Line(holder.account(currency), -(moved.minorUnits + share + taxShare)),
            LedgerTransactionDraft.Line(LedgerAccountKey(.refunds, owner: clientID, currency: currency), moved.minorUnits + share + taxShare),
        ]
        let after = Escrow(amount: amount, clientFee: clientFee, feeTax: feeTax, released: released, refunded: refunded + moved)
        let zero = Money(minorUnits: 0, currency: currency)
        return Movement(
            lines: lines, after: after, amount: moved, feeShare: Money(minorUnits: share, currency: currency),
            feeTaxShare: Money(minorUnits: taxShare, currency: currency), commission: zero, commissionTax: zero
        )
    }

    /// A dispute's decision: `providerShare` of what remains released to the provider (less commission), the rest
    /// refunded to the client, each with its share of the fee, as one balanced set of lines (an account the two
    /// movements share appears once).
    public struct Settlement: Sendable, Hashable {
        public let lines: [LedgerTransactionDraft.Line]
        public let after: Escrow
        public let release: Movement?
        public let refund: Movement?
    }

    public func settle(
        providerShare: Money, from holder: EscrowHolder, providerID: Int64, clientID: Int64, schedule: FeeSchedule, billedBefore: Money,
        commissionTax: TaxTreatment
    ) throws -> Settlement {
        let remaining = remaining
        guard remaining.minorUnits > 0 else { throw StatusTransitionError("nothing is held in escrow for this milestone") }
        let release = providerShare.minorUnits > 0
            ? try self.release(
                providerShare, from: holder, providerID: providerID, schedule: schedule, billedBefore: billedBefore,
                commissionTax: commissionTax
            )
            : nil
        let rest = release?.after ?? self
        let refund = rest.remaining.minorUnits > 0 ? try rest.refund(nil, from: holder, clientID: clientID) : nil
        var merged: [LedgerAccountKey: Int64] = [:]
        var order: [LedgerAccountKey] = []
        for line in (release?.lines ?? []) + (refund?.lines ?? []) {
            if merged[line.account] == nil { order.append(line.account) }
            merged[line.account, default: 0] += line.amount
        }
        let lines = order.map { LedgerTransactionDraft.Line($0, merged[$0] ?? 0) }.filter { $0.amount != 0 }
        return Settlement(lines: lines, after: refund?.after ?? rest, release: release, refund: refund)
    }

    /// The part asked for, checked against what remains.
    private func part(_ part: Money?, field: String) throws -> Money {
        let remaining = remaining
        guard remaining.minorUnits > 0 else { throw StatusTransitionError("nothing is held in escrow for this milestone") }
        guard let part else { return remaining }
        guard part.currency == amount.currency else {
            throw ValidationError(field: field, message: "must be in \(amount.currency.code), the milestone's currency")
        }
        guard part.minorUnits > 0, part.minorUnits <= remaining.minorUnits else {
            throw ValidationError(field: field, message: "must be more than nothing and at most \(remaining.formatted), what is held")
        }
        return part
    }

    /// The share of `whole` (the fee, or its tax) that goes with the first `movedMinor` of the amount, rounded once.
    private func share(of whole: Money, upTo movedMinor: Int64) -> Int64 {
        guard amount.minorUnits > 0 else { return 0 }
        return whole.portion(movedMinor, of: amount.minorUnits).minorUnits
    }

    /// The shares of the fee and of its tax that go with the next `movedMinor`: the cumulative shares after it less
    /// those before it.
    private func movedShares(_ movedMinor: Int64) -> (fee: Int64, tax: Int64) {
        let before = released.minorUnits + refunded.minorUnits
        return (
            share(of: clientFee, upTo: before + movedMinor) - share(of: clientFee, upTo: before),
            share(of: feeTax, upTo: before + movedMinor) - share(of: feeTax, upTo: before)
        )
    }
}

extension Money {
    static func + (left: Money, right: Money) -> Money {
        precondition(left.currency == right.currency, "amounts in one currency")
        return Money(minorUnits: left.minorUnits + right.minorUnits, currency: left.currency)
    }
}
