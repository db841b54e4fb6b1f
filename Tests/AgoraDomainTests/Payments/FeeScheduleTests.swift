import AgoraDomain
import Testing

@Suite("Fees")
struct FeeScheduleTests {
    let schedule = FeeSchedule.standard
    let jpy = try! CurrencyCode("JPY")
    let kwd = try! CurrencyCode("KWD")

    func money(_ minor: Int64, _ currency: CurrencyCode = .eur) -> Money { Money(minorUnits: minor, currency: currency) }

    @Test("commission by lifetime billings: 20 % of the first 500, 10 % up to 10,000, 5 % beyond, a release across bands cut at each")
    func tiers() {
        #expect(schedule.commission(releasing: money(10_000), billedBefore: money(0)) == money(2_000))
        #expect(schedule.commission(releasing: money(10_000), billedBefore: money(45_000)) == money(1_500), "50 at 20 %, 50 at 10 %")
        #expect(schedule.commission(releasing: money(100_000), billedBefore: money(1_000_000)) == money(5_000))
        #expect(schedule.commission(releasing: money(1_100_000), billedBefore: money(0)) == money(10_000 + 95_000 + 5_000))
        #expect(schedule.commission(releasing: money(3), billedBefore: money(0)) == money(1), "0.6 cents rounds half away from zero, once")
        #expect(schedule.commission(releasing: Money.major(1_000, jpy), billedBefore: money(0, jpy)) == Money.major(150, jpy), "thresholds in whole yen")
        #expect(schedule.clientFee(on: money(10_000)) == money(300))
        #expect(schedule.clientFee(on: money(1_234, kwd)) == money(37, kwd))
    }

    @Test("a minimum commission applies, but never more than the release")
    func minimum() {
        let withMinimum = FeeSchedule(tiers: schedule.tiers, minimumCommissionMajor: 2, clientFee: .zero)
        #expect(withMinimum.commission(releasing: money(500), billedBefore: money(0)) == money(200))
        #expect(withMinimum.commission(releasing: money(150), billedBefore: money(0)) == money(150))
        #expect(withMinimum.commission(releasing: Money.major(5, jpy), billedBefore: money(0, jpy)) == Money.major(2, jpy), "in whole units of each currency")
        #expect(withMinimum.clientFee(on: money(10_000)) == money(0))
    }

    @Test("property: over many amounts and histories no fee line is negative or above its amount, and releases in parts take no less than one release")
    func properties() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let amount = Int64.random(in: 1...5_000_000, using: &generator)
            let before = Int64.random(in: 0...5_000_000, using: &generator)
            let commission = schedule.commission(releasing: money(amount), billedBefore: money(before)).minorUnits
            #expect(commission >= 0 && commission <= amount)
            let fee = schedule.clientFee(on: money(amount)).minorUnits
            #expect(fee >= 0 && fee <= amount)
            let cut = Int64.random(in: 1...amount, using: &generator)
            let inParts = schedule.commission(releasing: money(cut), billedBefore: money(before)).minorUnits
                + schedule.commission(releasing: money(amount - cut), billedBefore: money(before + cut)).minorUnits
            #expect(abs(inParts - commission) <= 1, "two parts round at most one minor unit away from the whole")
        }
    }

    @Test("a category's flat rate replaces the tiers, and keeps the client's fee and the minimum")
    func flat() {
        let design = schedule.flat(Percentage(basisPoints: 1_500))
        #expect(design.commission(releasing: money(100_000), billedBefore: money(0)) == money(15_000))
        #expect(design.commission(releasing: money(100_000), billedBefore: money(5_000_000)) == money(15_000))
        #expect(design.clientFee == schedule.clientFee && design.minimumCommissionMajor == schedule.minimumCommissionMajor)
    }
}
