import Foundation

/// The source of "now". Injected everywhere time matters so tests control it.
public protocol AgoraClock: Sendable {
    var now: Date { get }
}

/// The real wall clock.
public struct SystemClock: AgoraClock {
    public init() {}
    public var now: Date { Date() }
}

/// A clock that stands still at a chosen instant, for tests and reproducible builds.
public struct FixedClock: AgoraClock {
    public let now: Date
    public init(_ now: Date) { self.now = now }
}

/// A clock that tests move forward by hand, e.g. past a lockout or a token's expiry.
public final class ManualClock: AgoraClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date) { current = start }

    public var now: Date { lock.withLock { current } }

    public func advance(by interval: TimeInterval) {
        lock.withLock { current += interval }
    }
}
