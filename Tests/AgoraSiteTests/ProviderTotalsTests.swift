@testable import AgoraSite
import AgoraTestSupport
import Foundation
import Testing

@Suite("The homepage's figures kept in the manifest")
struct ProviderTotalsTests {
    /// The totals of some tallies, summed afresh.
    func summed(_ tallies: some Collection<ProviderTally>) -> ProviderTotals {
        var totals = ProviderTotals()
        for tally in tallies {
            totals.providers += 1
            totals.ratings += tally.ratings
            totals.ratingPoints += tally.ratingPoints
            if let country = tally.countryCode { totals.countries[country, default: 0] += 1 }
            for id in tally.topCategoryIDs { totals.byTopCategory[id, default: 0] += 1 }
        }
        return totals
    }

    func randomTally(using generator: inout some RandomNumberGenerator) -> ProviderTally {
        let ratings = Int.random(in: 0...40, using: &generator)
        return ProviderTally(
            countryCode: ["FR", "DE", "BR", nil].randomElement(using: &generator)!,
            ratings: ratings,
            ratingPoints: ratings * Int.random(in: 1_000...5_000, using: &generator),
            topCategoryIDs: Array(Set((0..<Int.random(in: 0...2, using: &generator)).map { _ in Int64.random(in: 1...4, using: &generator) })).sorted()
        )
    }

    @Test("counters kept page by page, through new pages, changes, removals and pages that are no provider's, equal sums made afresh")
    func keptEqualsSummed() throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let manifest = try BuildManifest.create(in: scratch.url, siteKey: "test")
        try manifest.begin()
        var generator = SystemRandomNumberGenerator()
        var pages: [String: ProviderTally] = [:]
        for step in 0..<400 {
            let path = "/providers/p\(Int.random(in: 0..<40, using: &generator))/"
            let old = try manifest.entry(path)
            if old != nil, Bool.random(using: &generator) {
                try manifest.delete(path, try #require(old))
                pages[path] = nil
            } else {
                let tally = randomTally(using: &generator)
                try manifest.put(path, .init(key: "k\(step)", lastModified: nil, inSitemap: true, tally: tally), replacing: old)
                pages[path] = tally
            }
            try manifest.put("/about/", .init(key: "k\(step)", lastModified: nil, inSitemap: true), replacing: try manifest.entry("/about/"))
            #expect(try manifest.totals() == summed(pages.values), "after step \(step)")
        }
        manifest.rollback()
    }

    @Test("the mean rating weighs each rating once; no ratings, no mean")
    func meanRating() {
        let tallies = [
            ProviderTally(countryCode: "FR", ratings: 3, ratingPoints: 15_000, topCategoryIDs: [1]),
            ProviderTally(countryCode: "FR", ratings: 1, ratingPoints: 4_000, topCategoryIDs: [1]),
            ProviderTally(countryCode: nil, ratings: 0, ratingPoints: 0, topCategoryIDs: []),
        ]
        let totals = summed(tallies)
        #expect(totals.averageRating == 4.75)
        #expect(totals.countries == ["FR": 2])
        #expect(summed([tallies[2]]).averageRating == nil)
    }
}
