/// Lets one write transaction at a time into SQLite from this process, the others waiting their turn here.
///
/// SQLite has one writer anyway. Without this, writers that wait do so inside SQLite's busy handler, each holding
/// a thread of the shared pool that runs every SQLite call; with as many waiting writers as threads, the writer
/// holding the lock gets no thread to finish on, and everyone times out with "database is locked". Waiting here
/// holds no thread. (Other processes on the same file still meet the busy timeout, which is what it is for.)
actor WriterQueue {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        defer { release() }
        return try await body()
    }

    private func acquire() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
