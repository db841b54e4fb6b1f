/// The penalty of a masked symbol (ISO/IEC 18004, 7.8.3): long runs of one colour, 2×2 blocks, patterns that look
/// like a finder, and an unbalanced share of dark modules. The mask with the lowest score reads best.
enum QRPenalty {
    static func score(_ modules: [[Bool]]) -> Int {
        let size = modules.count
        var result = 0
        let columns = (0..<size).map { x in (0..<size).map { y in modules[y][x] } }
        for line in modules + columns { result += lineScore(line) }
        for y in 0..<(size - 1) {
            for x in 0..<(size - 1) {
                let colour = modules[y][x]
                if colour == modules[y][x + 1], colour == modules[y + 1][x], colour == modules[y + 1][x + 1] { result += 3 }
            }
        }
        let dark = modules.reduce(0) { $0 + $1.filter { $0 }.count }
        let total = size * size
        let deviation = (abs(dark * 20 - total * 10) + total - 1) / total - 1
        return result + deviation * 10
    }

    /// Runs of five or more and finder-like patterns in one row or column.
    private static func lineScore(_ line: [Bool]) -> Int {
        var runs = FinderRuns(size: line.count)
        var result = 0
        var colour = false
        var length = 0
        for module in line {
            if module == colour {
                length += 1
                if length == 5 { result += 3 } else if length > 5 { result += 1 }
            } else {
                runs.add(length)
                if !colour { result += runs.finderLikePatterns * 40 }
                colour = module
                length = 1
            }
        }
        if colour {
            runs.add(length)
            length = 0
        }
        runs.add(length + line.count)
        return result + runs.finderLikePatterns * 40
    }

    /// The last seven run lengths, newest first, with the light border counted into the first run.
    private struct FinderRuns {
        let size: Int
        var history = [Int](repeating: 0, count: 7)

        mutating func add(_ length: Int) {
            let length = history[0] == 0 ? length + size : length
            history.removeLast()
            history.insert(length, at: 0)
        }

        /// 1:1:3:1:1 dark–light runs with four light modules on one side.
        var finderLikePatterns: Int {
            let unit = history[1]
            let core = unit > 0 && history[2] == unit && history[3] == unit * 3 && history[4] == unit && history[5] == unit
            return (core && history[0] >= unit * 4 && history[6] >= unit ? 1 : 0)
                + (core && history[6] >= unit * 4 && history[0] >= unit ? 1 : 0)
        }
    }
}
