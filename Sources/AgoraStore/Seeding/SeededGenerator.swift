/// A small, fast random number generator (SplitMix64) that yields the same sequence for the same seed on every
/// platform, so seeded data (and a seeded test's choices) can be recreated exactly.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// A generator for item `index` of a run seeded with `seed`: items can be made in any order, in any batch.
    init(seed: UInt64, index: Int) {
        var mixer = SeededGenerator(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15))
        state = mixer.next()
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Array {
    /// A deterministic pick for seeded data.
    func pick(using generator: inout SeededGenerator) -> Element {
        self[Int(generator.next() % UInt64(count))]
    }
}
