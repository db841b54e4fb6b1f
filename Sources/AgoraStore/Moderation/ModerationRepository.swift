import AgoraDomain
import Crypto
import Foundation
import SQLKit

/// The moderation queue: content enters it from the automatic filters (in the transaction that stores the content),
/// from members' reports and from pre-approval; a moderator claims an item, decides, or escalates it to an
/// administrator; the author may appeal once, and another moderator hears the appeal. Every decision writes its
/// effect on the content, the reporters' record, the audit entry and the author's email in one transaction.
public struct ModerationRepository: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// How long a claim keeps other moderators off an item.
    public static let claimLifetime: TimeInterval = 15 * 60
    /// How long after a decision its author may appeal.
    public static let appealWindow: TimeInterval = 14 * 86_400
    /// Posts of one kind in an hour from which the rate filter flags the next.
    public static let hourlyRateLimit = 10
    /// Copies of one text in a day from which the duplicate filter flags the next.
    public static let duplicateLimit = 3
    /// The longest suspension a moderation decision gives (bans stay with `users.suspend`).
    public static let longestSuspensionDays = 30

    /// Queues the author's email about a decision inside its transaction.
    public typealias Tell = @Sendable (UserAccount, ModerationItem, StoreTransaction) async throws -> Void

    // MARK: Entering the queue

    /// Screens content just written in `db`'s transaction: the intake's findings, then a duplicate and a rate check.
    /// Content with findings, or whose kind waits for approval, gets an item (or its open item more flags), and is
    /// held when its score reaches the threshold or it waits for approval.
    static func intake(
        _ intake: ContentIntake, subjectID: Int64, authorID: Int64, now: Date, on db: any SQLDatabase
    ) async throws {
        var findings = intake.findings
        if let text = ContentScreen.fingerprintText(intake.text) {
            let hash = SHA256.hash(data: Data(text.utf8)).hexadecimal
            let copies = try await db.raw("""
                SELECT COUNT(*) AS n FROM content_fingerprints WHERE hash = \(bind: hash) AND created_at >= \(bind: now.addingTimeInterval(-86_400))
                """).first()?.decode(column: "n", as: Int.self) ?? 0
            try await db.raw("""
                INSERT INTO content_fingerprints (subject, subject_id, author_id, hash, created_at)
                VALUES (\(bind: intake.subject.rawValue), \(bind: subjectID), \(bind: authorID), \(bind: hash), \(bind: now))
                """).run()
            if copies + 1 >= Self.duplicateLimit {
                findings.append(ContentScreen.Finding(kind: .duplicateContent, detail: "\(copies + 1) copies in 24 hours"))
            }
        }
        let posted = try await ModeratedContent.postedCount(intake.subject, authorID: authorID, since: now.addingTimeInterval(-3_600), on: db)
        if posted > Self.hourlyRateLimit {
            findings.append(ContentScreen.Finding(kind: .abnormalRate, detail: "\(posted) in an hour"))
        }
        if intake.waitsForApproval { findings.append(ContentScreen.Finding(kind: .preApproval, detail: "")) }
        guard !findings.isEmpty else { return }
        let item = try await Self.openItem(intake.subject, subjectID: subjectID, authorID: authorID, text: intake.text, now: now, on: db)
        for finding in findings {
            try await Self.addFlag(item, kind: finding.kind, reporterID: nil, reason: "", detail: finding.detail, weight: finding.kind.weight, now: now, on: db)
        }
        try await Self.rescore(item, threshold: intake.threshold, holdAnyway: intake.waitsForApproval, subject: intake.subject, subjectID: subjectID, now: now, on: db)
    }

    /// A member's report. The content must exist (`nil` otherwise); one report per member and item (`conflict`).
    /// Its weight follows the reporter's record; the item is held when its score reaches `threshold`, and approved
    /// content that draws new reports is looked at again. `excerpt` is the text the moderator reads of content the
    /// store keeps sealed (a chat message, opened by the reporter's side with its keys).
    public func report(
        _ subject: ModerationSubject, id subjectID: Int64, by reporterID: Int64, reason: ReportReason, detail: String,
        excerpt: String? = nil, threshold: Int, now: Date
    ) async throws -> ModerationItem? {
        // Two reports racing (the same member twice, or the first two on one piece of content) meet a unique index;
        // the loser is told, not answered with an error.
        try await store.uniqueOrConflict("you reported this already; a moderator will look at it") { [store] in
            try await store.transaction { db in
                guard let content = try await ModeratedContent.read(subject, id: subjectID, on: db) else { return nil }
                guard content.authorID != reporterID else { throw StoreError.conflict("nobody reports their own content") }
                let item = try await Self.openItem(subject, subjectID: subjectID, authorID: content.authorID, text: excerpt ?? content.text, now: now, on: db)
                let exists = try await db.raw("""
                    SELECT 1 AS found FROM moderation_flags WHERE item_id = \(bind: item) AND reporter_id = \(bind: reporterID)
                    """).first() != nil
                guard !exists else { throw StoreError.conflict("you reported this already; a moderator will look at it") }
                let record = try await db.raw("""
                    SELECT COALESCE(SUM(CASE WHEN upheld THEN 1 ELSE 0 END), 0) AS upheld,
                           COALESCE(SUM(CASE WHEN NOT upheld THEN 1 ELSE 0 END), 0) AS dismissed
                    FROM moderation_flags WHERE reporter_id = \(bind: reporterID) AND upheld IS NOT NULL
                    """).first()
                let weight = ModerationScore.reportWeight(
                    upheld: try record?.decode(column: "upheld", as: Int.self) ?? 0, dismissed: try record?.decode(column: "dismissed", as: Int.self) ?? 0
                )
                try await Self.addFlag(item, kind: .report, reporterID: reporterID, reason: reason.rawValue, detail: detail, weight: weight, now: now, on: db)
                try await Self.rescore(item, threshold: threshold, holdAnyway: false, subject: subject, subjectID: subjectID, now: now, on: db)
                return try await Self.find(item, on: db)
            }
        }
    }

    /// The item of this content that is still open to new flags, made or reopened (approved content looked at
    /// again) as needed, with the excerpt brought up to date.
    private static func openItem(
        _ subject: ModerationSubject, subjectID: Int64, authorID: Int64?, text: String, now: Date, on db: any SQLDatabase
    ) async throws -> Int64 {
        let excerpt = String(text.prefix(ModeratedContent.excerptLength))
        if let row = try await db.raw("""
            SELECT id, status, decision FROM moderation_items WHERE subject = \(bind: subject.rawValue) AND subject_id = \(bind: subjectID)
            """).first() {
            let id = try row.decode(column: "id", as: Int64.self)
            let status = ModerationStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .pending
            let decision = try row.decodeIfPresent(column: "decision", as: String.self).flatMap(ModerationDecision.init(rawValue:))
            var next = status
            if status == .decided, decision?.showsContent == true {
                next = try status.moving(to: .pending)
            }
            try await db.raw("""
                UPDATE moderation_items SET status = \(bind: next.rawValue), excerpt = \(bind: excerpt), updated_at = \(bind: now)
                WHERE id = \(bind: id)
                """).run()
            return id
        }
        guard let id = try await db.raw("""
            INSERT INTO moderation_items (subject, subject_id, author_id, excerpt, status, created_at, updated_at)
            VALUES (\(bind: subject.rawValue), \(bind: subjectID), \(bind: authorID), \(bind: excerpt), \(state: ModerationStatus.pending),
                    \(bind: now), \(bind: now))
            RETURNING id
            """).first()?.decode(column: "id", as: Int64.self) else { throw StoreError.conflict("the moderation item was not saved") }
        return id
    }

    private static func addFlag(
        _ item: Int64, kind: FlagKind, reporterID: Int64?, reason: String, detail: String, weight: Int, now: Date, on db: any SQLDatabase
    ) async throws {
        try await db.raw("""
            INSERT INTO moderation_flags (item_id, kind, reporter_id, reason, detail, weight, created_at)
            VALUES (\(bind: item), \(bind: kind.rawValue), \(bind: reporterID), \(bind: reason), \(bind: String(detail.prefix(1_000))), \(bind: weight), \(bind: now))
            """).run()
    }

    /// The score of the flags not yet decided on, and the hold when it reaches the threshold (or `holdAnyway`).
    private static func rescore(
        _ item: Int64, threshold: Int, holdAnyway: Bool, subject: ModerationSubject, subjectID: Int64, now: Date, on db: any SQLDatabase
    ) async throws {
        let score = try await db.raw("""
            SELECT COALESCE(SUM(weight), 0) AS score FROM moderation_flags WHERE item_id = \(bind: item) AND upheld IS NULL
            """).first()?.decode(column: "score", as: Int.self) ?? 0
        let status = try await db.raw("SELECT status FROM moderation_items WHERE id = \(bind: item)").first()?
            .decode(column: "status", as: String.self)
        let open = status.flatMap(ModerationStatus.init(rawValue:)).map { ModerationStatus.waiting.contains($0) } ?? false
        let held = open && (holdAnyway || ModerationScore.holds(score: score, threshold: threshold))
        try await db.raw("""
            UPDATE moderation_items SET score = \(bind: score), held = (held OR \(bind: held)), updated_at = \(bind: now) WHERE id = \(bind: item)
            """).run()
        if held { try await ModeratedContent.hold(subject, id: subjectID, true, now: now, on: db) }
    }
}
