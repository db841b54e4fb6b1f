import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `GET|PUT /api/meetings/{id}/notes`: the notes and action items of a meeting, read by its participants and written
/// by the members taking part; a save names the version it read, and one made since by someone else answers 409 with
/// nothing changed. The participants receive them by email once the meeting is over.
struct MeetingNoteRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.get("meetings/{id}/notes", use: show)
        signedIn.put("meetings/{id}/notes", use: save)
    }

    @Sendable func show(_ request: Request, context: AgoraRequestContext) async throws -> MeetingNotesBody {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: MeetingRoutes.noMeeting)
        do {
            return MeetingNotesBody(try await MeetingRepository(store: store).notes(of: id, for: identity.userID))
        } catch StoreError.notFound { throw MeetingRoutes.noMeeting }
    }

    @Sendable func save(_ request: Request, context: AgoraRequestContext) async throws -> MeetingNotesBody {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: MeetingRoutes.noMeeting)
        let input = try await request.decode(as: MeetingNotesInput.self, context: context)
        let meetings = MeetingRepository(store: store)
        do {
            let meeting = try await meetings.meeting(id, for: identity.userID)
            let members = Set(meeting.participants.compactMap(\.userID))
            let draft = try MeetingNotesDraft(body: input.body, items: input.items, members: members)
            return MeetingNotesBody(try await meetings.saveNotes(of: id, by: identity.userID, version: input.version ?? 0, draft: draft, now: clock.now))
        } catch StoreError.notFound { throw MeetingRoutes.noMeeting }
    }
}

/// `{"body", "version", "action_items": [{"title", "assignee_id", "due_on", "done"}]}`.
struct MeetingNotesInput: RequestBody {
    static let fields: Set<String> = ["body", "version", "action_items"]
    let body: String?
    let version: Int?
    let items: [MeetingNotesDraft.ItemInput]

    init(reading json: inout JSONObjectBody) {
        body = json.string("body", required: false, maximumLength: MeetingNotesDraft.bodyLength.upperBound, multiline: true)
        version = json.integer("version")
        items = json.objects("action_items", maximumCount: MeetingNotesDraft.maximumItems) { index, object, errors in
            var item = MeetingNotesDraft.ItemInput(title: nil, assigneeID: nil, dueOn: nil, done: false)
            for (name, value) in object {
                let field = "action_items[\(index)].\(name)"
                switch (name, value) {
                case ("title", .string(let text)): item.title = text
                case ("due_on", .string(let text)): item.dueOn = text
                case ("due_on", .null), ("assignee_id", .null): break
                case ("assignee_id", .number(let number)) where number.rounded() == number && number >= 1 && number <= JSONObjectBody.largestWholeNumber:
                    item.assigneeID = Int64(number)
                case ("done", .bool(let flag)): item.done = flag
                case ("title", _), ("due_on", _), ("assignee_id", _), ("done", _):
                    errors.append(FieldError(field: field, message: "has the wrong type"))
                default:
                    errors.append(FieldError(field: field, message: "is not a field of an action item"))
                }
            }
            return item
        } ?? []
    }
}

struct MeetingNotesBody: ResponseEncodable {
    struct Item: ResponseEncodable {
        let id: Int64
        let title: String
        let assigneeId: Int64?
        let dueOn: String?
        let done: Bool
    }

    let body: String
    let version: Int
    let updatedBy: Int64?
    let updatedAt: Date?
    let actionItems: [Item]

    init(_ notes: MeetingNotes) {
        body = notes.body
        version = notes.version
        updatedBy = notes.updatedBy
        updatedAt = notes.updatedAt
        actionItems = notes.items.map { Item(id: $0.id, title: $0.title, assigneeId: $0.assigneeID, dueOn: $0.dueOn, done: $0.done) }
    }
}
