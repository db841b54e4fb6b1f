/// An order's public reference, such as `AG-7K3F-9Q2M`: seven random symbols and a check symbol.
///
/// The alphabet is Crockford's base 32 without `V` (31 symbols: no I, L, O, U or V to misread), so that the check,
/// a weighted sum modulo the prime 31, catches every single mistyped symbol and every swap of two symbols. Read
/// back, lower case is accepted, `O` is read as `0` and `I`/`L` as `1`, and the dashes are optional.
/// 31^7 ≈ 27 billion references: drawn at random, they reveal nothing about how many orders exist.
public struct ReferenceNumber: ValidatedString {
    public let value: String

    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTWXYZ")
    static let payloadLength = 7
    private static let prefix = "AG"

    /// Reads a reference as a person may type it; throws when it is not one or its check symbol does not match.
    public init(_ raw: String) throws {
        var symbols = raw.uppercased().filter { !$0.isWhitespace && $0 != "-" }
        if symbols.count == Self.prefix.count + Self.payloadLength + 1, symbols.hasPrefix(Self.prefix) {
            symbols.removeFirst(Self.prefix.count)
        }
        let normalized = symbols.map { character -> Character in
            switch character {
            case "O": "0"
            case "I", "L": "1"
            default: character
            }
        }
        guard normalized.count == Self.payloadLength + 1,
              let values = Self.values(of: normalized),
              Self.checkValue(of: Array(values.prefix(Self.payloadLength))) == values.last
        else {
            throw ValidationError(field: "reference_number", message: "is not an order reference such as AG-7K3F-9Q2M (check for a mistyped character)")
        }
        self.init(symbols: normalized)
    }

    private init(symbols: [Character]) {
        let text = String(symbols)
        value = "\(Self.prefix)-\(text.prefix(4))-\(text.suffix(4))"
    }

    /// A new random reference. Uniqueness is the store's job (a unique index, and another draw on a clash).
    public static func random<G: RandomNumberGenerator>(using generator: inout G) -> ReferenceNumber {
        let payload = (0..<payloadLength).map { _ in Int.random(in: 0..<alphabet.count, using: &generator) }
        let symbols = (payload + [checkValue(of: payload)]).map { alphabet[$0] }
        return ReferenceNumber(symbols: symbols)
    }

    public static func random() -> ReferenceNumber {
        var generator = SystemRandomNumberGenerator()
        return random(using: &generator)
    }

    private static func values(of symbols: [Character]) -> [Int]? {
        var values: [Int] = []
        for symbol in symbols {
            guard let index = alphabet.firstIndex(of: symbol) else { return nil }
            values.append(index)
        }
        return values
    }

    /// Σ (position + 1) × value mod 31: the weights 1…7 are distinct and invertible modulo a prime, so changing one
    /// value, or swapping two different ones, always changes the sum.
    static func checkValue(of payload: [Int]) -> Int {
        payload.enumerated().reduce(0) { sum, item in (sum + (item.offset + 1) * item.element) % alphabet.count }
    }
}
