import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// A person's own money records: their transactions (payments, refunds, earnings, payouts) with filters, a page at a
/// time or all of them as CSV; a receipt for any one of them; and a yearly statement (totals per currency and per
/// month, or the year's transactions as CSV). Only the person whose movement it is sees it: another's id answers 404.
struct StatementRoutes: Sendable {
    let store: Store

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.get("transactions", use: transactions)
        signedIn.get("receipts/{id}", use: receipt)
        signedIn.get("statements/{year}", use: statement)
    }

    /// What a CSV export of transactions holds at most (the newest).
    static let maximumExport = 10_000
    static let receiptNotFound = Problem(status: .notFound, detail: "None of your transactions has this id.")

    private var repository: MoneyMovementRepository { MoneyMovementRepository(store: store) }

    /// `?kind=&currency=&project_id=&from=&to=&limit=&before=&format=json|csv`.
    @Sendable func transactions(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        var filter = MoneyMovementFilter()
        var reader = AdminQuery()
        var limit = 20
        var cursor: MoneyMovementCursor?
        var format = ExportFormat.json
        for (name, value) in try QueryParameters.pairs(of: request) {
            switch name {
            case "kind": filter.kinds = reader.oneOf(value, name, as: MoneyMovementKind.self).map { [$0] } ?? []
            case "currency": filter.currency = reader.currency(value, name)
            case "project_id": filter.projectID = reader.positiveID(value, name)
            case "from": filter.from = reader.day(value, name)
            case "to": filter.until = reader.day(value, name)?.addingTimeInterval(86_400)
            case "limit": limit = reader.limit(value, name, maximum: ListQuery.maximumLimit) ?? limit
            case "before": cursor = reader.parsed(value, name, rule: "must be the next_before of the previous page") { MoneyMovementCursor($0) }
            case "format": format = reader.oneOf(value, name, as: ExportFormat.self) ?? format
            default: reader.unknown(name)
            }
        }
        try reader.check()
        switch format {
        case .json:
            let (movements, next) = try await repository.movements(of: identity.userID, filter, after: cursor, limit: limit)
            let body = MoneyMovementListBody(transactions: movements.map(MoneyMovementBody.init), nextBefore: next?.description)
            return APIResponseEncoder.response(data: try APIResponseEncoder.data(of: body))
        case .csv:
            let movements = try await repository.all(of: identity.userID, filter, limit: Self.maximumExport)
            return MoneyMovementCSV.response(movements, name: "agora-transactions")
        }
    }

    @Sendable func receipt(_ request: Request, context: AgoraRequestContext) async throws -> ReceiptBody {
        let identity = try context.requireIdentity()
        guard let text = context.parameters.get("id"), let id = MoneyMovementID(text),
              let movement = try await repository.movement(id, of: identity.userID) else { throw Self.receiptNotFound }
        let person = try await UserRepository(store: store).find(id: identity.userID)
        return ReceiptBody(
            movement, issuedTo: person.map { "\($0.firstName) \($0.lastName)" } ?? "",
            billing: try await BillingDetailsRepository(store: store).details(of: identity.userID)
        )
    }

    /// `GET /api/statements/{year}` (`?format=csv`: the year's transactions).
    @Sendable func statement(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        var reader = AdminQuery()
        var format = ExportFormat.json
        for (name, value) in try QueryParameters.pairs(of: request) {
            switch name {
            case "format": format = reader.oneOf(value, name, as: ExportFormat.self) ?? format
            default: reader.unknown(name)
            }
        }
        try reader.check()
        var statement: MoneyStatement
        do {
            guard let text = context.parameters.get("year"), text.count == 4, let year = Int(text) else {
                throw ValidationError(field: "year", message: "must be a year such as 2026")
            }
            statement = try MoneyStatement(year: year)
        } catch let invalid as ValidationError {
            throw Problem.invalidQuery(invalid.errors)
        }
        let year = statement.year
        var filter = MoneyMovementFilter()
        filter.from = statement.period.lowerBound
        filter.until = statement.period.upperBound
        let movements = try await repository.all(of: identity.userID, filter)
        switch format {
        case .json:
            for movement in movements {
                statement.add(
                    movement.id.kind, amount: movement.amount, fee: movement.fee, tax: movement.tax, state: movement.state, at: movement.occurredAt
                )
            }
            let body = StatementBody(statement, years: try await repository.years(of: identity.userID))
            return APIResponseEncoder.response(data: try APIResponseEncoder.data(of: body))
        case .csv:
            return MoneyMovementCSV.response(movements, name: "agora-statement-\(year)")
        }
    }

    /// What a money list may be exported as.
    enum ExportFormat: String, CaseIterable {
        case json, csv
    }
}
