import Foundation
import SQLKit

/// UTC days and weeks of timestamp columns, counted in SQL the same way on both engines: days are whole multiples of
/// 86,400 seconds since 1970, and weeks run Monday to Sunday (day 0 was a Thursday, so `(day + 3) / 7` changes on
/// Mondays).
enum DayNumbers {
    static func day(_ column: String, on engine: Store.Engine) -> SQLQueryString {
        engine == .sqlite
            ? "CAST(\(unsafeRaw: column) / 86400 AS INTEGER)"
            : "CAST(FLOOR(EXTRACT(EPOCH FROM \(unsafeRaw: column)) / 86400) AS BIGINT)"
    }

    static func week(_ column: String, on engine: Store.Engine) -> SQLQueryString {
        "((\(day(column, on: engine)) + 3) / 7)"
    }

    /// The day number `day` begins on, as a date.
    static func start(ofDay day: Int64) -> Date {
        Date(timeIntervalSince1970: Double(day) * 86_400)
    }

    /// The Monday week `week` begins on.
    static func start(ofWeek week: Int64) -> Date {
        start(ofDay: week * 7 - 3)
    }
}
