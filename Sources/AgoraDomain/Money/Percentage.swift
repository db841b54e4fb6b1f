import Foundation

/// A rate as people write it (`20%`, `7.25 %`) and as fees and taxes apply it: whole basis points (1/100 of a
/// percent) from 0 to 100 %, so that a rate is exact and its portion of an amount is rounded once (`Money.portion`).
public struct Percentage: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let basisPoints: Int64

    public static let zero = Percentage(basisPoints: 0)

    public init(basisPoints: Int64) {
        precondition((0...10_000).contains(basisPoints), "a rate between 0 and 100 %")
        self.basisPoints = basisPoints
    }

    /// Reads `20%`, `20 %`, `7.25%` or a bare `20`: at most two decimals, from 0 to 100. Nil for anything else.
    public init?(_ text: some StringProtocol) {
        var digits = text.trimmingCharacters(in: .whitespaces)
        if digits.hasSuffix("%") { digits = String(digits.dropLast()).trimmingCharacters(in: .whitespaces) }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.count <= 3,
              whole.allSatisfy(\.isASCIIDigit), let units = Int64(whole)
        else { return nil }
        var hundredths: Int64 = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy(\.isASCIIDigit), let value = Int64(fraction) else { return nil }
            hundredths = fraction.count == 1 ? value * 10 : value
        }
        let basisPoints = units * 100 + hundredths
        guard basisPoints <= 10_000 else { return nil }
        self.init(basisPoints: basisPoints)
    }

    /// The rate as it is written back: `20%`, `7.25%`, `7.5%`.
    public var text: String {
        let whole = basisPoints / 100
        let fraction = basisPoints % 100
        guard fraction != 0 else { return "\(whole)%" }
        let decimals = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0\(fraction)" : String(fraction))
        return "\(whole).\(decimals)%"
    }

    /// The rate as pages and receipts show it: `20 %`, `7.25 %`.
    public var description: String { text.dropLast() + " %" }

    /// This rate of `amount`, rounded once.
    public func of(_ amount: Money) -> Money {
        amount.portion(basisPoints, of: 10_000)
    }

    /// This rate lowered by `discount` (a share of it): 20 % less 25 % is 15 %, rounded once to the basis point.
    public func reduced(by discount: Percentage) -> Percentage {
        Percentage(basisPoints: (basisPoints * (10_000 - discount.basisPoints) + 5_000) / 10_000)
    }

    public static func < (left: Percentage, right: Percentage) -> Bool { left.basisPoints < right.basisPoints }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
