import AgoraDomain
import Foundation
import Testing

@Suite struct GroupedDigitsTests {
    @Test func groupsThousandsWhateverTheLocale() {
        #expect(GroupedDigits.format(0) == "0")
        #expect(GroupedDigits.format(999) == "999")
        #expect(GroupedDigits.format(1_000) == "1,000")
        #expect(GroupedDigits.format(1_234_567) == "1,234,567")
        #expect(GroupedDigits.format(-12_345) == "-12,345")
        #expect(GroupedDigits.format(Int.min) == "-9,223,372,036,854,775,808")
        for value in [5, 42, 100_000, 987_654_321] {
            #expect(GroupedDigits.format(value) == value.formatted(.number.locale(Locale(identifier: "en_US"))))
        }
    }
}
