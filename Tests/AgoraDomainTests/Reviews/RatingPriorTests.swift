import AgoraDomain
import Testing

@Suite("The rating prior")
struct RatingPriorTests {
    @Test("it starts at 4.0, is the exact mean to the tenth once that moves far enough, and goes back without ratings")
    func follows() {
        #expect(RatingPrior.standard.mean == 4.0)
        #expect(RatingPrior.standard.following(4.62) == RatingPrior(tenths: 46))
        #expect(RatingPrior.standard.following(4.05) == .standard, "within the margin it stays")
        #expect(RatingPrior(tenths: 46).following(nil) == .standard)
        #expect(RatingPrior(tenths: 3).tenths == 10 && RatingPrior(tenths: 70).tenths == 50, "clamped to the scale")
    }

    @Test("a mean sitting on the midpoint between two tenths does not flip it back and forth")
    func hysteresis() {
        var prior = RatingPrior(tenths: 44)
        var moves = 0
        // The exact mean wandering across 4.45 by a hair at every review.
        for step in 0..<1_000 {
            let next = prior.following(4.45 + (step.isMultiple(of: 2) ? 0.004 : -0.004))
            if next != prior { moves += 1 }
            prior = next
        }
        #expect(moves == 0 && prior.tenths == 44)
        // Once the mean has clearly left, the prior follows once, and needs half a tenth to come back.
        prior = prior.following(4.48)
        #expect(prior.tenths == 45)
        #expect(prior.following(4.44).tenths == 45 && prior.following(4.42).tenths == 44)
    }

    @Test("it never strays from the exact mean by more than the margin", arguments: [4.0, 3.3, 4.97, 1.2])
    func bounded(start: Double) {
        var prior = RatingPrior.standard
        var exact = start
        var generator = SeededRandom(state: UInt64(start * 1_000))
        for _ in 0..<5_000 {
            exact = min(5, max(1, exact + (Double(generator.next() % 2_001) / 1_000 - 1) * 0.02))
            prior = prior.following(exact)
            #expect(abs(prior.mean - exact) < RatingPrior.margin + 1e-9)
        }
    }
}
