import AgoraStore
import ArgumentParser
import Foundation
import Logging

/// `--database`, shared by every command that touches the store.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "SQLite path, sqlite:PATH or postgres://user:pass@host:port/db (default: $AGORA_DATABASE_URL, else agora.sqlite).",
        valueName: "url"
    ))
    var database: String?

    var location: DatabaseLocation {
        get throws {
            let setting = database ?? Environment.value("AGORA_DATABASE_URL") ?? DatabaseLocation.defaultSQLitePath
            return try DatabaseLocation(parsing: setting)
        }
    }

    /// Opens the store, runs `body`, and closes the store whatever happens. (`memoryMapped`: see `Store.open`.)
    func withStore<T>(memoryMapped: Bool = true, _ body: (Store) async throws -> T) async throws -> T {
        let store = try await Store.open(try location, logger: Logger(label: "agora.store"), memoryMapped: memoryMapped)
        do {
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }
}

/// Reads settings from the environment; an empty variable counts as unset.
enum Environment {
    static func value(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }
}
