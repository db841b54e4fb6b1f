import Foundation

/// Waiting on child processes without holding the test run's threads. Tests run side by side on a handful of
/// threads (two on a 2-core machine); a test that blocks one waiting for a process stalls every other test's async
/// work, long enough for their database pools to time out. These waits happen on a thread of their own.
extension Process {
    /// Waits until the process ends; returns its exit status.
    public func exited() async -> Int32 {
        await withCheckedContinuation { continuation in
            Thread {
                self.waitUntilExit()
                continuation.resume(returning: self.terminationStatus)
            }.start()
        }
    }
}

extension FileHandle {
    /// The first output that arrives (what `availableData` would block for).
    public func firstData() async -> Data {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: self.availableData) }.start()
        }
    }
}

extension FileHandle {
    /// Everything the other end writes until it closes.
    public func allData() async -> Data {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: self.readDataToEndOfFile()) }.start()
        }
    }
}
