import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

@Suite("Database setting")
struct DatabaseLocationTests {
    @Test("paths and sqlite: URLs choose SQLite, postgres URLs PostgreSQL")
    func parsing() throws {
        #expect(try DatabaseLocation(parsing: "agora.sqlite") == .sqlite(path: "agora.sqlite"))
        #expect(try DatabaseLocation(parsing: "sqlite:/var/lib/agora/db.sqlite") == .sqlite(path: "/var/lib/agora/db.sqlite"))
        #expect(try DatabaseLocation(parsing: "sqlite:///tmp/x.sqlite") == .sqlite(path: "/tmp/x.sqlite"))
        #expect(try DatabaseLocation(parsing: "postgres://agora:secret@db:5432/agora") == .postgres(url: "postgres://agora:secret@db:5432/agora"))
        #expect(try DatabaseLocation(parsing: "postgresql://agora@localhost/agora") == .postgres(url: "postgresql://agora@localhost/agora"))
    }

    @Test("malformed settings are refused with the reason", arguments: [
        ("", "empty"),
        ("postgres://", "expected postgres://"),
        ("postgres://db.example.com/agora", "names no user"),
        ("postgres://agora@db.example.com", "names no database"),
        ("postgres://agora@db.example.com:99999/agora", "out of range"),
        ("mysql://agora@db/agora", "unknown scheme"),
        ("sqlite:", "needs a file path"),
    ])
    func malformed(setting: String, reason: String) {
        #expect {
            try DatabaseLocation(parsing: setting)
        } throws: { error in
            "\(error)".contains(reason)
        }
    }

    @Test("passwords never appear in descriptions or errors")
    func redaction() throws {
        let location = try DatabaseLocation(parsing: "postgres://agora:hunter2@db:5432/agora")
        #expect(!location.description.contains("hunter2"))
        #expect(location.description.contains("agora:***@db"))
        #expect {
            try DatabaseLocation(parsing: "postgres://agora:hunter2@db.example.com")
        } throws: { error in
            !"\(error)".contains("hunter2")
        }
    }

    @Test("an SQLite path that cannot hold a database is refused with the reason")
    func unusableSQLitePaths() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let garbage = try directory.write(String(repeating: "not a database ", count: 20), to: "garbage.sqlite")
        let cases = [
            (garbage, "file is not a database"),
            (directory.path, "is a directory"),
            (directory.path + "/missing/agora.sqlite", "does not exist"),
            ("/proc/agora-test.sqlite", "cannot open database sqlite:/proc/agora-test.sqlite"),
        ]
        for (path, reason) in cases {
            await #expect {
                try await Store.open(.sqlite(path: path), connectionWait: TestDatabase.connectionWait)
            } throws: { error in
                "\(error)".contains(reason)
            }
        }
    }

    @Test("an unreachable PostgreSQL server is reported, without the password")
    func unreachablePostgres() async throws {
        let port = try FreePort.next()
        await #expect {
            try await Store.open(.postgres(url: "postgres://agora:hunter2@127.0.0.1:\(port)/agora"))
        } throws: { error in
            let text = "\(error)"
            return text.contains("cannot open database postgres://agora:***@127.0.0.1:\(port)/agora") && !text.contains("hunter2")
        }
    }
}
