import AgoraDomain
import AgoraStore
import Foundation

/// Carries one queued change to a person's CalDAV calendar: the meeting's event as it now is (without `METHOD`, as a
/// calendar object resource), or its removal when the meeting is cancelled or the person no longer takes part. A
/// failure keeps the push for a later attempt — sooner while the server is down, never dropped — and the person is
/// told once when their calendar stops taking changes.
public struct CalDAVSync: Sendable {
    let store: Store
    let passwords: CalDAVPasswords
    let client: CalDAVClient
    let calendar: MeetingCalendar
    let email: EmailComposer

    /// The longest wait between two attempts.
    public static let longestWait: TimeInterval = 3_600

    public init(store: Store, passwords: CalDAVPasswords, email: EmailComposer, client: CalDAVClient = CalDAVClient()) {
        self.store = store
        self.passwords = passwords
        self.client = client
        self.calendar = MeetingCalendar(baseURL: email.baseURL)
        self.email = email
    }

    /// Whether the push went through.
    @discardableResult
    public func push(_ push: CalDAVRepository.Push, now: Date) async throws -> Bool {
        let repository = CalDAVRepository(store: store)
        let connection = push.connection
        do {
            let password = try passwords.open(connection.passwordSealed, for: push.userID)
            let meeting = try await repository.meeting(of: push)
            if push.action == .write, let meeting, meeting.status != .cancelled, let participant = meeting.participant(push.userID) {
                let object = ICalendarDocument.write(calendar.events(meeting, for: participant), method: nil, stamp: now)
                try await client.write(object, uid: push.uid, url: connection.url, username: connection.username, password: password)
            } else {
                try await client.delete(uid: push.uid, url: connection.url, username: connection.username, password: password)
            }
            try await repository.succeeded(push, now: now)
            return true
        } catch let error as CalDAVError {
            try await repository.failed(push, error: error.description, retryAt: now.addingTimeInterval(Self.wait(after: push.attempts)), now: now, announce: notice)
            return false
        }
    }

    /// A minute after the first failure, doubling up to an hour.
    static func wait(after attempts: Int) -> TimeInterval {
        min(60 * pow(2, Double(min(attempts, 12))), longestWait)
    }

    @Sendable func notice(_ person: Recipient, _ error: String) throws -> Announcements {
        Announcements(notifications: [try email.notification(
            to: person, kind: .calendarSyncFailed, headline: "Your calendar is not taking meetings",
            message: "We could not write your meetings to your calendar: \(error). We keep every change and try again, less often as time goes by; check the connection in your calendar settings.",
            action: "Check the connection", link: PagePaths.calendarSettings
        )])
    }
}
