import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

/// `agora jobs`: the workers without the HTTP service.
@Suite("agora jobs")
struct JobsCommandTests {
    @Test("a message waiting in the outbox becomes an .eml file, and SIGTERM stops the workers gracefully")
    func deliversAndStops() async throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let database = scratch.path + "/agora.sqlite"
        let migrate = try AgoraExecutable.start(["migrate", "--database", database])
        _ = await migrate.exited()
        let store = try await Store.open(.sqlite(path: database), connectionWait: TestDatabase.connectionWait)
        try await EmailOutbox(store: store).enqueue(NewOutboxEmail(
            messageID: "<jobs@agora.test>", recipient: "ada@example.com", subject: "Hello", template: "welcome",
            textBody: "Hello Ada", htmlBody: "<p>Hello Ada</p>"
        ), now: Date())
        await store.close()

        let jobs = try AgoraExecutable.start(["jobs", "--database", database], environment: [
            "AGORA_ENVIRONMENT": "test", "AGORA_STORAGE": scratch.path + "/Storage",
        ])
        let mail = scratch.url.appendingPathComponent("Storage/mail")
        var delivered: [String] = []
        // Up to 30 s: with every suite running at once on two cores, the command's start can be slow.
        for _ in 0..<300 where delivered.isEmpty {
            delivered = ((try? FileManager.default.contentsOfDirectory(atPath: mail.path)) ?? []).filter { $0.hasSuffix(".eml") }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(delivered.count == 1)
        jobs.terminate()
        for _ in 0..<100 where jobs.isRunning { try await Task.sleep(for: .milliseconds(100)) }
        #expect(!jobs.isRunning)
        #expect(jobs.terminationStatus == 0)
    }

    @Test("a bad setting stops the command at once with one line naming the variable", arguments: [
        ("AGORA_ROUTING_BATCH_SIZE", "0", "AGORA_ROUTING_BATCH_SIZE: must be a whole number from 1 to 100, not 0"),
        ("AGORA_SEARCH_WEIGHTS", "text=fast", "AGORA_SEARCH_WEIGHTS: \"text=fast\" is not name=number"),
        ("AGORA_SITE_WORKER", "sometimes", "AGORA_SITE_WORKER must be on or off, not sometimes"),
    ])
    func refusesBadSettings(variable: String, value: String, expected: String) async throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let log = scratch.url.appendingPathComponent("jobs.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let jobs = try AgoraExecutable.start(["jobs", "--database", scratch.path + "/agora.sqlite"], environment: [
            "AGORA_ENVIRONMENT": "test", "AGORA_STORAGE": scratch.path + "/Storage", variable: value,
        ], log: log)
        #expect(await jobs.exited() != 0)
        #expect(try String(contentsOf: log, encoding: .utf8).contains(expected))
    }
}
