import AgoraDomain
import Foundation

/// What a member's project list shows: some statuses, one side, a text in the title; sorted, a page at a time.
public struct ProjectListQuery: Sendable, Hashable {
    /// How a list is ordered; each with the keyset its cursor holds.
    public enum Sort: String, Sendable, CaseIterable {
        /// Latest activity first.
        case activity
        /// Nearest deadline first.
        case deadline
        /// Newest first.
        case created
    }

    /// Where the previous page ended: the sort column's value and the id of its last project.
    public struct Cursor: Sendable, Hashable, CustomStringConvertible {
        public let value: Date
        public let id: Int64

        public init(value: Date, id: Int64) {
            self.value = value
            self.id = id
        }

        /// Reads `1733500000.25_42` (seconds, at most 12 digits and 9 decimals; the id); nil for anything else.
        public init?(_ text: String) {
            let parts = text.split(separator: "_", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].count <= 22, parts[0].allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
                  let seconds = Double(parts[0]), seconds.isFinite, seconds >= 0,
                  parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let id = Int64(parts[1]), id > 0 else { return nil }
            value = Date(timeIntervalSince1970: seconds)
            self.id = id
        }

        public var description: String { "\(value.timeIntervalSince1970)_\(id)" }
    }

    public var statuses: [ProjectStatus] = []
    public var role: ProjectRole?
    public var text: String?
    public var sort: Sort = .activity
    public var after: Cursor?
    public var limit = 20

    public init() {}
}
