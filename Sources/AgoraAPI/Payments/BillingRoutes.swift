import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// A member's billing details (who receipts are made out to; their country and tax number decide the tax on the
/// platform's fees) and the fees and tax that apply to them now, as the checkout and the money pages show them.
struct BillingRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock
    let settings: LivePlatformSettings

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.get("billing-details", use: details)
        signedIn.put("billing-details", use: save)
        signedIn.get("fees", use: fees)
    }

    private var repository: BillingDetailsRepository { BillingDetailsRepository(store: store) }

    @Sendable func details(_ request: Request, context: AgoraRequestContext) async throws -> BillingDetailsBody {
        let identity = try context.requireIdentity()
        guard let details = try await repository.details(of: identity.userID) else {
            throw Problem(status: .notFound, detail: "No billing details yet: receipts are made out to your account's name.")
        }
        return BillingDetailsBody(details)
    }

    @Sendable func save(_ request: Request, context: AgoraRequestContext) async throws -> BillingDetailsBody {
        let identity = try context.requireIdentity()
        let input = try await request.decode(as: BillingDetailsInput.self, context: context)
        let details = try BillingDetails(input.input)
        try await repository.save(details, for: identity.userID, now: clock.now)
        return BillingDetailsBody(details)
    }

    @Sendable func fees(_ request: Request, context: AgoraRequestContext) async throws -> FeesBody {
        let identity = try context.requireIdentity()
        let current = settings.current
        let schedule = current.fees(inCategory: nil)
        let treatment = current.tax.treatment(for: try await repository.details(of: identity.userID))
        return FeesBody(schedule: schedule, current: current, treatment: treatment)
    }
}

/// `PUT /api/billing-details`: `{"name", "country", "region", "address", "tax_number"}`.
struct BillingDetailsInput: RequestBody {
    static let fields: Set<String> = ["name", "country", "region", "address", "tax_number"]
    var input = BillingDetails.Input()

    init(reading body: inout JSONObjectBody) {
        input.name = body.string("name", required: false, maximumLength: 400)
        input.country = body.string("country", required: false, maximumLength: 10)
        input.region = body.string("region", required: false, maximumLength: 10)
        input.address = body.string("address", required: false, maximumLength: 1_000, multiline: true)
        input.taxNumber = body.string("tax_number", required: false, maximumLength: 40)
    }
}

struct BillingDetailsBody: ResponseEncodable {
    let name: String
    let country: String
    let countryName: String
    let region: String?
    let address: String
    let taxNumber: String?
    let business: Bool

    init(_ details: BillingDetails) {
        name = details.name
        country = details.country
        countryName = Countries.name(of: details.country)
        region = details.region
        address = details.address
        taxNumber = details.taxNumber?.value
        business = details.isBusiness
    }
}

/// The platform's fees as they apply to the member: the client's service fee, the commission tiers (a category may
/// set one flat rate instead), the least commission, and the tax on fees by their billing details.
struct FeesBody: ResponseEncodable {
    struct Tier: Encodable {
        /// In whole units of the payment's currency; nil for the last tier.
        let upTo: Int64?
        let percent: String
    }

    struct CategoryRate: Encodable {
        let category: String
        let percent: String
    }

    struct Tax: Encodable {
        /// `charged`, `reverse-charge` or `exempt`.
        let treatment: String
        let percent: String?
        let note: String
    }

    let clientServiceFeePercent: String
    let commissionTiers: [Tier]
    let categoryRates: [CategoryRate]
    /// In whole units of the payment's currency.
    let minimumCommission: Int64
    let tax: Tax

    init(schedule: FeeSchedule, current: PlatformSettings, treatment: TaxTreatment) {
        clientServiceFeePercent = schedule.clientFee.description
        commissionTiers = schedule.tiers.map { Tier(upTo: $0.upToMajor, percent: $0.rate.description) }
        categoryRates = ((try? FeeTable.categoryRates(current.list(.feesCategoryCommission), field: "")) ?? [])
            .map { CategoryRate(category: $0.category.value, percent: $0.rate.description) }
        minimumCommission = schedule.minimumCommissionMajor
        tax = switch treatment {
        case .charged(let rate): Tax(treatment: "charged", percent: rate.rate.description, note: treatment.note)
        case .reverseCharge: Tax(treatment: "reverse-charge", percent: nil, note: treatment.note)
        case .exempt: Tax(treatment: "exempt", percent: nil, note: treatment.note)
        }
    }
}
