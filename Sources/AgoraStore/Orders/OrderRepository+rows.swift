import AgoraDomain
import Foundation
import SQLKit

extension OrderRepository {
    static let columns: SQLQueryString = """
        o.id, o.reference_number, o.client_id, o.title, o.description, o.category_id, o.budget_min_minor,
        o.budget_max_minor, o.currency, o.deadline, o.deadline_time_zone, o.priority, o.status, o.visibility,
        o.location_kind, o.location_country, o.location_latitude, o.location_longitude, o.location_radius_km,
        o.routing_batch, o.routed_at, o.published_at, o.created_at, o.updated_at, o.moderation_hold
        """

    /// Reads orders with their skills and checklist (two more queries for the whole list).
    static func orders(from rows: [any SQLRow], on db: any SQLDatabase) async throws -> [Order] {
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.decode(column: "id", as: Int64.self) }
        var skills: [Int64: [String]] = [:]
        for row in try await db.raw("""
            SELECT order_id, name FROM order_skills WHERE order_id IN (\(binds: ids)) ORDER BY order_id, position
            """).all() {
            skills[try row.decode(column: "order_id", as: Int64.self), default: []].append(try row.decode(column: "name", as: String.self))
        }
        var requirements: [Int64: [String]] = [:]
        for row in try await db.raw("""
            SELECT order_id, text FROM order_requirements WHERE order_id IN (\(binds: ids)) ORDER BY order_id, position
            """).all() {
            requirements[try row.decode(column: "order_id", as: Int64.self), default: []].append(try row.decode(column: "text", as: String.self))
        }
        return try rows.map { row in
            let id = try row.decode(column: "id", as: Int64.self)
            return try order(from: row, skills: skills[id] ?? [], requirements: requirements[id] ?? [])
        }
    }

    static func order(from row: any SQLRow, skills: [String], requirements: [String]) throws -> Order {
        let currency = try CurrencyCode(try row.decode(column: "currency", as: String.self))
        let location: LocationPreference
        switch try row.decode(column: "location_kind", as: String.self) {
        case "country":
            location = .country(try row.decode(column: "location_country", as: String.self))
        case "near":
            location = .near(try GeoCircle(
                centre: try GeoPoint(
                    latitude: try row.decode(column: "location_latitude", as: Double.self),
                    longitude: try row.decode(column: "location_longitude", as: Double.self)
                ),
                radiusKilometres: try row.decode(column: "location_radius_km", as: Double.self)
            ))
        default:
            location = .remote
        }
        let details = OrderDetails(
            title: try row.decode(column: "title", as: String.self),
            description: try row.decode(column: "description", as: String.self),
            categoryID: try row.decode(column: "category_id", as: Int64.self),
            budgetMinimum: Money(minorUnits: try row.decode(column: "budget_min_minor", as: Int64.self), currency: currency),
            budgetMaximum: Money(minorUnits: try row.decode(column: "budget_max_minor", as: Int64.self), currency: currency),
            deadline: OrderDeadline(
                instant: try row.decode(column: "deadline", as: Date.self),
                timeZone: try row.decode(column: "deadline_time_zone", as: String.self)
            ),
            priority: OrderPriority(rawValue: try row.decode(column: "priority", as: String.self)) ?? .normal,
            location: location,
            visibility: OrderVisibility(rawValue: try row.decode(column: "visibility", as: String.self)) ?? .invited,
            skills: skills,
            requirements: requirements
        )
        return Order(
            id: try row.decode(column: "id", as: Int64.self),
            referenceNumber: try ReferenceNumber(try row.decode(column: "reference_number", as: String.self)),
            clientID: try row.decode(column: "client_id", as: Int64.self),
            details: details,
            status: OrderStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .cancelled,
            routingBatch: try row.decode(column: "routing_batch", as: Int.self),
            routedAt: try row.decodeIfPresent(column: "routed_at", as: Date.self),
            publishedAt: try row.decodeIfPresent(column: "published_at", as: Date.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            updatedAt: try row.decode(column: "updated_at", as: Date.self),
            moderationHold: try row.decode(column: "moderation_hold", as: Bool.self)
        )
    }

    /// The columns that hold `details`, for INSERT and UPDATE, in `detailColumns` order.
    static func detailValues(_ details: OrderDetails) -> [any Encodable & Sendable] {
        var country: String?
        var latitude: Double?
        var longitude: Double?
        var radius: Double?
        switch details.location {
        case .remote: break
        case .country(let code): country = code
        case .near(let circle):
            latitude = circle.centre.latitude
            longitude = circle.centre.longitude
            radius = circle.radiusKilometres
        }
        return [
            details.title, details.description, details.categoryID, details.budgetMinimum.minorUnits,
            details.budgetMaximum.minorUnits, details.budgetMinimum.currency.code, details.deadline.instant,
            details.deadline.timeZone, details.priority.rawValue, details.visibility.rawValue, details.location.kind,
            country, latitude, longitude, radius,
        ]
    }

    static let detailColumns = [
        "title", "description", "category_id", "budget_min_minor", "budget_max_minor", "currency", "deadline",
        "deadline_time_zone", "priority", "visibility", "location_kind", "location_country", "location_latitude",
        "location_longitude", "location_radius_km",
    ]

    /// Replaces an order's skills and checklist.
    static func writeLists(_ details: OrderDetails, orderID: Int64, on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM order_skills WHERE order_id = \(bind: orderID)").run()
        try await db.raw("DELETE FROM order_requirements WHERE order_id = \(bind: orderID)").run()
        for (position, name) in details.skills.enumerated() {
            try await db.raw("INSERT INTO order_skills (order_id, position, name) VALUES (\(bind: orderID), \(bind: position), \(bind: name))").run()
        }
        for (position, text) in details.requirements.enumerated() {
            try await db.raw("INSERT INTO order_requirements (order_id, position, text) VALUES (\(bind: orderID), \(bind: position), \(bind: text))").run()
        }
    }

    /// Appends an entry to an order's history.
    static func record(_ kind: OrderEvent.Kind, orderID: Int64, actorID: Int64?, detail: [String: String] = [:], now: Date, on db: any SQLDatabase) async throws {
        let json = String(decoding: try JSONEncoder.sorted.encode(detail), as: UTF8.self)
        try await db.raw("""
            INSERT INTO order_events (order_id, actor_id, kind, detail, created_at)
            VALUES (\(bind: orderID), \(bind: actorID), \(bind: kind.rawValue), \(bind: json), \(bind: now))
            """).run()
    }
}

extension JSONEncoder {
    /// An encoder with sorted keys: the same values always give the same text.
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }
}
