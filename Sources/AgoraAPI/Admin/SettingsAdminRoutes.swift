import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `/api/admin/settings` (`settings.edit`): the platform settings with their types, rules and versions; a change or
/// a return to an earlier version is a new version, audited, in force on this instance at once and on the others
/// within seconds. A setting the environment sets cannot be changed here (409): the environment wins.
struct SettingsAdminRoutes: Sendable {
    let store: Store
    let settings: LivePlatformSettings
    let clock: any AgoraClock
    /// A change needs a recent proof of who is asking.
    let recentAuthentication: RecentAuthenticationMiddleware

    struct SettingBody: ResponseEncodable {
        let key: String
        let group: String
        let kind: String
        let title: String
        let summary: String
        /// The value staff set (the default until someone changes it).
        let value: SettingValue
        /// The value in force: the environment's when it sets the setting.
        let effective: SettingValue
        let defaultValue: SettingValue
        let version: Int
        let changedBy: Int64?
        let changedAt: Date?
        let environmentVariable: String?
        let overridden: Bool
        let minimum: Int?
        let maximum: Int?
        let unit: String?
        let maximumLength: Int?
        let maximumCount: Int?
        /// The options of a `choices` setting.
        let options: [String]?
        /// How a line of a `rates` setting is written.
        let format: String?

        init(_ stored: StoredSetting, current: PlatformSettings) {
            let setting = stored.setting
            key = setting.rawValue
            group = setting.group.rawValue
            kind = setting.kind.name
            title = setting.title
            summary = setting.summary
            value = stored.value
            effective = current.value(setting)
            defaultValue = setting.defaultValue
            version = stored.version
            changedBy = stored.changedBy
            changedAt = stored.changedAt
            environmentVariable = setting.environmentVariable
            overridden = current.overrides[setting] != nil
            if case .choices(let choices) = setting.kind { options = choices } else { options = nil }
            if case .rates(let table, _) = setting.kind { format = table.format } else { format = nil }
            switch setting.kind {
            case .flag, .percent, .country:
                (minimum, maximum, unit, maximumLength, maximumCount) = (nil, nil, nil, nil, nil)
            case .number(let range, let unitName):
                (minimum, maximum, unit, maximumLength, maximumCount) = (range.lowerBound, range.upperBound, unitName, nil, nil)
            case .text(let length):
                (minimum, maximum, unit, maximumLength, maximumCount) = (nil, nil, nil, length, nil)
            case .list(let count, let length):
                (minimum, maximum, unit, maximumLength, maximumCount) = (nil, nil, nil, length, count)
            case .choices:
                (minimum, maximum, unit, maximumLength, maximumCount) = (nil, nil, nil, nil, nil)
            case .rates(_, let count):
                (minimum, maximum, unit, maximumLength, maximumCount) = (nil, nil, nil, nil, count)
            }
        }
    }

    struct SettingsBody: ResponseEncodable {
        let settings: [SettingBody]
    }

    struct VersionBody: ResponseEncodable {
        let version: Int
        let value: SettingValue
        let changedBy: Int64?
        let changedAt: Date?
        let reason: String
    }

    struct HistoryBody: ResponseEncodable {
        let key: String
        let versions: [VersionBody]
    }

    /// `{"value", "version", "reason"}`: the new value, the version the form was made from, and why (optional).
    struct ChangeInput: RequestBody {
        static let fields: Set<String> = ["value", "version", "reason"]
        let value: SettingValue?
        let version: Int?
        let reason: String?

        init(reading body: inout JSONObjectBody) {
            value = SettingValue(body.value("value"), field: "value", body: &body)
            version = body.integer("version")
            reason = body.string("reason", required: false, maximumLength: 2_000, multiline: true)
        }
    }

    /// `{"restore", "version", "reason"}`: the earlier version whose value comes back, the version the page showed,
    /// and why (optional).
    struct RevertInput: RequestBody {
        static let fields: Set<String> = ["restore", "version", "reason"]
        let restore: Int?
        let version: Int?
        let reason: String?

        init(reading body: inout JSONObjectBody) {
            restore = body.integer("restore")
            version = body.integer("version")
            reason = body.string("reason", required: false, maximumLength: 2_000, multiline: true)
        }
    }

    func register(on admin: RouterGroup<AgoraRequestContext>) {
        let area = AdminArea.settings.group(on: admin, store: store)
        area.get(use: list)
        area.get("{key}/history", use: history)
        let dangerous = area.group().add(middleware: recentAuthentication)
        dangerous.put("{key}", use: change)
        dangerous.post("{key}/revert", use: revert)
    }

    static let notFound = Problem(status: .notFound, detail: "No setting has this key.")

