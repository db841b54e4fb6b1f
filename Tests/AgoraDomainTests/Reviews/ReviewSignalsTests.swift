import AgoraDomain
import Foundation
import Testing

@Suite("Review fraud signals")
struct ReviewSignalsTests {
    /// An honest review: old accounts far apart, a real project, a real comment, nothing alike.
    func evidence(
        rating: Int = 4, comment: String = "Careful work on the checkout redesign; the 3 rounds of changes were handled quickly.",
        sharedAddresses: [String] = [], sharedDevice: Bool = false, age: TimeInterval = 400 * 86_400, reciprocal: Int = 0, reviewed: Int = 12,
        burst: Int = 0, value: Double = 800, others: [String] = ["Great designer, would hire again for a logo."]
    ) -> ReviewEvidence {
        ReviewEvidence(
            rating: rating, comment: comment, sharedAddresses: sharedAddresses, sharedDevice: sharedDevice, reviewerAccountAge: age,
            reciprocalExchanges: reciprocal, reviewedAccounts: reviewed, recentReviewsFromNewAccounts: burst, projectValue: value, otherComments: others
        )
    }

    func kinds(_ evidence: ReviewEvidence) -> [ReviewSignalKind] { ReviewSignals.read(evidence).map(\.kind) }

    @Test("an honest review raises nothing")
    func honest() {
        #expect(kinds(evidence()).isEmpty)
        #expect(ReviewSignals.score([]) == 0)
    }

    @Test("each signal on its crafted case, with its explanation")
    func eachSignal() {
        #expect(kinds(evidence(sharedAddresses: ["203.0.113.7"])) == [.sharedAddress])
        #expect(ReviewSignals.read(evidence(sharedAddresses: ["203.0.113.7"])).first?.explanation.contains("203.0.113.7") == true)
        #expect(kinds(evidence(sharedDevice: true)) == [.sharedDevice])
        #expect(kinds(evidence(age: 2 * 86_400)) == [.newAccount])
        #expect(kinds(evidence(reciprocal: 2, reviewed: 2)) == [.reciprocalRing])
        #expect(kinds(evidence(rating: 2, reciprocal: 2, reviewed: 2)).isEmpty, "a ring trades high ratings")
        #expect(kinds(evidence(reciprocal: 2, reviewed: 30)).isEmpty, "repeat business with many accounts is no ring")
        #expect(kinds(evidence(burst: 3)) == [.burst])
        #expect(kinds(evidence(value: 12)) == [.tinyProject])
        #expect(kinds(evidence(others: ["Careful work on the checkout redesign; the 3 rounds of changes were handled fast."])) == [.nearDuplicate])
        #expect(kinds(evidence(rating: 5, comment: "Great!")) == [.extremeWithoutText])
        #expect(kinds(evidence(rating: 1, comment: "")) == [.extremeWithoutText])
        #expect(kinds(evidence(rating: 3, comment: "")).isEmpty)
    }

    @Test("points add up to the score the hold threshold reads")
    func score() {
        let signals = ReviewSignals.read(evidence(rating: 5, comment: "", sharedAddresses: ["198.51.100.2"], age: 86_400, value: 5))
        #expect(signals.map(\.kind) == [.sharedAddress, .newAccount, .tinyProject, .extremeWithoutText])
        #expect(ReviewSignals.score(signals) == 7 && ReviewSignals.score(signals) >= ReviewRules.standard.holdThreshold)
        #expect(ReviewSignals.score(ReviewSignals.read(evidence(rating: 5, comment: "", age: 86_400, value: 5))) < ReviewRules.standard.holdThreshold,
                "a new client's first small job rated without words is not held by itself")
    }

    @Test("near-duplicate texts by shingles; quality by length, variety and specificity")
    func text() {
        let a = TextShingles("The logo was delivered on time and the files were complete.")
        #expect(a.similarity(to: TextShingles("the LOGO was delivered on time, and the files were complete!")) == 1)
        #expect(a.similarity(to: TextShingles("Slow replies, and the invoice was wrong twice.")) == 0)
        #expect(TextShingles("").similarity(to: a) == 0)
        #expect(ReviewQuality.score("") == 0)
        let short = ReviewQuality.score("Good job.")
        let detailed = ReviewQuality.score("Rebuilt our checkout in 12 days: accessibility fixes, translations for 4 languages, and performance improvements that halved the loading time. Communication was thorough and every deliverable arrived documented.")
        #expect(short < detailed && detailed <= 100)
        #expect(ReviewQuality.score("good good good good good good") < ReviewQuality.score("good careful thorough punctual friendly precise"))
    }
}
