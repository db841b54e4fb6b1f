import Foundation

/// Progress on standard error: one line redrawn in place on a terminal, a line each tenth of the way otherwise.
final class ProgressLine: @unchecked Sendable {
    private let label: String
    private var total: Int
    private var drawn = false
    private let started = Date()
    private let interactive = isatty(STDERR_FILENO) != 0
    private var lastReportedTenth = 0
    private let lock = NSLock()

    init(label: String, total: Int) {
        self.label = label
        self.total = max(total, 1)
    }

    /// Reports progress, optionally with a total learnt only now.
    func update(_ done: Int, of newTotal: Int? = nil) {
        lock.withLock {
            if let newTotal { total = max(newTotal, 1) }
            let elapsed = Date().timeIntervalSince(started)
            let rate = elapsed > 0 ? Double(done) / elapsed : 0
            let remaining = rate > 0 ? Double(total - done) / rate : 0
            let text = "\(label): \(done)/\(total) (\(Int(rate))/s, \(Int(remaining.rounded())) s left)"
            if interactive {
                let width = 24
                let filled = min(width, done * width / total)
                let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
                FileHandle.standardError.write(Data("\r\u{1B}[K\(bar) \(text)".utf8))
                drawn = true
            } else if done * 10 / total > lastReportedTenth || done == total {
                lastReportedTenth = done * 10 / total
                FileHandle.standardError.write(Data((text + "\n").utf8))
            }
        }
    }

    /// Ends the line being redrawn so that a log line can follow.
    func interrupt() {
        lock.withLock {
            if interactive && drawn { FileHandle.standardError.write(Data("\n".utf8)) }
            drawn = false
        }
    }

    func finish() { interrupt() }

    var elapsedText: String { String(format: "%.1f s", Date().timeIntervalSince(started)) }
}
