import AgoraDomain
import Testing

@Suite("Payout accounts and wallets")
struct PayoutAccountTests {
    @Test("IBANs pass their mod-97 check (spaces and case aside) and BICs their format; every bad field is named")
    func accounts() throws {
        let account = try PayoutAccountDetails(.init(holderName: "Paula Provider", iban: "de89 3704 0044 0532 0130 00", bic: "cobadeffxxx", schedule: "monthly"))
        #expect(account.iban == "DE89370400440532013000" && account.bic == "COBADEFFXXX" && account.schedule == .monthly)
        #expect(account.maskedIBAN == "DE •••• 3000")
        #expect(try PayoutAccountDetails(.init(holderName: "Test", iban: LocalTestBankAccount.closed, bic: "DEUTDEFF")).iban == LocalTestBankAccount.closed)
        func fields(_ input: PayoutAccountDetails.Input) -> [String] {
            do { _ = try PayoutAccountDetails(input); return [] } catch let error as ValidationError { return error.errors.map(\.field) } catch { return ["?"] }
        }
        #expect(fields(.init(holderName: "Paula", iban: "GB82WEST12345698765432", bic: "DEUTDEFF")) == [])
        #expect(fields(.init(holderName: "Paula", iban: "FR1420041010050500013M02606", bic: "DEUTDEFF500")) == [])
        #expect(fields(.init(holderName: "Paula", iban: "DE89370400440532013001", bic: "DEUTDEFF")) == ["iban"], "one digit off")
        #expect(fields(.init(holderName: "P", iban: "DE89", bic: "1234DEFF", schedule: "daily")) == ["holder_name", "iban", "bic", "schedule"])
    }

    @Test("a wallet: released money clears the hold before it is available; payouts take from what cleared first")
    func wallet() {
        let wallet = Wallet(currency: .eur, inEscrow: 5_000, released: 30_000, releasedBeforeHold: 20_000, withdrawn: 15_000, paidOut: 15_000)
        #expect(wallet.available.minorUnits == 5_000 && wallet.onHold.minorUnits == 10_000 && wallet.paidOut.minorUnits == 15_000)
        let early = Wallet(currency: .eur, inEscrow: 0, released: 30_000, releasedBeforeHold: 0, withdrawn: 0, paidOut: 0)
        #expect(early.available.minorUnits == 0 && early.onHold.minorUnits == 30_000)
    }
}
