import AgoraDomain
import Logging
import Synchronization

/// The platform settings in force in this process, read once at start and again whenever they change: at once
/// after a change made here, and when another instance's change is announced (`LiveStateWatcher`). Readers
/// take `current`, which never waits for the database.
public final class LivePlatformSettings: LiveState {
    let store: Store
    /// The environment's values, which win over the stored ones.
    public let overrides: [PlatformSetting: SettingValue]
    private let state: Mutex<(settings: PlatformSettings, stored: [PlatformSetting: StoredSetting], revision: Int)>

    /// The defaults and the overrides, until the first `refresh()` reads the stored settings.
    public init(store: Store, overrides: [PlatformSetting: SettingValue] = [:]) {
        self.store = store
        self.overrides = overrides
        state = Mutex((PlatformSettings(overrides: overrides), [:], -1))
    }

    /// The settings as stored now. In a database not migrated yet the defaults hold (with a warning) until the
    /// watcher can read them.
    public static func read(
        from store: Store, overrides: [PlatformSetting: SettingValue] = [:], logger: Logger = Logger(label: "agora.settings")
    ) async -> LivePlatformSettings {
        let settings = LivePlatformSettings(store: store, overrides: overrides)
        do {
            try await settings.refresh()
        } catch {
            logger.warning("the platform settings cannot be read yet, the defaults hold: \(error)")
        }
        return settings
    }

    public var channel: String { PlatformSettingsRepository.channel }

    /// The settings in force.
    public var current: PlatformSettings {
        state.withLock { $0.settings }
    }

    /// Every setting's stored version (the default, version 0, for those never changed).
    public var stored: [PlatformSetting: StoredSetting] {
        state.withLock { state in
            Dictionary(uniqueKeysWithValues: PlatformSetting.allCases.map { ($0, state.stored[$0] ?? .unchanged($0)) })
        }
    }

    /// Reads the settings again.
    public func refresh() async throws {
        let repository = PlatformSettingsRepository(store: store)
        let revision = try await repository.revision()
        let stored = try await repository.current()
        let settings = PlatformSettings(stored: stored.mapValues(\.value), overrides: overrides)
        state.withLock { $0 = (settings, stored, revision) }
    }

    /// Reads the settings again if any change was made since the last read (a cheap count when nothing changed).
    public func refreshIfChanged() async throws {
        let revision = try await PlatformSettingsRepository(store: store).revision()
        guard revision != state.withLock({ $0.revision }) else { return }
        try await refresh()
    }
}
