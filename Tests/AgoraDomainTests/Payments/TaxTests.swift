import AgoraDomain
import Testing

@Suite("Tax on fees")
struct TaxTests {
    let policy = TaxPolicy(
        rates: [
            TaxRate(country: "DE", rate: Percentage(basisPoints: 1_900), name: "VAT"),
            TaxRate(country: "FR", rate: Percentage(basisPoints: 2_000), name: "VAT"),
            TaxRate(country: "US", region: "CA", rate: Percentage(basisPoints: 725), name: "sales tax"),
            TaxRate(country: "US", rate: Percentage(basisPoints: 0), name: "sales tax"),
        ],
        platformCountry: "DE"
    )

    func details(_ country: String, region: String? = nil, taxNumber: String? = nil) throws -> BillingDetails {
        try BillingDetails(BillingDetails.Input(name: "Ada Lovelace", country: country, region: region, taxNumber: taxNumber))
    }

    @Test("rates: 19 %, 7.25 %, 7.5 %; read with or without a space or the sign; at most two decimals, 0 to 100")
    func percentages() {
        #expect(Percentage("19%")?.basisPoints == 1_900 && Percentage("7.25 %")?.basisPoints == 725 && Percentage("7.5")?.basisPoints == 750)
        #expect(Percentage("0%") == .zero && Percentage("100%")?.basisPoints == 10_000)
        #expect(Percentage("7.25%")?.text == "7.25%" && Percentage("7.5%")?.text == "7.5%" && Percentage("0.05%")?.text == "0.05%")
        #expect(Percentage("19%")?.description == "19 %")
        for bad in ["", "%", "-1%", "100.01%", "7.255%", "1e2", "19%%", "٣%", "12.", ".5", "1000"] {
            #expect(Percentage(bad) == nil, "\(bad)")
        }
        #expect(Percentage(basisPoints: 1_900).of(Money(minorUnits: 300, currency: .eur)) == Money(minorUnits: 57, currency: .eur))
    }

    @Test("the member's place decides: their region's rate, else their country's; no details: the platform country's; unlisted: none")
    func places() throws {
        #expect(policy.treatment(for: try details("DE")).tax(on: Money(minorUnits: 300, currency: .eur)).minorUnits == 57)
        #expect(policy.treatment(for: nil) == policy.treatment(for: try details("DE")))
        #expect(policy.treatment(for: try details("US", region: "ca")).tax(on: Money(minorUnits: 10_000, currency: .usd)).minorUnits == 725)
        #expect(policy.treatment(for: try details("US", region: "NY")).tax(on: Money(minorUnits: 10_000, currency: .usd)).minorUnits == 0)
        #expect(policy.treatment(for: try details("JP")) == .exempt(country: "JP"))
        #expect(policy.treatment(for: try details("JP")).note == "No tax on fees in Japan")
        #expect(policy.treatment(for: try details("DE")).note == "VAT 19 % (Germany)")
    }

    @Test("a business abroad with a tax number is reverse charged; a business at home pays the tax")
    func reverseCharge() throws {
        let french = policy.treatment(for: try details("FR", taxNumber: "FR 12 345678901"))
        #expect(french == .reverseCharge(TaxNumber("FR12345678901", country: "FR")!))
        #expect(french.tax(on: Money(minorUnits: 300, currency: .eur)).minorUnits == 0)
        #expect(french.note.contains("FR12345678901"))
        #expect(policy.treatment(for: try details("DE", taxNumber: "DE123456789")).tax(on: Money(minorUnits: 300, currency: .eur)).minorUnits == 57)
        #expect(policy.treatment(for: try details("JP", taxNumber: "T1234567890123")) == .exempt(country: "JP"), "no rate there, nothing to reverse")
        #expect(TaxPolicy(rates: [], platformCountry: "DE").treatment(for: nil) == .exempt(country: "DE"), "no rates: nobody pays tax")
    }

    @Test("tax numbers: each country's format, spaces, dots and dashes ignored, the prefix added when missing")
    func taxNumbers() {
        #expect(TaxNumber("de 123 456 789", country: "DE")?.value == "DE123456789")
        #expect(TaxNumber("123456789", country: "DE")?.value == "DE123456789")
        #expect(TaxNumber("ATU12345678", country: "AT")?.value == "ATU12345678")
        #expect(TaxNumber("123456789B01", country: "NL")?.value == "NL123456789B01")
        #expect(TaxNumber("EL123456789", country: "GR")?.value == "EL123456789")
        #expect(TaxNumber("CHE-123.456.789 MWST", country: "CH")?.value == "CHE123456789MWST")
        #expect(TaxNumber("GB123456789", country: "GB") != nil && TaxNumber("GBGD001", country: "GB") != nil)
        #expect(TaxNumber("12-3456789", country: "US")?.value == "123456789", "elsewhere 5 to 20 letters and digits")
        for (bad, country) in [("DE12345678", "DE"), ("DE1234567890", "DE"), ("FR123", "FR"), ("AT12345678", "AT"), ("NL123456789A01", "NL"),
                               ("SE123456789002", "SE"), ("1234", "US"), ("DE12345678X", "DE"), ("<script>", "JP")] {
            #expect(TaxNumber(bad, country: country) == nil, "\(bad)")
        }
    }

