/// Why the store could not be opened or used, in words an operator can act on.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case invalidLocation(String, reason: String)
    case cannotOpen(String, reason: String)
    case notFound(String)
    case conflict(String)
    /// The record changed since the caller read it (optimistic concurrency): read it again and retry.
    case staleVersion(String)

    public var description: String {
        switch self {
        case .invalidLocation(let location, let reason):
            "invalid database setting \"\(location)\": \(reason)"
        case .cannotOpen(let location, let reason):
            "cannot open database \(location): \(reason)"
        case .notFound(let what):
            "\(what) was not found"
        case .conflict(let what), .staleVersion(let what):
            what
        }
    }
}
