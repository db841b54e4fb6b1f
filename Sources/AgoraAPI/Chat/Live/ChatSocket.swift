import AgoraDomain
import AgoraStore
import Foundation
import HummingbirdWebSocket
import Logging

/// `/api/ws`: one WebSocket per browser tab. The access token comes in the first frame (`{"type": "auth", "token":
/// …}`, within `timing.authWindow`; a refused token closes the connection as a policy violation, a failure of ours as a
/// server error the client retries), never in the URL, which ends up in logs; then the client subscribes to the rooms of
/// its projects (`{"type": "subscribe", "room": 12, "after": 34}`, the last sequence it saw) and hears their events,
/// typing and presence, and may follow its person's notifications (`{"type": "notifications", "after": 56}`, the last
/// notification id it saw; `NotificationHub`). The service sends `{"type": "ping"}` every `timing.ping`, which the page answers with
/// `{"type": "pong"}`, and closes a connection that sent nothing for `timing.silence` (a tab asleep, a network gone);
/// the WebSocket's own pings, which the browser answers by itself, go every `timing.silence` and catch a connection
/// that died without closing. A connection that reads too slowly is cut off (`RoomOutbox`).
struct ChatSocket: Sendable {
    let hub: RoomHub
    let notifications: NotificationHub
    let chat: ChatRepository
    let store: Store
    let authenticate: @Sendable (String) async throws -> Identity
    let logger: Logger

    static let path = "/api/ws"
    /// How often the service pings, and how long a new connection has to send its token.
    let timing: ChatSocketTiming
    /// Rooms one connection may listen to at once.
    static let maximumRooms = 50
    /// Typing frames a connection may send, at most one per this interval.
    static let typingInterval: TimeInterval = 1

    var configuration: WebSocketServerConfiguration {
        WebSocketServerConfiguration(maxFrameSize: 1 << 14, autoPing: .enabled(timePeriod: timing.silence))
    }

    /// The connection's life: a writer task sends what the outbox holds, a timer closes a connection that has not
    /// signed in within `timing.authWindow`, and the frames the client sends are handled here, in order.
    func serve(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
        let connection = UUID()
        let outbox = RoomOutbox()
        let signedIn = SignedIn()
        let heard = LastHeard()
        await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for await frame in outbox.frames { try await outbound.write(.text(frame)) }
                // The outbox ended: the connection is over, or it read too slowly.
                try await outbound.close(.normalClosure, reason: nil)
            }
            group.addTask {
                try await Task.sleep(for: timing.authWindow)
                if !signedIn.tokenArrived { try await outbound.close(.policyViolation, reason: "no token") }
            }
            group.addTask {
                while true {
                    try await Task.sleep(for: timing.ping)
                    if heard.silence > timing.silence {
                        try await outbound.close(.goingAway, reason: "no answer")
                        return
                    }
                    outbox.send(RoomFrames.text(RoomFrames.Heartbeat()))
                }
            }
            var lastTyping: [Int64: Date] = [:]
            do {
                for try await message in inbound.messages(maxSize: 1 << 14) {
                    heard.now()
                    guard case .text(let text) = message, let frame = try? JSONDecoder().decode(RoomFrames.Incoming.self, from: Data(text.utf8)) else {
                        outbox.send(RoomFrames.text(RoomFrames.Problem(code: "bad-frame", detail: "Send JSON text frames.", room: nil)))
                        continue
                    }
                    guard let identity = signedIn.identity else {
                        signedIn.tokenArrived = true
                        guard frame.type == "auth", let token = frame.token else {
                            try await outbound.close(.policyViolation, reason: "sign in first")
                            break
                        }
                        let identity: Identity
                        do {
                            identity = try await authenticate(token)
                        } catch let refused as Problem where refused.status == 401 {
                            try await outbound.close(.policyViolation, reason: "sign in first")
                            break
                        } catch {
                            logger.warning("checking a chat connection's token: \(error)")
                            try await outbound.close(.unexpectedServerError, reason: "try again")
                            break
                        }
                        signedIn.identity = identity
                        outbox.send(RoomFrames.text(RoomFrames.Ready(userId: identity.userID)))
                        continue
                    }
                    try await handle(frame, from: identity, connection: connection, outbox: outbox, lastTyping: &lastTyping)
                }
            } catch {
                logger.info("a chat connection ended on an error", metadata: ["error": "\(error)"])
            }
            await hub.leave(connection: connection)
            await notifications.leave(connection: connection)
            outbox.close()
            group.cancelAll()
        }
    }

    private func handle(
        _ frame: RoomFrames.Incoming, from identity: Identity, connection: UUID, outbox: RoomOutbox, lastTyping: inout [Int64: Date]
    ) async throws {
        switch frame.type {
        case "subscribe":
            guard let id = frame.room, let room = try await chat.room(id, for: identity.userID) else {
                outbox.send(RoomFrames.text(RoomFrames.Problem(code: "not-found", detail: "No project of yours has this id.", room: frame.room)))
                return
            }
            guard await hub.rooms(of: connection) < Self.maximumRooms else {
                outbox.send(RoomFrames.text(RoomFrames.Problem(code: "too-many-rooms", detail: "A connection listens to \(Self.maximumRooms) rooms at most.", room: id)))
                return
            }
            // Without a sequence, from now on: the client has just read the history.
            let after = if let given = frame.after { max(0, given) } else { try await RoomEventLog(store: store).latest(of: id) }
            await hub.join(room, connection: connection, userID: identity.userID, outbox: outbox, after: after)
        case "notifications":
            await notifications.follow(identity.userID, connection: connection, outbox: outbox, after: frame.after.map { max(0, $0) })
        case "pong":
            // The answer to a heartbeat: hearing it is all it is for.
            return
        case "unsubscribe":
            if let id = frame.room { await hub.leave(connection: connection, room: id) }
        case "typing":
            guard let id = frame.room, let state = frame.state, ["start", "stop"].contains(state),
                  let role = await hub.role(of: connection, in: id) else { return }
            let now = Date()
            if state == "start", let last = lastTyping[id], now.timeIntervalSince(last) < Self.typingInterval { return }
            lastTyping[id] = now
            await hub.share(RoomFrames.Live(type: "typing", room: id, who: role.rawValue, state: state, hello: nil), from: connection)
        default:
            outbox.send(RoomFrames.text(RoomFrames.Problem(code: "bad-frame", detail: "Unknown frame type.", room: frame.room)))
        }
    }
}

/// When a connection last sent anything: the heartbeat closes one silent for too long.
private final class LastHeard: @unchecked Sendable {
    private let lock = NSLock()
    private var last = ContinuousClock.now

    func now() { lock.withLock { last = ContinuousClock.now } }

    var silence: Duration { lock.withLock { ContinuousClock.now - last } }
}

/// Who a connection signed in as, and whether its first frame came: the timer closes only a connection that sent
/// nothing in time, not one whose token is still being checked on a busy server.
private final class SignedIn: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Identity?
    private var arrived = false

    var identity: Identity? {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }

    var tokenArrived: Bool {
        get { lock.withLock { arrived } }
        set { lock.withLock { arrived = newValue } }
    }
}

/// The live chat's clock: how often the service sends its heartbeat (and how long a connection may stay silent before
/// it is closed), and how long a new connection has to send its token.
public struct ChatSocketTiming: Sendable {
    public var ping: Duration
    public var silence: Duration
    public var authWindow: Duration

    public init(ping: Duration = .seconds(30), silence: Duration = .seconds(90), authWindow: Duration = .seconds(30)) {
        self.ping = ping
        self.silence = silence
        self.authWindow = authWindow
    }
}
