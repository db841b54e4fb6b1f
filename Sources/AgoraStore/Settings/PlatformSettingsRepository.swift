import AgoraDomain
import Foundation
import SQLKit

/// The platform settings as stored (`platform_settings`) and their history (`platform_setting_versions`). Every change
/// is a new version, written with its audit entry in one transaction; on PostgreSQL the transaction also notifies
/// the other instances (`PlatformSettingsRepository.channel`), which read the settings again when it commits.
public struct PlatformSettingsRepository: Sendable {
    let store: Store

    /// The PostgreSQL channel changes are announced on.
    public static let channel = "agora_settings"

    public init(store: Store) {
        self.store = store
    }

    /// The stored value of every setting ever changed. A row whose key or value this version no longer reads (a
    /// setting taken out, a rule made stricter) is left out, so the default holds.
    public func current() async throws -> [PlatformSetting: StoredSetting] {
        var settings: [PlatformSetting: StoredSetting] = [:]
        for row in try await store.sql.raw("SELECT key, value, version, changed_by, changed_at FROM platform_settings").all() {
            guard let setting = PlatformSetting(rawValue: try row.decode(column: "key", as: String.self)),
                  let value = try? setting.kind.check(SettingValue(json: try row.decode(column: "value", as: String.self)))
            else { continue }
            settings[setting] = StoredSetting(
                setting: setting, value: value, version: try row.decode(column: "version", as: Int.self),
                changedBy: try row.decodeIfPresent(column: "changed_by", as: Int64.self),
                changedAt: try row.decode(column: "changed_at", as: Date.self), reason: ""
            )
        }
        return settings
    }

    /// How many changes were ever made: it grows with every change, so an instance that saw the same count has the
    /// same settings (how SQLite instances notice a change made by another process).
    public func revision() async throws -> Int {
        try await store.sql.raw("SELECT COUNT(*) AS changes FROM platform_setting_versions").first()?.decode(column: "changes", as: Int.self) ?? 0
    }

    /// The setting's versions, newest first.
    public func history(of setting: PlatformSetting, limit: Int = 100) async throws -> [StoredSetting] {
        try await store.sql.raw("""
            SELECT value, version, changed_by, changed_at, reason FROM platform_setting_versions
            WHERE key = \(bind: setting.rawValue) ORDER BY version DESC LIMIT \(bind: limit)
            """).all().compactMap { row in
            guard let value = try? SettingValue(json: try row.decode(column: "value", as: String.self)) else { return nil }
            return StoredSetting(
                setting: setting, value: value, version: try row.decode(column: "version", as: Int.self),
                changedBy: try row.decodeIfPresent(column: "changed_by", as: Int64.self),
                changedAt: try row.decode(column: "changed_at", as: Date.self), reason: try row.decode(column: "reason", as: String.self)
            )
        }
    }

    /// Sets a new value (already checked against the setting's kind) as the next version, when the version in force
    /// is still `expectedVersion`: a form sent from a page that was out of date is refused (`conflict`) rather than
    /// undoing someone else's change unseen. Audited with the actor's reason.
    public func change(
        _ setting: PlatformSetting, to value: SettingValue, expectedVersion: Int, by actor: AuditActor, now: Date
    ) async throws -> StoredSetting {
        try await write(setting, value: value, expectedVersion: expectedVersion, action: .settingChanged, by: actor, now: now)
    }

    /// Sets the value an earlier version had, as the next version. `nil` when there is no such version.
    public func revert(
        _ setting: PlatformSetting, to version: Int, expectedVersion: Int, by actor: AuditActor, now: Date
    ) async throws -> StoredSetting? {
        guard let row = try await store.sql.raw("""
            SELECT value FROM platform_setting_versions WHERE key = \(bind: setting.rawValue) AND version = \(bind: version)
            """).first() else { return nil }
        let value = try setting.kind.check(SettingValue(json: try row.decode(column: "value", as: String.self)))
        return try await write(setting, value: value, expectedVersion: expectedVersion, action: .settingReverted, by: actor, now: now)
    }

    private func write(
        _ setting: PlatformSetting, value: SettingValue, expectedVersion: Int, action: AuditedAction, by actor: AuditActor, now: Date
    ) async throws -> StoredSetting {
        try await store.inTransaction { [store] transaction in
            let db = transaction.sql
            // Changes take turns, so that two first changes of one setting do not both insert (SQLite's writers
            // take turns already).
            if store.engine == .postgresql {
                try await db.raw("SELECT pg_advisory_xact_lock(hashtext('platform_settings'))").run()
            }
            let row = try await db.raw("SELECT value, version FROM platform_settings WHERE key = \(bind: setting.rawValue)").first()
            let version = try row?.decode(column: "version", as: Int.self) ?? 0
            let before = try row.map { try $0.decode(column: "value", as: String.self) } ?? setting.defaultValue.json
            guard version == expectedVersion else {
                throw StoreError.conflict("the setting changed since (version \(version) now, not \(expectedVersion))")
            }
            let next = version + 1
            if row == nil {
                try await db.raw("""
                    INSERT INTO platform_settings (key, value, version, changed_by, changed_at)
                    VALUES (\(bind: setting.rawValue), \(bind: value.json), \(bind: next), \(bind: actor.userID), \(bind: now))
                    """).run()
            } else {
                try await db.raw("""
                    UPDATE platform_settings SET value = \(bind: value.json), version = \(bind: next), changed_by = \(bind: actor.userID),
                           changed_at = \(bind: now)
                    WHERE key = \(bind: setting.rawValue)
                    """).run()
            }
            try await db.raw("""
                INSERT INTO platform_setting_versions (key, version, value, changed_by, changed_at, reason)
                VALUES (\(bind: setting.rawValue), \(bind: next), \(bind: value.json), \(bind: actor.userID), \(bind: now), \(bind: actor.reason))
                """).run()
            try await AuditLog(store: store, in: transaction).append(actor.entry(
                action, on: .setting, id: setting.number,
                before: ["key": setting.rawValue, "value": before, "version": String(version)],
                after: ["key": setting.rawValue, "value": value.json, "version": String(next)], at: now
            ))
            if setting.isQuotedOnSite {
                // The public pages quote it: they are made again with the new value.
                try await SiteChangeQueue.enqueue([.site], reason: "setting \(setting.rawValue) changed", now: now, on: db)
            }
            if store.engine == .postgresql {
                try await db.raw("SELECT pg_notify(\(bind: Self.channel), \(bind: setting.rawValue))").run()
            }
            return StoredSetting(setting: setting, value: value, version: next, changedBy: actor.userID, changedAt: now, reason: actor.reason)
        }
    }
}