    @Test("billing details: every bad field named at once")
    func badDetails() {
        do {
            _ = try BillingDetails(BillingDetails.Input(name: "", country: "XX", region: "TOOLONG", taxNumber: "1"))
            Issue.record("bad details were accepted")
        } catch let error as ValidationError {
            #expect(Set(error.errors.map(\.field)) == ["name", "country", "region"])
        } catch {
            Issue.record("\(error)")
        }
        #expect(throws: ValidationError(field: "tax_number", message: "is not a tax number of Germany: it looks like DE123456789")) {
            try BillingDetails(BillingDetails.Input(name: "Ada GmbH", country: "de", taxNumber: "DE1"))
        }
    }

    @Test("fee tables: commission tiers rising and ending beyond; category and tax rows unique; written back in one spelling")
    func tables() throws {
        #expect(try FeeTable.commissionTiers.canonical(["20 % up to 1,000", "5%  BEYOND"], field: "value") == ["20% up to 1000", "5% beyond"])
        #expect(try FeeTable.categoryRates.canonical(["Design 15 %"], field: "value") == ["design 15%"])
        #expect(try FeeTable.taxRates.canonical(["us-ca 7.25% sales tax", "de 19 VAT"], field: "value") == ["US-CA 7.25% sales tax", "DE 19% VAT"])
        let failures: [(FeeTable, [String], String)] = [
            (.commissionTiers, ["20% up to 500"], "value"),
            (.commissionTiers, ["20% up to 500", "10% up to 400", "5% beyond"], "value[1]"),
            (.commissionTiers, ["5% beyond", "5% beyond"], "value[0]"),
            (.commissionTiers, ["lots up to 500", "5% beyond"], "value[0]"),
            (.categoryRates, ["design 15%", "design 10%"], "value[1]"),
            (.taxRates, ["DE 19% VAT", "XX 10% VAT"], "value[1]"),
            (.taxRates, ["DE 19%"], "value[0]"),
            (.taxRates, ["DE 19% VAT", "de 7% VAT"], "value[1]"),
        ]
        for (table, lines, field) in failures {
            do {
                _ = try table.canonical(lines, field: "value")
                Issue.record("\(lines) was accepted")
            } catch let error as ValidationError {
                #expect(error.errors.map(\.field) == [field], "\(lines)")
            }
        }
    }

    @Test("settings: the fees and tax come from the settings, a category's flat rate over the tiers")
    func settings() throws {
        let defaults = PlatformSettings()
        #expect(defaults.fees(inCategory: nil) == .standard)
        #expect(defaults.tax.platformCountry == "DE" && defaults.tax.rates.isEmpty)
        #expect(try PlatformSetting.taxRates.kind.check(.list(TaxRate.standardRates.map(\.line))) == .list(TaxRate.standardRates.map(\.line)))
        let changed = PlatformSettings(stored: [
            .feesClientServiceFee: .text("5%"), .feesCommissionTiers: .list(["12% beyond"]), .feesMinimumCommission: .number(1),
            .feesCategoryCommission: .list(["design 8%"]),
        ])
        let general = changed.fees(inCategory: nil)
        #expect(general.clientFee.basisPoints == 500 && general.tiers == [FeeSchedule.Tier(upToMajor: nil, rate: Percentage(basisPoints: 1_200))])
        #expect(general.minimumCommissionMajor == 1)
        #expect(changed.fees(inCategory: try Slug("design")).tiers == [FeeSchedule.Tier(upToMajor: nil, rate: Percentage(basisPoints: 800))])
        #expect(changed.fees(inCategory: try Slug("writing")) == general)
        #expect(throws: ValidationError.self) { try PlatformSetting.feesClientServiceFee.kind.check(.text("3 percent")) }
        #expect(try PlatformSetting.feesClientServiceFee.kind.check(.text(" 3.50 % ")) == .text("3.5%"))
        #expect(try PlatformSetting.taxPlatformCountry.kind.check(.text("ie")) == .text("IE"))
        #expect(throws: ValidationError.self) { try PlatformSetting.taxPlatformCountry.kind.check(.text("EU")) }
    }
}
