import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `/api/admin/users` (`users.read`): accounts searched and filtered, newest first a page at a time, and one
/// account's page — profile, staff role, two factors, open sessions, recent sign-in events, suspensions, how much it
/// did in the marketplace (orders, proposals, projects, reports, open disputes) and, for staff with `finance.read`, its
/// money.
struct UserAdminRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock
    let settings: LivePlatformSettings

    static let defaultLimit = 50
    static let maximumLimit = 200

    struct UserBody: ResponseEncodable {
        let id: Int64
        let firstName: String
        let lastName: String
        let email: String
        let userType: String
        let status: String
        let phone: String?
        let country: String?
        let createdAt: Date

        init(_ account: UserAccount) {
            id = account.id
            firstName = account.firstName
            lastName = account.lastName
            email = account.email.value
            userType = account.userType.rawValue
            status = account.verificationStatus.rawValue
            phone = account.phone
            country = account.countryCode
            createdAt = account.createdAt
        }
    }

    struct PageBody: ResponseEncodable {
        let users: [UserBody]
        let nextBefore: Int64?
    }

    struct SessionBody: Encodable {
        let device: String
        let ipAddress: String
        let createdAt: Date
        let lastUsedAt: Date
        let secondFactor: Bool
    }

    struct EventBody: Encodable {
        let kind: String
        let outcome: String
        let ipAddress: String
        let detail: String
        let createdAt: Date
    }

    struct DetailBody: ResponseEncodable {
        let user: UserBody
        let staffRole: String?
        let twoFactor: Bool
        let orders: Int
        let proposals: Int
        let projects: Int
        let reportsAbout: Int
        let reportsMade: Int
        let openDisputes: Int
        /// For staff with `finance.read`: the account's wallets and what its transactions add up to.
        let money: MoneySummaryBody?
        let sessions: [SessionBody]
        let events: [EventBody]
        let suspensions: [SuspensionRoutes.SuspensionBody]
    }

    func register(on admin: RouterGroup<AgoraRequestContext>) {
        let users = AdminArea.users.group(on: admin, store: store)
        users.get(use: search)
        users.get("{userId}", use: detail)
    }

    @Sendable func search(_ request: Request, context: AgoraRequestContext) async throws -> PageBody {
        var query = UserDirectoryQuery()
        var before: Int64?
        var limit = Self.defaultLimit
        var reader = AdminQuery()
        for (name, value) in try QueryParameters.pairs(of: request) where !Self.readFilter(name, value, into: &query, reader: &reader) {
            switch name {
            case "before": before = reader.positiveID(value, name)
            case "limit": limit = reader.limit(value, name, maximum: Self.maximumLimit) ?? limit
            default: reader.unknown(name)
            }
        }
        try reader.check()
        let found = try await UserDirectory(store: store).search(query, before: before, limit: limit + 1)
        let page = found.prefix(limit)
        return PageBody(users: page.map(UserBody.init), nextBefore: found.count > limit ? page.last?.id : nil)
    }

    /// Reads one parameter of the accounts' filter (`q`, `type`, `status`, `country`, `from`, `to`), which the search
    /// and the messages to a segment share; false for a parameter that is not part of it.
    static func readFilter(_ name: String, _ value: String, into query: inout UserDirectoryQuery, reader: inout AdminQuery) -> Bool {
        switch name {
        case "q": query.text = String(value.prefix(200))
        case "type": query.type = reader.oneOf(value, name, as: UserType.self)
        case "status": query.status = reader.oneOf(value, name, as: VerificationStatus.self)
        case "country": query.country = reader.country(value, name)
        case "from": query.from = reader.day(value, name)
        case "to": query.until = reader.day(value, name)?.addingTimeInterval(86_400)
        default: return false
        }
        return true
    }

    /// The accounts a segment of the users page holds (the filter above, and `user` for one account where
    /// `oneAccount` allows it), every bad parameter named at once, and the filter as a query string to keep.
    static func segment(of request: Request, oneAccount: Bool = false) throws -> (UserDirectoryQuery, String) {
        var query = UserDirectoryQuery()
        var reader = AdminQuery()
        var kept: [URLQueryItem] = []
        for (name, value) in try QueryParameters.pairs(of: request) {
            if readFilter(name, value, into: &query, reader: &reader) || (oneAccount && name == "user") {
                if name == "user" { query.userID = reader.positiveID(value, name) }
                kept.append(URLQueryItem(name: name, value: value))
            } else {
                reader.unknown(name)
            }
        }
        try reader.check()
        var components = URLComponents()
        components.queryItems = kept
        return (query, kept.isEmpty ? "" : components.percentEncodedQuery ?? "")
    }

    static let notFound = Problem(status: .notFound, detail: "No account has this id.")

    @Sendable func detail(_ request: Request, context: AgoraRequestContext) async throws -> DetailBody {
        let userID = try context.pathID("userId", notFound: Self.notFound)
        guard let account = try await UserRepository(store: store).find(id: userID) else { throw Self.notFound }
        let activity = try await UserDirectory(store: store).activity(of: userID)
        let identity = try context.requireIdentity()
        let mayReadMoney = try await StaffRepository(store: store).access(of: identity.userID, to: .financeRead)?.permitted ?? false
        return DetailBody(
            user: UserBody(account),
            staffRole: try await StaffRepository(store: store).role(of: userID)?.rawValue,
            twoFactor: try await TwoFactorRepository(store: store).isEnabled(userID: userID),
            orders: activity.orders, proposals: activity.proposals, projects: activity.projects, reportsAbout: activity.reportsAbout,
            reportsMade: activity.reportsMade, openDisputes: activity.openDisputes,
            money: mayReadMoney ? try await money(of: userID) : nil,
            sessions: try await SessionRepository(store: store).active(userID: userID, now: clock.now).map { session in
                SessionBody(
                    device: session.deviceInfo, ipAddress: session.ipAddress, createdAt: session.createdAt, lastUsedAt: session.lastUsedAt,
                    secondFactor: session.secondFactorAt != nil
                )
            },
            events: try await AuthEventRepository(store: store).events(userID: userID, limit: 20).map { event in
                EventBody(kind: event.kind.rawValue, outcome: event.outcome.rawValue, ipAddress: event.ipAddress, detail: event.detail, createdAt: event.createdAt)
            },
            suspensions: try await SuspensionRepository(store: store).history(of: userID).map(SuspensionRoutes.SuspensionBody.init)
        )
    }

    /// What the account holds and has moved: its wallets per currency and its transactions' totals, all time.
    private func money(of userID: Int64) async throws -> MoneySummaryBody {
        let holdDays = settings.current.number(.paymentsSecurityHoldDays)
        let wallets = try await PayoutRepository(store: store).wallets(of: userID, holdDays: holdDays, now: clock.now)
        let totals = try await MoneyMovementRepository(store: store).totals(of: userID, over: nil)
        return MoneySummaryBody(
            wallets: wallets.map(WalletBody.Currency.init),
            totals: totals.keys.sorted { $0.code < $1.code }.compactMap { totals[$0] }.map(MoneyTotalsBody.init)
        )
    }
}

/// An account's money as finance staff see it on its page.
struct MoneySummaryBody: Encodable {
    let wallets: [WalletBody.Currency]
    let totals: [MoneyTotalsBody]
}
