import Foundation
/// The settings in force: the stored values over the defaults, and the environment's over both. Readers ask for
/// the typed value they need (`routing`, `isOn`, `number`), never for raw keys.
public struct PlatformSettings: Sendable, Hashable {
    /// The values set in the environment at start; they win over the stored ones.
    public let overrides: [PlatformSetting: SettingValue]
    private let stored: [PlatformSetting: SettingValue]

    public init(stored: [PlatformSetting: SettingValue] = [:], overrides: [PlatformSetting: SettingValue] = [:]) {
        self.stored = stored
        self.overrides = overrides
    }

    /// The value in force.
    public func value(_ setting: PlatformSetting) -> SettingValue {
        overrides[setting] ?? stored[setting] ?? setting.defaultValue
    }

    public func isOn(_ setting: PlatformSetting) -> Bool {
        if case .flag(let flag) = value(setting) { return flag }
        if case .flag(let flag) = setting.defaultValue { return flag }
        return false
    }

    public func number(_ setting: PlatformSetting) -> Int {
        if case .number(let number) = value(setting) { return number }
        if case .number(let number) = setting.defaultValue { return number }
        return 0
    }

    public func text(_ setting: PlatformSetting) -> String {
        if case .text(let text) = value(setting) { return text }
        return ""
    }

    public func list(_ setting: PlatformSetting) -> [String] {
        if case .list(let items) = value(setting) { return items }
        return []
    }

    /// How orders are offered to providers.
    public var routing: RoutingSettings {
        RoutingSettings(
            batchSize: number(.routingBatchSize), responseWindow: Double(number(.routingResponseWindowHours)) * 3_600,
            enoughProposals: number(.routingEnoughProposals), maximumBatches: number(.routingMaximumBatches)
        )
    }

    /// The fees of a project in `category` (its order's): the category's flat commission where one is set, else the
    /// tiers.
    public func fees(inCategory category: Slug?) -> FeeSchedule {
        let tiers = (try? FeeTable.tiers(list(.feesCommissionTiers), field: "")) ?? FeeSchedule.standardTiers
        let schedule = FeeSchedule(
            tiers: tiers, minimumCommissionMajor: Int64(number(.feesMinimumCommission)),
            clientFee: Percentage(text(.feesClientServiceFee)) ?? FeeSchedule.standard.clientFee
        )
        guard let category, let flat = ((try? FeeTable.categoryRates(list(.feesCategoryCommission), field: "")) ?? []).first(where: { $0.category == category })
        else { return schedule }
        return schedule.flat(flat.rate)
    }

    /// What the Pro plan costs each month (before tax) and the share of commission it takes off.
    public var proPlan: (price: Money, commissionDiscount: Percentage) {
        (
            Money.major(Int64(number(.plansProMonthlyPrice)), SubscriptionPlan.currency),
            Percentage(text(.plansProCommissionDiscount)) ?? .zero
        )
    }

    /// How long notifications stay in the inbox, and at all.
    public var notificationRetention: NotificationRetention {
        NotificationRetention(archiveAfterDays: number(.notificationsArchiveAfterDays), deleteAfterDays: number(.notificationsDeleteAfterDays))
    }

    /// How long after a burst's latest event the next one joins its notification (`NotificationBurst`).
    public var notificationBurstWindow: TimeInterval {
        TimeInterval(number(.notificationsBurstWindowMinutes) * 60)
    }

    /// Who may review when, and which reviews are held for moderation.
    public var reviews: ReviewRules {
        ReviewRules(windowDays: number(.reviewsWindowDays), minimumWorkDays: number(.reviewsMinimumWorkDays), holdThreshold: number(.reviewsHoldThreshold))
    }

    /// How the platform's fees are taxed.
    public var tax: TaxPolicy {
        TaxPolicy(rates: (try? FeeTable.taxRates(list(.taxRates), field: "")) ?? [], platformCountry: text(.taxPlatformCountry))
    }

    /// The settings set in the environment (`value(name)` reads a variable); every bad one is an error naming its
    /// variable.
    public static func environmentOverrides(_ value: (String) -> String?) throws -> [PlatformSetting: SettingValue] {
        var overrides: [PlatformSetting: SettingValue] = [:]
        var errors: [FieldError] = []
        for setting in PlatformSetting.allCases {
            guard let variable = setting.environmentVariable, let text = value(variable) else { continue }
            do {
                overrides[setting] = try setting.kind.parse(environment: text, field: variable)
            } catch let invalid as ValidationError {
                errors += invalid.errors
            }
        }
        guard errors.isEmpty else { throw ValidationError(errors) }
        return overrides
    }
}
