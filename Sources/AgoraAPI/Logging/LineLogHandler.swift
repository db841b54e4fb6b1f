import Foundation
import Logging

/// Writes each log record as exactly one line, in text or JSON (`AGORA_LOG_FORMAT`). Whatever a client manages to
/// put into a message or a value — a newline in a path, an OpenID Connect `error`, a user agent — is escaped, so
/// no one can forge a log line.
public struct LineLogHandler: LogHandler {
    public enum Format: String, Sendable, CaseIterable {
        /// `2026-12-05T17:00:00.123Z info agora.api: route=/api/health status=200 [AgoraAPI] request`
        case text
        /// One JSON object per line: `time`, `level`, `label`, `source`, `message`, and the metadata's keys.
        case json
    }

    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    let label: String
    let format: Format
    let write: @Sendable (String) -> Void

    /// `write` receives each line with its newline; `standardError` is what the `agora` command uses.
    public init(label: String, format: Format, write: @escaping @Sendable (String) -> Void = LineLogHandler.standardError) {
        self.label = label
        self.format = format
        self.write = write
    }

    /// `2026-12-05T17:00:00.123Z`: UTC, to the millisecond.
    static let timeStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    public static let standardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data(line.utf8))
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let level = event.level
        let message = event.message
        let source = event.source
        let explicit = event.metadata
        let all = metadata.merging(explicit ?? [:]) { _, new in new }
        let time = Self.timeStyle.format(Date())
        switch format {
        case .text:
            let pairs = all.sorted { $0.key < $1.key }.map { "\(Self.escape($0.key))=\(Self.quoted(Self.escape("\($0.value)")))" }
            let fields = pairs.isEmpty ? "" : pairs.joined(separator: " ") + " "
            write("\(time) \(level) \(Self.escape(label)): \(fields)[\(Self.escape(source))] \(Self.escape(message.description))\n")
        case .json:
            var object: [String: String] = [:]
            for (key, value) in all { object[key] = "\(value)" }
            object["time"] = time
            object["level"] = level.rawValue
            object["label"] = label
            object["source"] = source
            object["message"] = message.description
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
            // JSON may carry the Unicode line separators raw; some readers break lines on them.
            let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\u{2029}", with: "\\u2029")
            write(text + "\n")
        }
    }

    /// Backslashes and control characters written as escapes (`\n`, `\t`, `\u{1B}`): one record, one line.
    static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case _ where needsEscape(scalar): escaped += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// Control characters (C0, DEL, C1) and the Unicode line and paragraph separators, which some readers break on.
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\\"
    }

    /// A value with a space or a quote is quoted, so `key=value` pairs read back unambiguously.
    static func quoted(_ value: String) -> String {
        guard value.isEmpty || value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
