import Foundation

/// When to try a failed delivery again: exponential backoff from `firstDelay`, capped at `longestDelay`, and a
/// final failed state after `maximumAttempts`.
public struct RetryPolicy: Sendable, Hashable {
    public let maximumAttempts: Int
    public let firstDelay: TimeInterval
    public let longestDelay: TimeInterval

    /// 8 attempts over about an hour and a half: 30 s, 1 min, 2 min, 4 min, 8 min, 16 min, 32 min.
    public static let standard = RetryPolicy(maximumAttempts: 8, firstDelay: 30, longestDelay: 3_600)

    public init(maximumAttempts: Int, firstDelay: TimeInterval, longestDelay: TimeInterval) {
        self.maximumAttempts = maximumAttempts
        self.firstDelay = firstDelay
        self.longestDelay = longestDelay
    }

    /// The time of the next attempt after `attempts` failed ones, or nil when it is time to give up.
    public func nextAttempt(after attempts: Int, now: Date) -> Date? {
        guard attempts < maximumAttempts else { return nil }
        let delay = min(firstDelay * pow(2, Double(max(attempts - 1, 0))), longestDelay)
        return now.addingTimeInterval(delay)
    }
}
