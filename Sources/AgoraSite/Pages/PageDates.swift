import Foundation

/// How the public pages write dates: British English, in UTC, so that a page reads the same wherever it was built.
enum PageDates {
    /// "12 May 2026".
    static let day = formatter("d MMMM yyyy")
    /// "May 2026".
    static let monthAndYear = formatter("MMMM yyyy")
    /// "May".
    static let shortMonth = formatter("MMM")

    private static func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        return formatter
    }
}
