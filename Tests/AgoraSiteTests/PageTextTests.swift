import AgoraDomain
@testable import AgoraSite
import Foundation
import Testing

@Suite("Page text")
struct PageTextTests {
    @Test("ratings show one decimal, rounded as printf rounds them")
    func ratings() {
        for hundredths in 0...500 {
            let rating = Double(hundredths) / 100
            #expect(RatingText.format(rating) == String(format: "%.1f", (rating * 10).rounded() / 10), "\(rating)")
        }
    }

    @Test("counts group their thousands and agree in number")
    func counts() {
        #expect(CountText.of(1, "provider") == "1 provider")
        #expect(CountText.of(2_431, "provider") == "2,431 providers")
        #expect(CountText.of(0, "category", plural: "categories") == "0 categories")
    }
}
