import AgoraDomain
import Testing

@Suite("Escrow")
struct EscrowTests {
    func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .eur) }

    func funded(_ amount: Int64, fee: Int64, tax: Int64 = 0) -> Escrow {
        Escrow(amount: money(amount), clientFee: money(fee), feeTax: money(tax), released: money(0), refunded: money(0))
    }

    let untaxed = TaxTreatment.exempt(country: nil)
    let vat = TaxTreatment.charged(TaxRate(country: "DE", rate: Percentage(basisPoints: 1_900), name: "VAT"))

    @Test("funding: processor clearing to the milestone's escrow, balanced")
    func funding() {
        let lines = Escrow.fundingLines(.milestone(7), paid: money(10_300))
        #expect(lines.map(\.amount) == [-10_300, 10_300])
        #expect(lines[1].account == LedgerAccountKey(.escrow, owner: 7, currency: .eur))
    }

    @Test("a full release: the provider gets the amount less commission; the platform the commission and the client's fee")
    func fullRelease() throws {
        let movement = try funded(10_000, fee: 300).release(nil, from: .milestone(7), providerID: 3, schedule: .standard, billedBefore: money(0), commissionTax: untaxed)
        #expect(movement.lines.map(\.amount) == [-10_300, 8_000, 2_300])
        #expect(movement.lines[1].account == LedgerAccountKey(.providerPayable, owner: 3, currency: .eur))
        #expect(movement.after.remaining == money(0) && movement.after.held == money(0))
        #expect(throws: StatusTransitionError("nothing is held in escrow for this milestone")) {
            try movement.after.refund(nil, from: .milestone(7), clientID: 1)
        }
    }

    @Test("part released, part refunded, the rest released: every movement balances and the fee is used up exactly")
    func parts() throws {
        let escrow = funded(1_000, fee: 31)
        let first = try escrow.release(money(333), from: .milestone(7), providerID: 3, schedule: .standard, billedBefore: money(0), commissionTax: untaxed)
        let second = try first.after.refund(money(333), from: .milestone(7), clientID: 1)
        let third = try second.after.release(nil, from: .milestone(7), providerID: 3, schedule: .standard, billedBefore: money(333), commissionTax: untaxed)
        for movement in [first, second, third] {
            #expect(LedgerTransactionDraft.totals(movement.lines).values.allSatisfy { $0 == 0 })
            #expect(movement.lines.allSatisfy { $0.account.kind == .escrow ? $0.amount < 0 : $0.amount > 0 })
        }
        #expect([first, second, third].map(\.feeShare.minorUnits).reduce(0, +) == 31)
        #expect(third.amount == money(334) && third.after.held == money(0))
        #expect(second.lines[1].account == LedgerAccountKey(.refunds, owner: 1, currency: .eur))
        #expect(first.after.held.minorUnits == 1_031 - 333 - first.feeShare.minorUnits)
    }

    @Test("taxed fees: the fee's tax and the commission's tax go to tax payable, the provider gets the rest, everything balances")
    func taxed() throws {
        let movement = try funded(10_000, fee: 300, tax: 57).release(nil, from: .milestone(7), providerID: 3, schedule: .standard, billedBefore: money(0), commissionTax: vat)
        #expect(movement.commission == money(2_000) && movement.commissionTax == money(380) && movement.feeTaxShare == money(57))
        #expect(movement.lines.map(\.amount) == [-10_357, 7_620, 2_300, 437], "the provider: 10,000 less 2,000 and 380; the tax: 57 and 380")
        #expect(movement.lines[3].account == LedgerAccountKey(.taxPayable, currency: .eur))
        #expect(movement.after.held == money(0))
    }

    @Test("property: any cut of releases and refunds with taxed fees balances, moves nothing negative, uses up the fee and its tax exactly, and never takes more commission and tax than a release")
    func taxedProperties() throws {
        var generator = SystemRandomNumberGenerator()
        let rates = [untaxed, vat, TaxTreatment.charged(TaxRate(country: "HU", rate: Percentage(basisPoints: 10_000), name: "test"))]
        for _ in 0..<500 {
            let amount = Int64.random(in: 1...2_000_000, using: &generator)
            let fee = FeeSchedule.standard.clientFee(on: money(amount))
            let tax = rates.randomElement(using: &generator)!
            var escrow = funded(amount, fee: fee.minorUnits, tax: tax.tax(on: fee).minorUnits)
            let held = escrow.held.minorUnits
            var moved: Int64 = 0
            var billed: Int64 = 0
            while escrow.remaining.minorUnits > 0 {
                let last = Bool.random(using: &generator)
                let part = last ? nil : money(Int64.random(in: 1...escrow.remaining.minorUnits, using: &generator))
                let releasing = Bool.random(using: &generator)
                let movement = releasing
                    ? try escrow.release(part, from: .milestone(7), providerID: 3, schedule: .standard, billedBefore: money(billed), commissionTax: tax)
                    : try escrow.refund(part, from: .milestone(7), clientID: 1)
                #expect(LedgerTransactionDraft.totals(movement.lines).values.allSatisfy { $0 == 0 })
                #expect(movement.lines.allSatisfy { $0.account.kind == .escrow ? $0.amount < 0 : $0.amount >= 0 })
                #expect(movement.commission.minorUnits + movement.commissionTax.minorUnits <= movement.amount.minorUnits)
                moved += -(movement.lines.first { $0.account.kind == .escrow }?.amount ?? 0)
                if releasing { billed += movement.amount.minorUnits }
                escrow = movement.after
            }
            #expect(moved == held, "everything funded left escrow, fee and tax included")
            #expect(escrow.held == money(0))
        }
    }

    @Test("a part must be more than nothing, at most what is held, in the milestone's currency")
    func badParts() {
        let escrow = funded(1_000, fee: 30)
        for part in [money(0), money(-5), money(1_001), Money(minorUnits: 10, currency: .usd)] {
            #expect(throws: ValidationError.self) { try escrow.refund(part, from: .milestone(7), clientID: 1) }
        }
    }
}
