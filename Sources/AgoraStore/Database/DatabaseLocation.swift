import Foundation

/// Where the store lives, as given by `--database` or `AGORA_DATABASE_URL`.
///
/// Accepted forms: a file path or `sqlite:PATH` for SQLite, `postgres://user:pass@host:port/db`
/// (or `postgresql://`) for PostgreSQL.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    public static let defaultSQLitePath = "agora.sqlite"

    public init(parsing raw: String) throws {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else {
            throw StoreError.invalidLocation(text, reason: "the database setting is empty")
        }
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
                throw StoreError.invalidLocation(Self.redacting(text), reason: "expected postgres://user:password@host:port/database")
            }
            guard components.user?.isEmpty == false else {
                throw StoreError.invalidLocation(Self.redacting(text), reason: "the URL names no user (postgres://user@host/database)")
            }
            guard components.path.count > 1 else {
                throw StoreError.invalidLocation(Self.redacting(text), reason: "the URL names no database (postgres://user@host/database)")
            }
            if let port = components.port, !(1...65535).contains(port) {
                throw StoreError.invalidLocation(Self.redacting(text), reason: "port \(port) is out of range")
            }
            self = .postgres(url: text)
        } else if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count)).replacingOccurrences(of: "//", with: "", options: .anchored)
            guard !path.isEmpty else { throw StoreError.invalidLocation(text, reason: "sqlite: needs a file path") }
            self = .sqlite(path: path)
        } else if text.contains("://") {
            throw StoreError.invalidLocation(Self.redacting(text), reason: "unknown scheme; use a file path, sqlite:PATH or postgres://…")
        } else {
            self = .sqlite(path: text)
        }
    }

    /// The location with any password replaced by `***`, safe for logs and messages.
    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let url): Self.redacting(url)
        }
    }

    static func redacting(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? "postgres://***"
    }
}
