import AgoraDomain
import Foundation
import SQLKit

/// Providers' profiles as their owners write them. Every save is a version; while the profile is not public the
/// rows simply follow the newest one. Once it is public a save goes live at once (search index and pages updated in
/// the same transaction) unless `ProfileReview` holds it for an administrator, and the public keeps the version it
/// had. A save names the version it started from, so two tabs saving end in one consistent version (the second is
/// refused as stale).
public struct ProfileRepository: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// What became of a save.
    public enum SaveOutcome: String, Sendable {
        /// The profile is not public: saved as its draft.
        case saved
        /// Public at once.
        case live
        /// Waits for an administrator; the public keeps the version before.
        case held
    }

    /// Opens an empty draft profile for a new provider account, in the registration's transaction: a slug from the
    /// name (numbered when taken) and zero statistics.
    public static func createDraft(
        for userID: Int64, firstName: String, lastName: String, now: Date, in transaction: StoreTransaction, store: Store
    ) async throws {
        let db = transaction.sql
        // Short enough for a number to follow it; every candidate starts with it, so one query finds those taken.
        let base = Slug.from(title: String("\(firstName) \(lastName)".prefix(Slug.maximumLength - 8)))?.value ?? "provider"
        // Two registrations of one name on PostgreSQL take turns here (SQLite's writers do already), so that the
        // second sees the slug the first took.
        if store.engine == .postgresql {
            try await db.raw("SELECT pg_advisory_xact_lock(hashtext('user_profiles.slug'))").run()
        }
        let taken = Set(try await db.raw("""
            SELECT slug FROM user_profiles WHERE slug = \(bind: base) OR slug LIKE \(bind: LikePattern.starting(base + "-")) ESCAPE '\\'
            """).all().map { try $0.decode(column: "slug", as: String.self) })
        var slug = base
        var number = 2
        while taken.contains(slug) {
            slug = "\(base)-\(number)"
            number += 1
        }
        try await db.raw("""
            INSERT INTO user_profiles (user_id, slug, title, status, published, remote, created_at, updated_at)
            VALUES (\(bind: userID), \(bind: slug), '', \(state: ProfileStatus.draft), FALSE, TRUE, \(bind: now), \(bind: now))
            """).run()
        try await db.raw("INSERT INTO user_statistics (user_id, updated_at) VALUES (\(bind: userID), \(bind: now))").run()
    }

    /// The owner's profile with its working copy; 404 when the account has none.
    public func own(_ userID: Int64) async throws -> OwnProfile {
        try await Self.own(userID, on: store.sql)
    }

    /// Saves a new version of the profile. `expected` is the version the editor started from (409 `stale-version`
    /// when another save came first). A public profile must stay complete (a field error per missing part). Skills
    /// are spelled as the catalogue does, and only a few may be outside it (`SkillChoice`).
    public func save(
        _ userID: Int64, _ written: ProfileContent, expected: Int, review: ProfileReview, authorID: Int64, now: Date
    ) async throws -> (SaveOutcome, OwnProfile) {
        try await store.inTransaction { [store] transaction in
            let db = transaction.sql
            let current = try await Self.lockedOwn(userID, on: db, engine: store.engine)
            guard expected == current.version else {
                throw StoreError.staleVersion("the profile was saved elsewhere since (version \(current.version)); reload it")
            }
            let categoryIDs = try await Self.categoryIDs(written.categorySlugs, on: db)
            var content = written
            content.skills = try SkillChoice.resolve(written.skills, catalogue: try await SkillCatalogue.names(of: written.skills, on: db))
            let live = try await Self.live(userID, on: db)
            var outcome = SaveOutcome.saved
            var reasons: [String] = []
            if current.status.isPublic {
                try Self.requireComplete(content)
                reasons = review.reasons(from: live, to: content)
                outcome = reasons.isEmpty ? .live : .held
            }
            try await db.raw("""
                UPDATE profile_versions SET state = \(state: ProfileVersion.State.superseded)
                WHERE user_id = \(bind: userID) AND state = \(state: ProfileVersion.State.held)
                """).run()
            if outcome != .held {
                try await Self.writeLive(userID, content, categoryIDs: categoryIDs, now: now, on: db)
                if outcome == .live {
                    try await Self.publishChange(
                        of: userID, categories: live.categorySlugs + content.categorySlugs, reason: "edited", now: now, in: transaction, store: store
                    )
                }
            }
            let state: ProfileVersion.State = switch outcome {
            case .saved: .saved
            case .live: .live
            case .held: .held
            }
            try await Self.insertVersion(
                userID, number: current.version + 1, content, changed: content.changedFields(from: current.content), state: state,
                reasons: reasons, authorID: authorID, now: now, on: db
            )
            return (outcome, try await Self.own(userID, on: db))
        }
    }

    /// Asks for the profile to be public: a first publication (or one after a refusal) waits for review, a profile
    /// its owner took offline comes straight back. A field error per missing part; 409 when it is public or
    /// waiting already.
    public func publish(_ userID: Int64, now: Date) async throws -> OwnProfile {
        try await store.inTransaction { [store] transaction in
            let db = transaction.sql
            let current = try await Self.lockedOwn(userID, on: db, engine: store.engine)
            guard let next = current.status.publishing else {
                throw StoreError.conflict(current.status == .pending ? "the profile already waits for review" : "the profile is already published")
            }
            guard current.heldFor.isEmpty else { throw StoreError.conflict("the newest version waits for review") }
            try Self.requireComplete(current.content)
            try await Self.setStatus(userID, next, now: now, on: db)
            if next.isPublic {
                try await Self.publishChange(of: userID, categories: current.content.categorySlugs, reason: "published", now: now, in: transaction, store: store)
            }
            return try await Self.own(userID, on: db)
        }
    }

    /// Takes the profile offline (its page goes, searches and routing stop finding it), or withdraws a first
    /// publication from review. 409 when it is neither public nor waiting.
    public func unpublish(_ userID: Int64, now: Date) async throws -> OwnProfile {
        try await store.inTransaction { [store] transaction in
            let db = transaction.sql
            let current = try await Self.lockedOwn(userID, on: db, engine: store.engine)
            switch current.status {
            case .published:
                try await Self.setStatus(userID, .unpublished, now: now, on: db)
                try await Self.publishChange(of: userID, categories: current.content.categorySlugs, reason: "unpublished", now: now, in: transaction, store: store)
            case .pending:
                try await Self.setStatus(userID, .draft, now: now, on: db)
            case .draft, .rejected, .unpublished:
                throw StoreError.conflict("the profile is not published")
            }
            return try await Self.own(userID, on: db)
        }
    }

    /// Every saved version, newest first.
    public func versions(_ userID: Int64) async throws -> [ProfileVersion] {
        try await store.sql.raw("SELECT \(Self.versionColumns) FROM profile_versions WHERE user_id = \(bind: userID) ORDER BY number DESC")
            .all().map(Self.version(from:))
    }

    /// Saves a copy of an earlier version as the newest (the same rules as any save). 404 for another's version.
    public func restore(
        _ userID: Int64, version id: Int64, expected: Int, review: ProfileReview, authorID: Int64, now: Date
    ) async throws -> (SaveOutcome, OwnProfile) {
        guard let row = try await store.sql.raw("""
            SELECT \(Self.versionColumns) FROM profile_versions WHERE id = \(bind: id) AND user_id = \(bind: userID)
            """).first() else { throw StoreError.notFound("no version of your profile has this id") }
        return try await save(userID, try Self.version(from: row).content, expected: expected, review: review, authorID: authorID, now: now)
    }

    // MARK: Rows

    /// A photo is not needed for a publication, so the content alone decides.
    static func requireComplete(_ content: ProfileContent) throws {
        let missing = ProfileCompleteness(content, hasPhoto: false).missingForPublication
        guard missing.isEmpty else {
            throw ValidationError(missing.map { FieldError(field: $0.rawValue, message: "is needed on a published profile: \($0.need)") })
        }
    }

    /// `own`, with the profile's row locked for the rest of the transaction on PostgreSQL (SQLite's writers take
    /// turns already), so that two saves racing read one after the other.
    static func lockedOwn(_ userID: Int64, on db: any SQLDatabase, engine: Store.Engine) async throws -> OwnProfile {
        if engine == .postgresql {
            try await db.raw("SELECT user_id FROM user_profiles WHERE user_id = \(bind: userID) FOR UPDATE").run()
        }
        return try await own(userID, on: db)
    }

    static func own(_ userID: Int64, on db: any SQLDatabase) async throws -> OwnProfile {
        guard let row = try await db.raw("""
            SELECT slug, status, review_reasons, photo_key, photo_side FROM user_profiles WHERE user_id = \(bind: userID)
            """).first() else { throw StoreError.notFound("this account has no provider profile") }
        let newest = try await db.raw("""
            SELECT \(versionColumns) FROM profile_versions WHERE user_id = \(bind: userID) ORDER BY number DESC LIMIT 1
            """).first().map(version(from:))
        let held = newest?.state == .held ? newest : nil
        let content = if let held { held.content } else { try await live(userID, on: db) }
        return OwnProfile(
            userID: userID, slug: try Slug(try row.decode(column: "slug", as: String.self)),
            status: ProfileStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
            content: content, photo: try photo(from: row), version: newest?.number ?? 0,
            heldFor: held?.reviewReasons ?? [], refusedFor: try row.decode(column: "review_reasons", as: String.self)
        )
    }

    static func insertVersion(
        _ userID: Int64, number: Int, _ content: ProfileContent, changed: [String], state: ProfileVersion.State, reasons: [String],
        authorID: Int64, now: Date, on db: any SQLDatabase
    ) async throws {
        try await db.raw("""
            INSERT INTO profile_versions (user_id, number, content, changed_fields, state, review_reasons, author_id, created_at)
            VALUES (\(bind: userID), \(bind: number), \(bind: try json(content)), \(bind: changed.joined(separator: " ")), \(bind: state.rawValue),
                    \(bind: reasons.joined(separator: "\n")), \(bind: authorID), \(bind: now))
            """).run()
    }

    static let versionColumns: SQLQueryString = "id, number, content, changed_fields, state, review_reasons, author_id, created_at"

    static func version(from row: any SQLRow) throws -> ProfileVersion {
        let changed = try row.decode(column: "changed_fields", as: String.self)
        let reasons = try row.decode(column: "review_reasons", as: String.self)
        return ProfileVersion(
            id: try row.decode(column: "id", as: Int64.self), number: try row.decode(column: "number", as: Int.self),
            content: try JSONDecoder().decode(ProfileContent.self, from: Data(try row.decode(column: "content", as: String.self).utf8)),
            changedFields: changed.isEmpty ? [] : changed.components(separatedBy: " "),
            state: ProfileVersion.State(rawValue: try row.decode(column: "state", as: String.self)) ?? .saved,
            reviewReasons: reasons.isEmpty ? [] : reasons.components(separatedBy: "\n"),
            authorID: try row.decode(column: "author_id", as: Int64.self), createdAt: try row.decode(column: "created_at", as: Date.self)
        )
    }

    static func json(_ content: ProfileContent) throws -> String {
        String(decoding: try JSONEncoder.sorted.encode(content), as: UTF8.self)
    }
}
