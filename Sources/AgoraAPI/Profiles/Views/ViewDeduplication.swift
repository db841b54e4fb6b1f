import Crypto
import Foundation

/// Counts a visitor's view of a page once in `window`, however often the page is reloaded: remembers, in this
/// process's memory only, a digest of the address and what was seen until the window ends — never written
/// anywhere. Two instances may each count the same reload once; the figures are for trends, not billing.
actor ViewDeduplication {
    static let window: TimeInterval = 30 * 60
    /// The most views remembered; past it the oldest are forgotten first.
    static let capacity = 200_000

    private var seen: [Data: Date] = [:]
    private var order: [(key: Data, until: Date)] = []
    private var head = 0

    /// True the first time in the window this address sees this thing.
    func isNew(address: String, seeing thing: String, now: Date) -> Bool {
        forgetEnded(now: now)
        let key = Data(SHA256.hash(data: Data((address + "\u{0}" + thing).utf8)).prefix(16))
        if let until = seen[key], until > now { return false }
        let until = now.addingTimeInterval(Self.window)
        seen[key] = until
        order.append((key, until))
        return true
    }

    private func forgetEnded(now: Date) {
        while head < order.count, order[head].until <= now || order.count - head > Self.capacity {
            let (key, until) = order[head]
            if seen[key] == until { seen[key] = nil }
            head += 1
        }
        if head > 4_096, head * 2 > order.count {
            order.removeFirst(head)
            head = 0
        }
    }
}
