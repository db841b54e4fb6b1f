import AgoraDomain
import Testing

@Suite("Order reference numbers")
struct ReferenceNumberTests {
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTWXYZ")

    @Test("references look like AG-7K3F-9Q2M, read back as typed, and are not sequential")
    func format() throws {
        var generator = Seeded(state: 1)
        let references = (0..<2_000).map { _ in ReferenceNumber.random(using: &generator) }
        for reference in references {
            #expect(reference.value.wholeMatch(of: /AG-[0-9A-HJKMNP-TW-Z]{4}-[0-9A-HJKMNP-TW-Z]{4}/) != nil)
            #expect(try ReferenceNumber(reference.value) == reference)
            #expect(try ReferenceNumber(reference.value.lowercased().replacingOccurrences(of: "-", with: "")) == reference)
            #expect(try ReferenceNumber(String(reference.value.dropFirst(3))) == reference)
        }
        #expect(Set(references).count == references.count)
    }

    @Test("O is read as 0, I and L as 1")
    func lookalikes() throws {
        var generator = Seeded(state: 7)
        for _ in 0..<200 {
            let reference = ReferenceNumber.random(using: &generator)
            guard reference.value.contains("0") || reference.value.contains("1") else { continue }
            let misread = reference.value.dropFirst(3).replacingOccurrences(of: "0", with: "O").replacingOccurrences(of: "1", with: "l")
            #expect(try ReferenceNumber(misread) == reference)
        }
    }

    @Test("every single mistyped symbol and every swap of two different symbols is detected")
    func typos() throws {
        var generator = Seeded(state: 42)
        for _ in 0..<100 {
            let reference = ReferenceNumber.random(using: &generator)
            let symbols = Array(reference.value.filter { $0 != "-" }.dropFirst(2))
            for position in symbols.indices {
                for replacement in Self.alphabet where replacement != symbols[position] {
                    var typed = symbols
                    typed[position] = replacement
                    #expect(throws: ValidationError.self) { try ReferenceNumber(String(typed)) }
                }
                for other in symbols.indices where other > position && symbols[other] != symbols[position] {
                    var swapped = symbols
                    swapped.swapAt(position, other)
                    #expect(throws: ValidationError.self) { try ReferenceNumber(String(swapped)) }
                }
            }
        }
    }

    @Test("other text is not a reference", arguments: ["", "AG-", "AG-7K3F-9Q2", "AG-7K3F-9Q2MM", "AG-7K3F-9Q2U", "BG-7K3F-9Q2M", "AG 7K3F 9Q2!"])
    func garbage(text: String) {
        #expect(throws: ValidationError.self) { try ReferenceNumber(text) }
    }
}
