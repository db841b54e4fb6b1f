import AgoraDomain
import AgoraStore
import Foundation
import Logging

/// This instance's live connections to projects' rooms. Each subscriber has a cursor, the last sequence it was
/// sent; when a room is signalled (a commit in this process, a PostgreSQL notification from another, a poll on
/// SQLite) the hub reads the room's events after the lowest cursor from the database and sends each subscriber
/// those after its own, in order: nothing is sent twice, nothing skipped, whichever instance recorded it. One
/// delivery runs per room at a time; a signal during it runs it again. A subscriber joining more than
/// `RoomEventLog.replayLimit` events behind is told to reload instead.
actor RoomHub {
    /// One connection's place in one room.
    struct Subscriber {
        let userID: Int64
        let role: ProjectRole
        let outbox: RoomOutbox
        var cursor: Int64
    }

    let store: Store
    let keyring: MessageKeyring
    let clock: any AgoraClock
    let logger: Logger
    /// Carries typing and presence to the other instances (nil: this instance is alone).
    let relay: (@Sendable (RoomFrames.Live) async -> Void)?

    private var rooms: [Int64: [UUID: Subscriber]] = [:]
    /// The project of each room someone listens to (its members never change).
    private var projects: [Int64: Project] = [:]
    private var delivering: Set<Int64> = []
    private var signalledAgain: Set<Int64> = []

    init(store: Store, keyring: MessageKeyring, clock: any AgoraClock, logger: Logger, relay: (@Sendable (RoomFrames.Live) async -> Void)?) {
        self.store = store
        self.keyring = keyring
        self.clock = clock
        self.logger = logger
        self.relay = relay
    }

    /// Connections subscribed to at least one room.
    var connections: Int { Set(rooms.values.flatMap(\.keys)).count }

    /// How many rooms a connection listens to.
    func rooms(of connection: UUID) -> Int {
        rooms.values.filter { $0[connection] != nil }.count
    }

    /// The side a connection listens to a room as; nil when it does not listen to it.
    func role(of connection: UUID, in room: Int64) -> ProjectRole? {
        rooms[room]?[connection]?.role
    }

    /// Of these rooms' latest numbers, the rooms where some subscriber here has not been sent that far.
    func behind(_ latest: [Int64: Int64]) -> Set<Int64> {
        Set(latest.compactMap { room, sequence in
            (rooms[room]?.values.map(\.cursor).min()).flatMap { $0 < sequence ? room : nil }
        })
    }

    /// The rooms someone here listens to.
    var roomIDs: [Int64] { Array(rooms.keys) }

    /// Subscribes a connection to a room it may read (checked by the caller) from `after` on, says it is there, and
    /// sends what it missed.
    func join(_ room: Project, connection: UUID, userID: Int64, outbox: RoomOutbox, after: Int64) async {
        guard let role = room.role(of: userID) else { return }
        let here = Set((rooms[room.id] ?? [:]).values.map(\.role))
        var cursor = after
        // One far behind reloads the history instead of being sent everything it missed.
        if let latest = try? await RoomEventLog(store: store).latest(of: room.id), latest - after > RoomEventLog.replayLimit {
            outbox.send(RoomFrames.text(RoomFrames.Reset(room: room.id, sequence: latest)))
            cursor = latest
        }
        projects[room.id] = room
        rooms[room.id, default: [:]][connection] = Subscriber(userID: userID, role: role, outbox: outbox, cursor: cursor)
        outbox.send(RoomFrames.text(RoomFrames.Subscribed(room: room.id, role: role.rawValue)))
        for other in here where other != role {
            outbox.send(RoomFrames.text(RoomFrames.Live(type: "presence", room: room.id, who: other.rawValue, state: "online", hello: false)))
        }
        await share(RoomFrames.Live(type: "presence", room: room.id, who: role.rawValue, state: "online", hello: true), from: connection)
        await deliver(room.id)
    }

    /// Removes a connection from one room, or from every room; the others hear its side left when it was the last
    /// connection of that member here.
    func leave(connection: UUID, room: Int64? = nil) async {
        for id in room.map({ [$0] }) ?? Array(rooms.keys) {
            guard let gone = rooms[id]?.removeValue(forKey: connection) else { continue }
            if rooms[id]?.isEmpty == true { forget(id) }
            if !(rooms[id]?.values.contains { $0.userID == gone.userID } ?? false) {
                await share(RoomFrames.Live(type: "presence", room: id, who: gone.role.rawValue, state: "offline", hello: nil), from: connection)
            }
        }
    }

    /// New events were recorded in these rooms.
    func signal(_ roomIDs: Set<Int64>) async {
        for id in roomIDs where rooms[id] != nil { await deliver(id) }
    }

    /// Typing or presence from one of this instance's connections: to the room's other connections here, and to the
    /// other instances.
    func share(_ frame: RoomFrames.Live, from connection: UUID) async {
        relayLocally(frame, except: connection)
        await relay?(frame)
    }

    /// Typing or presence from another instance. A presence hello is answered for the members connected here.
    func received(_ frame: RoomFrames.Live) {
        relayLocally(frame, except: nil)
        guard frame.type == "presence", frame.hello == true, let here = rooms[frame.room] else { return }
        for role in Set(here.values.map(\.role)) where role.rawValue != frame.who {
            let answer = RoomFrames.Live(type: "presence", room: frame.room, who: role.rawValue, state: "online", hello: false)
            Task { await relay?(answer) }
        }
    }

    private func relayLocally(_ frame: RoomFrames.Live, except connection: UUID?) {
        let text = RoomFrames.text(frame)
        for (id, subscriber) in rooms[frame.room] ?? [:] where id != connection {
            if !subscriber.outbox.send(text) { drop(id, from: frame.room) }
        }
    }

    /// A subscriber whose queue is full is cut off: its writer ends, and the client reconnects with its cursor.
    private func drop(_ connection: UUID, from room: Int64) {
        guard let subscriber = rooms[room]?.removeValue(forKey: connection) else { return }
        if rooms[room]?.isEmpty == true { forget(room) }
        subscriber.outbox.close()
        logger.info("a slow chat connection was cut off", metadata: ["room": "\(room)"])
    }

    private func forget(_ room: Int64) {
        rooms[room] = nil
        projects[room] = nil
    }

    private func deliver(_ room: Int64) async {
        guard !delivering.contains(room) else {
            signalledAgain.insert(room)
            return
        }
        delivering.insert(room)
        repeat {
            signalledAgain.remove(room)
            do {
                try await deliverOnce(room)
            } catch {
                logger.warning("delivering a room's events: \(error)", metadata: ["room": "\(room)"])
            }
        } while signalledAgain.contains(room)
        delivering.remove(room)
    }

    /// Sends every subscriber of the room the events after its cursor, a batch read at a time: two queries (the
    /// events, then their messages) whatever the number of subscribers.
    private func deliverOnce(_ room: Int64) async throws {
        let log = RoomEventLog(store: store)
        let chat = ChatRepository(store: store, keyring: keyring)
        while let project = projects[room], let lowest = rooms[room]?.values.map(\.cursor).min() {
            let events = try await log.events(of: room, after: lowest)
            guard !events.isEmpty else { return }
            let messageIDs = events.filter(\.kind.isAboutMessage).compactMap(\.subjectID)
            let messages = messageIDs.isEmpty ? [:] : try await chat.messages(messageIDs, in: project)
            let now = clock.now
            for event in events {
                var frames: [Int64: String] = [:]
                // Only the next event of each cursor: a subscriber that joined while this one was being read gets the
                // ones it lacks first, on the next turn of the loop, and never skips one.
                for (id, subscriber) in rooms[room] ?? [:] where subscriber.cursor == event.sequence - 1 {
                    let message = event.kind.isAboutMessage ? event.subjectID.flatMap { messages[$0] } : nil
                    let frame = frames[subscriber.userID] ?? Self.frame(event, message: message, in: project, for: subscriber.userID, now: now)
                    frames[subscriber.userID] = frame
                    rooms[room]?[id]?.cursor = event.sequence
                    if !subscriber.outbox.send(frame) { drop(id, from: room) }
                }
            }
        }
    }

    /// A kept event as `readerID` reads it.
    private static func frame(_ event: RoomEvent, message: ChatMessage?, in project: Project, for readerID: Int64, now: Date) -> String {
        RoomFrames.text(RoomFrames.Event(
            room: project.id, sequence: event.sequence, kind: event.kind.rawValue,
            message: message.map { ChatMessageBody($0, in: project, reader: readerID, now: now) },
            reader: event.kind == .messagesRead ? event.actorID.flatMap(project.role(of:))?.rawValue : nil,
            messageId: event.kind == .messagesRead ? event.subjectID : nil,
            activityId: event.kind == .projectChanged ? event.subjectID : nil
        ))
    }
}
