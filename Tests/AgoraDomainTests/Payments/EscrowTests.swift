import AgoraDomain
import Testing

@Suite("Escrow")
struct EscrowTests {
    func money(_ minor: Int64) -> Money { Money(minorUnits: minor, currency: .eur) }

    func funded(_ amount: Int64, fee: Int64) -> Escrow {
        Escrow(amount: money(amount), clientFee: money(fee), released: money(0), refunded: money(0))
    }

    @Test("funding: processor clearing to the milestone's escrow, balanced")
    func funding() {
        let lines = Escrow.fundingLines(milestoneID: 7, paid: money(10_300))
        #expect(lines.map(\.amount) == [-10_300, 10_300])
        #expect(lines[1].account == LedgerAccountKey(.escrow, owner: 7, currency: .eur))
    }

    @Test("a full release: the provider gets the amount less commission; the platform the commission and the client's fee")
    func fullRelease() throws {
        let movement = try funded(10_000, fee: 300).release(nil, milestoneID: 7, providerID: 3, schedule: .standard, billedBefore: money(0))
        #expect(movement.lines.map(\.amount) == [-10_300, 8_000, 2_300])
        #expect(movement.lines[1].account == LedgerAccountKey(.providerPayable, owner: 3, currency: .eur))
        #expect(movement.after.remaining == money(0) && movement.after.held == money(0))
        #expect(throws: StatusTransitionError("nothing is held in escrow for this milestone")) {
            try movement.after.refund(nil, milestoneID: 7, clientID: 1)
        }
    }

    @Test("part released, part refunded, the rest released: every movement balances and the fee is used up exactly")
    func parts() throws {
        let escrow = funded(1_000, fee: 31)
        let first = try escrow.release(money(333), milestoneID: 7, providerID: 3, schedule: .standard, billedBefore: money(0))
        let second = try first.after.refund(money(333), milestoneID: 7, clientID: 1)
        let third = try second.after.release(nil, milestoneID: 7, providerID: 3, schedule: .standard, billedBefore: money(333))
        for movement in [first, second, third] {
            #expect(LedgerTransactionDraft.totals(movement.lines).values.allSatisfy { $0 == 0 })
            #expect(movement.lines.allSatisfy { $0.account.kind == .escrow ? $0.amount < 0 : $0.amount > 0 })
        }
        #expect([first, second, third].map(\.feeShare.minorUnits).reduce(0, +) == 31)
        #expect(third.amount == money(334) && third.after.held == money(0))
        #expect(second.lines[1].account == LedgerAccountKey(.refunds, owner: 1, currency: .eur))
        #expect(first.after.held.minorUnits == 1_031 - 333 - first.feeShare.minorUnits)
    }

    @Test("a part must be more than nothing, at most what is held, in the milestone's currency")
    func badParts() {
        let escrow = funded(1_000, fee: 30)
        for part in [money(0), money(-5), money(1_001), Money(minorUnits: 10, currency: .usd)] {
            #expect(throws: ValidationError.self) { try escrow.refund(part, milestoneID: 7, clientID: 1) }
        }
    }
}
