import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Logging

/// Every minute: sends the meeting reminders that are due, each exactly once however many workers run
/// (`MeetingRepository.sendDueReminders`), and marks meetings whose last occurrence ended as completed, sending
/// their notes to the participants.
public struct MeetingReminderJob: PeriodicJob {
    let store: Store
    let announcer: MeetingAnnouncer
    let clock: any AgoraClock
    public let interval: Duration
    public let logger: Logger
    public let name = "meeting reminders"

    public init(
        store: Store, announcer: MeetingAnnouncer, clock: any AgoraClock = SystemClock(), interval: Duration = .seconds(60),
        logger: Logger = Logger(label: "agora.jobs.meeting-reminders")
    ) {
        self.store = store
        self.announcer = announcer
        self.clock = clock
        self.interval = interval
        self.logger = logger
    }

    /// What one pass did.
    public struct Pass: Sendable, Equatable {
        public let reminded: Int
        public let completed: Int
    }

    @discardableResult
    public func runOnce() async throws -> Pass {
        let now = clock.now
        let meetings = MeetingRepository(store: store)
        let pass = Pass(
            reminded: try await meetings.sendDueReminders(now: now, announce: announcer.announce),
            completed: try await meetings.completeEnded(now: now, announce: announcer.announce)
        )
        if pass.reminded + pass.completed > 0 {
            logger.info("meeting reminders", metadata: ["reminded": "\(pass.reminded)", "completed": "\(pass.completed)"])
        }
        return pass
    }
}
