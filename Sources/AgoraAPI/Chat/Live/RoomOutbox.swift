import Foundation

/// What one connection has yet to write, bounded: a client that reads too slowly fills it, and is disconnected
/// rather than holding the room's events in memory; it comes back with its last sequence number and is sent what
/// it missed from the database.
struct RoomOutbox: Sendable {
    /// Frames waiting at most per connection.
    static let capacity = 256

    let frames: AsyncStream<String>
    private let continuation: AsyncStream<String>.Continuation

    init() {
        (frames, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingOldest(Self.capacity))
    }

    /// Queues a frame; false when the queue is full or closed.
    @discardableResult
    func send(_ frame: String) -> Bool {
        if case .enqueued = continuation.yield(frame) { return true }
        return false
    }

    /// Ends the queue: the connection's writer stops once the queued frames are written.
    func close() {
        continuation.finish()
    }
}
