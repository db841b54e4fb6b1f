import Foundation

/// The edges of the price facet, taken from the data: the lowest rate of each fifth of the matching providers,
/// rounded down to a round amount (a multiple of half its power of ten: 25, 40, 45, 100, 150, 7,500), without
/// repeats.
public enum PriceBands {
    public static let quantiles = 5

    /// Round lower edges, ascending, from the lowest rate of each quantile (minor units of a currency with
    /// `digits` minor digits).
    public static func edges(fromQuantileMinimums minimums: [Int64], minorUnitDigits digits: Int) -> [Int64] {
        var edges: [Int64] = []
        for minimum in minimums.sorted() {
            let edge = roundDown(minimum, minorUnitDigits: digits)
            if edges.last != edge { edges.append(edge) }
        }
        return edges
    }

    /// The largest round amount not above `minor`.
    public static func roundDown(_ minor: Int64, minorUnitDigits digits: Int) -> Int64 {
        let scale = Double(ExchangeRates.power10(digits))
        let major = Double(minor) / scale
        guard major >= 1 else { return max(0, minor) }
        let step = pow(10, floor(log10(major))) / 2
        return Int64(((major / step).rounded(.down) * step * scale).rounded())
    }
}
