import Foundation

/// What search analytics add up for one day: counts per normalized query and per category.
public struct SearchTally: Sendable, Equatable {
    public struct QueryCounts: Sendable, Equatable {
        public var searches = 0
        public var zeroResults = 0
        public var clicks = 0

        public init(searches: Int = 0, zeroResults: Int = 0, clicks: Int = 0) {
            self.searches = searches
            self.zeroResults = zeroResults
            self.clicks = clicks
        }
    }

    public struct CategoryCounts: Sendable, Equatable {
        public var views = 0
        public var searches = 0

        public init(views: Int = 0, searches: Int = 0) {
            self.views = views
            self.searches = searches
        }
    }

    /// `YYYY-MM-DD`, UTC.
    public let day: String
    public var queries: [String: QueryCounts] = [:]
    public var categories: [Int64: CategoryCounts] = [:]

    public init(day: String) { self.day = day }

    public var isEmpty: Bool { queries.isEmpty && categories.isEmpty }

    /// The UTC day of a moment, as the tables key it.
    public static func day(of date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// The first moment (UTC) of a day written as `day(of:)` writes it.
    public static func start(ofDay day: String) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return Date(timeIntervalSince1970: 0) }
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])) ?? Date(timeIntervalSince1970: 0)
    }
}

/// One query's figures over a period.
public struct QueryFigures: Sendable, Equatable, Codable {
    public let query: String
    public let searches: Int
    public let zeroResults: Int
    public let clicks: Int
}

/// One category's figures over a period.
public struct CategoryFigures: Sendable, Equatable, Codable {
    public let categoryID: Int64
    public let views: Int
    public let searches: Int
}
