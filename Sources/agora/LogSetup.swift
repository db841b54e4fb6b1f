import AgoraAPI
import Foundation
import Logging

enum LogSetup {
    /// Logs go to standard error, one line per record (`LineLogHandler`), at the level of `AGORA_LOG_LEVEL` (default
    /// `info`) and in the format of `AGORA_LOG_FORMAT`: `text` (default) or `json`.
    static func bootstrap() throws {
        let level = Environment.value("AGORA_LOG_LEVEL").flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .info
        let formatName = Environment.value("AGORA_LOG_FORMAT") ?? "text"
        guard let format = LineLogHandler.Format(rawValue: formatName) else {
            throw CommandError("AGORA_LOG_FORMAT must be text or json, not \(formatName)")
        }
        LoggingSystem.bootstrap { label in
            var handler = LineLogHandler(label: label, format: format)
            handler.logLevel = level
            return handler
        }
    }
}
