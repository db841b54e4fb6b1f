import Foundation

/// Progress on standard error: one line redrawn in place on a terminal, a line each tenth of the way otherwise.
final class ProgressLine: @unchecked Sendable {
    private let label: String
    private let total: Int
    private let started = Date()
    private let interactive = isatty(STDERR_FILENO) != 0
    private var lastReportedTenth = 0
    private let lock = NSLock()

    init(label: String, total: Int) {
        self.label = label
        self.total = max(total, 1)
    }

    func update(_ done: Int) {
        lock.withLock {
            let elapsed = Date().timeIntervalSince(started)
            let rate = elapsed > 0 ? Double(done) / elapsed : 0
            let remaining = rate > 0 ? Double(total - done) / rate : 0
            let text = "\(label): \(done)/\(total) (\(Int(rate))/s, \(Int(remaining.rounded())) s left)"
            if interactive {
                FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
            } else if done * 10 / total > lastReportedTenth || done == total {
                lastReportedTenth = done * 10 / total
                FileHandle.standardError.write(Data((text + "\n").utf8))
            }
        }
    }

    func finish() {
        if interactive { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    var elapsedText: String { String(format: "%.1f s", Date().timeIntervalSince(started)) }
}
