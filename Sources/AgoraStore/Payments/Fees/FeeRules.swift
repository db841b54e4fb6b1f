import AgoraDomain
import SQLKit

/// The fees and taxes a movement of money is computed with, read inside the transaction that moves it: the fee and
/// tax settings as committed (they have no environment override), the project's category (its order's), the
/// billing details of the member who pays the fee, and the provider's plan (Pro takes a share off the commission).
/// Every payment, release and dispute decision asks here.
enum FeeRules {
    static let settings: [PlatformSetting] = [
        .feesClientServiceFee, .feesCommissionTiers, .feesMinimumCommission, .feesCategoryCommission, .taxRates, .taxPlatformCountry,
        .plansProCommissionDiscount,
    ]

    /// The tax on the platform's charges to a member (a provider's plan) by their billing details, with the tax
    /// settings as committed.
    static func tax(for userID: Int64, on db: any SQLDatabase) async throws -> TaxTreatment {
        var stored: [PlatformSetting: SettingValue] = [:]
        for row in try await db.raw("""
            SELECT key, value FROM platform_settings WHERE key IN (\(binds: [PlatformSetting.taxRates.rawValue, PlatformSetting.taxPlatformCountry.rawValue]))
            """).all() {
            keep(try row.decode(column: "key", as: String.self), try row.decode(column: "value", as: String.self), in: &stored)
        }
        return PlatformSettings(stored: stored).tax.treatment(for: try await BillingDetailsRepository.details(of: userID, on: db))
    }

    /// The fees of `project` (its category's flat commission where one is set, else the tiers) and the tax on them
    /// for `payer`: the client paying a service fee, or the provider paying commission.
    static func terms(of project: Project, taxing payer: ProjectRole, on db: any SQLDatabase) async throws -> (fees: FeeSchedule, tax: TaxTreatment) {
        var stored: [PlatformSetting: SettingValue] = [:]
        var category: Slug?
        // The settings and, in the row without a key, the project's category: one round trip.
        for row in try await db.raw("""
            SELECT key, value FROM platform_settings WHERE key IN (\(binds: settings.map(\.rawValue)))
            UNION ALL
            SELECT '', c.slug FROM orders o JOIN categories c ON c.id = o.category_id WHERE o.id = \(bind: project.orderID)
            """).all() {
            let key = try row.decode(column: "key", as: String.self)
            let value = try row.decode(column: "value", as: String.self)
            if key.isEmpty { category = try? Slug(value) } else { keep(key, value, in: &stored) }
        }
        let details = try await BillingDetailsRepository.details(of: project.member(payer), on: db)
        let current = PlatformSettings(stored: stored)
        var fees = current.fees(inCategory: category)
        if payer == .provider, try await SubscriptionRepository.hasPerks(project.providerID, on: db) {
            fees = fees.discounted(by: current.proPlan.commissionDiscount)
        }
        return (fees, current.tax.treatment(for: details))
    }

    /// A stored setting as its kind reads it; one that no longer reads (a rule tightened since) is left to its default.
    private static func keep(_ key: String, _ json: String, in stored: inout [PlatformSetting: SettingValue]) {
        guard let setting = PlatformSetting(rawValue: key), let checked = try? setting.kind.check(SettingValue(json: json)) else { return }
        stored[setting] = checked
    }
}
