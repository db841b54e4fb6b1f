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