    @Sendable func list(_ request: Request, context: AgoraRequestContext) async throws -> SettingsBody {
        let current = settings.current
        let stored = settings.stored
        return SettingsBody(settings: PlatformSetting.allCases.map { SettingBody(stored[$0] ?? .unchanged($0), current: current) })
    }

    @Sendable func history(_ request: Request, context: AgoraRequestContext) async throws -> HistoryBody {
        let setting = try Self.setting(context)
        let versions = try await PlatformSettingsRepository(store: store).history(of: setting)
        return HistoryBody(key: setting.rawValue, versions: versions.map {
            VersionBody(version: $0.version, value: $0.value, changedBy: $0.changedBy, changedAt: $0.changedAt, reason: $0.reason)
        })
    }

    @Sendable func change(_ request: Request, context: AgoraRequestContext) async throws -> SettingBody {
        let setting = try Self.setting(context)
        let input = try await request.decode(as: ChangeInput.self, context: context)
        var errors: [FieldError] = []
        var value: SettingValue?
        if let sent = input.value {
            do {
                value = try setting.kind.check(sent)
            } catch let invalid as ValidationError {
                errors += invalid.errors
            }
        } else {
            errors.append(FieldError(field: "value", message: "is required"))
        }
        if input.version == nil { errors.append(FieldError(field: "version", message: "is required: the version the form was made from")) }
        guard errors.isEmpty, let value, let version = input.version else { throw ValidationError(errors) }
        try refuseOverridden(setting)
        let actor = try AuditActor(request, context).because(input.reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
        let stored = try await Self.stale {
            try await PlatformSettingsRepository(store: store).change(setting, to: value, expectedVersion: version, by: actor, now: clock.now)
        }
        try await settings.refresh()
        return SettingBody(stored, current: settings.current)
    }

    @Sendable func revert(_ request: Request, context: AgoraRequestContext) async throws -> SettingBody {
        let setting = try Self.setting(context)
        let input = try await request.decode(as: RevertInput.self, context: context)
        var errors: [FieldError] = []
        if input.restore == nil { errors.append(FieldError(field: "restore", message: "is required: the version to bring back")) }
        if input.version == nil { errors.append(FieldError(field: "version", message: "is required: the version the page showed")) }
        guard errors.isEmpty, let restore = input.restore, let version = input.version else { throw ValidationError(errors) }
        try refuseOverridden(setting)
        let actor = try AuditActor(request, context).because(input.reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
        let stored = try await Self.stale {
            try await PlatformSettingsRepository(store: store).revert(setting, to: restore, expectedVersion: version, by: actor, now: clock.now)
        }
        guard let stored else { throw ValidationError(field: "restore", message: "is not a version of this setting") }
        try await settings.refresh()
        return SettingBody(stored, current: settings.current)
    }

    private func refuseOverridden(_ setting: PlatformSetting) throws {
        guard let variable = setting.environmentVariable, settings.overrides[setting] != nil else { return }
        throw Problem(
            status: .conflict, detail: "\(variable) sets this in the environment, which wins; change it there.", type: .invalidTransition
        )
    }

    /// A version conflict as the problem a form can act on: read the settings again.
    private static func stale<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch StoreError.conflict(let what) {
            throw Problem(status: .conflict, detail: "Someone changed this setting since the page was loaded (\(what)); reload and try again.", type: .staleVersion)
        }
    }

    private static func setting(_ context: AgoraRequestContext) throws -> PlatformSetting {
        guard let setting = context.parameters.get("key").flatMap(PlatformSetting.init(rawValue:)) else { throw notFound }
        return setting
    }
}

extension SettingValue {
    /// The value a JSON field holds, by its JSON type (the setting's kind checks it afterwards); nil with an error
    /// for any other type.
    init?(_ json: JSONValue?, field: String, body: inout JSONObjectBody) {
        switch json {
        case nil, .null?:
            return nil
        case .bool(let flag)?:
            self = .flag(flag)
        case .number(let number)?:
            guard number.rounded() == number, abs(number) <= JSONObjectBody.largestWholeNumber else {
                body.reject(field, "must be a whole number")
                return nil
            }
            self = .number(Int(number))
        case .string(let text)?:
            self = .text(text)
        case .array(let items)?:
            guard items.count <= Self.largestList else {
                body.reject(field, "must have at most \(Self.largestList) entries")
                return nil
            }
            var strings: [String] = []
            for item in items {
                guard case .string(let text) = item else {
                    body.reject(field, "must be a list of strings")
                    return nil
                }
                strings.append(text)
            }
            self = .list(strings)
        case .object?:
            body.reject(field, "must be true or false, a whole number, a string or a list of strings, not an object")
            return nil
        }
    }

    /// More entries than any list setting takes: refused before they are read one by one.
    static let largestList = 1_000
}
