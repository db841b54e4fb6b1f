import Foundation
import Logging

enum LogSetup {
    /// Logs go to standard error at the level of `AGORA_LOG_LEVEL` (default `info`).
    static func bootstrap() {
        let level = Environment.value("AGORA_LOG_LEVEL").flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .info
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
