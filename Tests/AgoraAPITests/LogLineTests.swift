@testable import AgoraAPI
import Foundation
import Logging
import Synchronization
import Testing

@Suite("Log lines")
struct LogLineTests {
    /// The lines a handler wrote.
    final class Lines: Sendable {
        private let kept = Mutex<[String]>([])
        var all: [String] { kept.withLock { $0 } }
        func add(_ line: String) { kept.withLock { $0.append(line) } }
    }

    func logger(_ format: LineLogHandler.Format, into lines: Lines) -> Logger {
        Logger(label: "agora.test") { label in LineLogHandler(label: label, format: format) { lines.add($0) } }
    }

    static let hostile = "ok\n2026-12-05T00:00:00Z info agora.api: forged=1 [AgoraAPI] signed in\r\u{1B}[31m\u{2028}\\"

    @Test("a value or message full of control characters stays on one text line, escaped, and reads back")
    func textLines() {
        let lines = Lines()
        logger(.text, into: lines).info("request \(Self.hostile)", metadata: ["route": "/api/auth/verify-email/{token}", "error": "\(Self.hostile)", "agent": "Mozilla 5.0"])
        let line = try! #require(lines.all.first)
        #expect(lines.all.count == 1 && line.hasSuffix("\n") && line.dropLast().allSatisfy { !$0.isNewline })
        #expect(line.contains(#"error="ok\n2026-12-05T00:00:00Z info agora.api: forged=1 [AgoraAPI] signed in\r\u{1B}[31m\u{2028}\\""#))
        #expect(line.contains(#"agent="Mozilla 5.0""#) && line.contains("route=/api/auth/verify-email/{token}"))
        #expect(line.contains(" info agora.test: ") && line.contains("[AgoraAPITests] request ok\\n2026"))
    }

    @Test("JSON lines parse back to what was logged")
    func jsonLines() throws {
        let lines = Lines()
        logger(.json, into: lines).warning("email failed", metadata: ["error": "\(Self.hostile)", "attempt": "3"])
        let line = try #require(lines.all.first)
        #expect(lines.all.count == 1 && line.filter(\.isNewline).count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object["error"] == Self.hostile && object["attempt"] == "3")
        #expect(object["level"] == "warning" && object["label"] == "agora.test" && object["message"] == "email failed")
        let time = try #require(object["time"])
        #expect(try Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(time).timeIntervalSinceNow.magnitude < 60 && time.hasSuffix("Z"))
    }
}
