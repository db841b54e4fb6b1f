import AgoraDomain
import Testing

@Suite struct PhoneNumberTests {
    func message(_ raw: String, _ country: String) -> String? {
        do {
            _ = try PhoneNumber(raw, country: country)
            return nil
        } catch let error as ValidationError {
            return error.errors.first?.message
        } catch {
            return "\(error)"
        }
    }

    @Test func internationalAndNationalFormsGiveTheSameNumber() throws {
        for typed in ["+33 6 12 34 56 78", "0033612345678", "06.12.34.56.78", "612345678"] {
            #expect(try PhoneNumber(typed, country: "FR").e164 == "+33612345678")
        }
        #expect(try PhoneNumber("(415) 555-0123", country: "us").e164 == "+14155550123")
    }

    @Test func theDialCodeMustBeTheCountrys() {
        #expect(message("+44 20 7946 0958", "FR") == "starts with a dial code that is not France's (+33)")
        #expect(message("+1 613 555 0100", "CA") == nil)
        #expect(message("+1 613 555 0100", "US") == nil)
    }

    @Test func theNationalLengthMustFitTheCountrysPlan() {
        #expect(message("+33 6 12 34 56", "FR") == "must have 9 digits after +33 for France")
        #expect(message("+49 30 1", "DE") == "must have 6 to 13 digits after +49 for Germany")
        #expect(message("+1234567890123456", "US") != nil)
    }

    @Test func lettersAndUnknownCountriesAreRefused() {
        #expect(message("06 CALL ME", "FR") == "may hold only digits, spaces, dashes and a leading +")
        #expect(message("", "FR") == "is required")
        #expect(message("0612345678", "XX") == "must be the ISO code of a country we serve, like FR or US")
    }

    @Test func everyCountryHasAPlausibleEntry() {
        for country in Countries.all {
            #expect(country.code.count == 2 && country.code == country.code.uppercased())
            #expect(!country.dialCode.isEmpty && country.dialCode.allSatisfy(\.isNumber))
            #expect(country.dialCode.count + country.nationalNumberLengths.upperBound <= PhoneNumber.maximumDigits)
        }
        #expect(Set(Countries.all.map(\.code)).count == Countries.all.count)
    }
}
