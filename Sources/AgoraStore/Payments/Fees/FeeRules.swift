import AgoraDomain
import SQLKit

/// The fees and taxes a movement of money is computed with, read inside the transaction that moves it: the fee and
/// tax settings as committed (they have no environment override), the project's category (its order's) and the
/// member's billing details. Every payment, release and dispute decision asks here.
enum FeeRules {
    static let settings: [PlatformSetting] = [
        .feesClientServiceFee, .feesCommissionTiers, .feesMinimumCommission, .feesCategoryCommission, .taxRates, .taxPlatformCountry,
    ]

    /// The fee and tax settings in force.
    static func current(on db: any SQLDatabase) async throws -> PlatformSettings {
        PlatformSettings(stored: try await PlatformSettingsRepository.stored(settings, on: db).mapValues(\.value))
    }

    /// The fees of `project`: its category's flat commission where one is set, else the tiers.
    static func fees(of project: Project, on db: any SQLDatabase) async throws -> FeeSchedule {
        let category = try await db.raw("""
            SELECT c.slug FROM orders o JOIN categories c ON c.id = o.category_id WHERE o.id = \(bind: project.orderID)
            """).first()?.decode(column: "slug", as: String.self)
        return try await current(on: db).fees(inCategory: category.flatMap { try? Slug($0) })
    }

    /// The tax `userID` pays on the platform's fees, by their billing details.
    static func tax(of userID: Int64, on db: any SQLDatabase) async throws -> TaxTreatment {
        try await current(on: db).tax.treatment(for: BillingDetailsRepository.details(of: userID, on: db))
    }
}
