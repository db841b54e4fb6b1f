import AgoraDomain
import Foundation

/// One version of a platform setting as stored: its value, its number (1 for the first change; 0 stands for the
/// default, never stored), who set it, when and why.
public struct StoredSetting: Sendable, Hashable {
    public let setting: PlatformSetting
    public let value: SettingValue
    public let version: Int
    public let changedBy: Int64?
    public let changedAt: Date?
    public let reason: String

    /// The default, before anyone changed the setting.
    public static func unchanged(_ setting: PlatformSetting) -> StoredSetting {
        StoredSetting(setting: setting, value: setting.defaultValue, version: 0, changedBy: nil, changedAt: nil, reason: "")
    }
}
