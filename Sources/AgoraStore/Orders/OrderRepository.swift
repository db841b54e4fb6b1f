import AgoraDomain
import Foundation
import SQLKit

/// Orders: creation with a fresh reference number, the client's changes and moves, each written with its entry in
/// the history and its announcements in one transaction. Who may see or change an order is the caller's question
/// (`OrderAccess`); `relation(of:to:)` gives it what it needs.
public struct OrderRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// Creates an order (a draft, or open at once) for a client, offered to the providers the client `invited`
    /// (provider accounts, at most `maximumInvited`). The category must exist and be active. Moderation screens it
    /// (`intake`), and the announcements (`announce` is given the stored order, its client, and the invited
    /// providers, none while moderation holds it) are written in the same transaction.
    public func create(
        _ details: OrderDetails, clientID: Int64, invited: [Int64] = [], publish: Bool, intake: ContentIntake, now: Date,
        announce: @escaping @Sendable (Order, Recipient, [Recipient]) throws -> Announcements
    ) async throws -> Order {
        try await store.transaction { [store] db in
            try await Self.requireActiveCategory(details.categoryID, on: db)
            let reference = try await Self.freshReference(on: db)
            let status: OrderStatus = publish ? try OrderStatus.draft.moving(to: .open) : .draft
            let columns = ["reference_number", "client_id", "status"] + Self.detailColumns + ["published_at", "created_at", "updated_at"]
            let values: [any Encodable & Sendable] = [reference.value, clientID, status.rawValue] + Self.detailValues(details)
                + [publish ? now : nil, now, now]
            let row = try await db.raw("""
                INSERT INTO orders (\(unsafeRaw: columns.joined(separator: ", "))) VALUES (\(binds: values)) RETURNING id
                """).first()
            guard let id = try row?.decode(column: "id", as: Int64.self) else { throw StoreError.conflict("the order was not saved") }
            try await Self.writeLists(details, orderID: id, on: db)
            try await Self.record(.created, orderID: id, actorID: clientID, detail: ["reference_number": reference.value], now: now, on: db)
            try await Self.invite(invited, orderID: id, clientID: clientID, now: now, on: db)
            if publish { try await Self.record(.published, orderID: id, actorID: clientID, now: now, on: db) }
            try await ModerationRepository.intake(intake, subjectID: id, authorID: clientID, now: now, on: db)
            let order = try await Self.find(id, on: db)
            let told = order.moderationHold ? [] : invited
            let people = try await NotificationRepository.recipients([clientID] + told, on: db)
            guard let client = people[clientID] else { throw StoreError.notFound("the client") }
            try await NotificationRepository.write(try announce(order, client, told.compactMap { people[$0] }), store: store, on: db, now: now)
            return order
        }
    }

    public func find(_ id: Int64) async throws -> Order? {
        let rows = try await store.sql.raw("SELECT \(Self.columns) FROM orders o WHERE o.id = \(bind: id)").all()
        return try await Self.orders(from: rows, on: store.sql).first
    }

    public func find(reference: ReferenceNumber) async throws -> Order? {
        let rows = try await store.sql.raw("SELECT \(Self.columns) FROM orders o WHERE o.reference_number = \(bind: reference.value)").all()
        return try await Self.orders(from: rows, on: store.sql).first
    }

    /// What `OrderAccess` needs to know about a viewer and an order; nil when the order does not exist.
    public func relation(of orderID: Int64, to userID: Int64) async throws -> OrderAccess.Relation? {
        try await Self.relation(of: orderID, to: userID, on: store.sql)
    }

    static func relation(of orderID: Int64, to userID: Int64, on db: any SQLDatabase) async throws -> OrderAccess.Relation? {
        guard let row = try await db.raw("""
            SELECT o.client_id, o.status, o.visibility, o.moderation_hold,
                (SELECT COUNT(*) FROM order_routes r WHERE r.order_id = o.id AND r.provider_id = \(bind: userID) AND r.removed_at IS NULL) AS offered,
                (SELECT COUNT(*) FROM proposals p WHERE p.order_id = o.id AND p.provider_id = \(bind: userID)) AS proposed
            FROM orders o WHERE o.id = \(bind: orderID)
            """).first() else { return nil }
        return OrderAccess.Relation(
            clientID: try row.decode(column: "client_id", as: Int64.self),
            status: OrderStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .cancelled,
            visibility: OrderVisibility(rawValue: try row.decode(column: "visibility", as: String.self)) ?? .invited,
            offered: try row.decode(column: "offered", as: Int.self) > 0,
            proposed: try row.decode(column: "proposed", as: Int.self) > 0,
            held: try row.decode(column: "moderation_hold", as: Bool.self)
        )
    }

    /// A client's orders, newest first, optionally of some statuses or one reference, `limit` after the order with
    /// id `before`.
    public func list(clientID: Int64, statuses: [OrderStatus], reference: ReferenceNumber? = nil, before: Int64?, limit: Int) async throws -> [OrderSummary] {
        var conditions: [SQLQueryString] = ["o.client_id = \(bind: clientID)"]
        if !statuses.isEmpty { conditions.append("o.status IN (\(binds: statuses.map(\.rawValue)))") }
        if let reference { conditions.append("o.reference_number = \(bind: reference.value)") }
        if let before { conditions.append("o.id < \(bind: before)") }
        return try await summaries(where: conditions, limit: limit)
    }

    /// Open public orders a provider may browse (their own excluded), newest first, optionally within categories.
    public func openOrders(excludingClient viewerID: Int64, inCategories categoryIDs: [Int64]?, before: Int64?, limit: Int) async throws -> [OrderSummary] {
        var conditions: [SQLQueryString] = [
            "o.status = \(state: OrderStatus.open)", "o.visibility = \(state: OrderVisibility.public)", "o.client_id <> \(bind: viewerID)",
            "o.moderation_hold = FALSE",
        ]
        if let categoryIDs { conditions.append(categoryIDs.isEmpty ? "1 = 0" : "o.category_id IN (\(binds: categoryIDs))") }
        if let before { conditions.append("o.id < \(bind: before)") }
        return try await summaries(where: conditions, limit: limit)
    }

    /// Every order, for staff: newest first, optionally of some statuses, one reference, or with `text` in the
    /// title (any case), `limit` after the order with id `before`.
    public func search(statuses: [OrderStatus], reference: ReferenceNumber?, text: String?, before: Int64?, limit: Int) async throws -> [OrderSummary] {
        var conditions: [SQLQueryString] = ["1 = 1"]
        if !statuses.isEmpty { conditions.append("o.status IN (\(binds: statuses.map(\.rawValue)))") }
        if let reference { conditions.append("o.reference_number = \(bind: reference.value)") }
        if let text, !text.isEmpty { conditions.append("LOWER(o.title) LIKE \(bind: LikePattern.containing(text.lowercased())) ESCAPE '\\'") }
        if let before { conditions.append("o.id < \(bind: before)") }
        return try await summaries(where: conditions, limit: limit)
    }

    func summaries(where conditions: [SQLQueryString], limit: Int) async throws -> [OrderSummary] {
        let rows = try await store.sql.raw("""
            SELECT \(Self.columns), c.name AS category_name, c.slug AS category_slug,
                (SELECT COUNT(*) FROM proposals p WHERE p.order_id = o.id AND p.status <> \(state: ProposalStatus.withdrawn)) AS proposal_count
            FROM orders o JOIN categories c ON c.id = o.category_id
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY o.id DESC LIMIT \(bind: limit)
            """).all()
        let orders = try await Self.orders(from: rows, on: store.sql)
        return try zip(orders, rows).map { order, row in
            OrderSummary(
                order: order,
                categoryName: try row.decode(column: "category_name", as: String.self),
                categorySlug: try row.decode(column: "category_slug", as: String.self),
                proposalCount: try row.decode(column: "proposal_count", as: Int.self)
            )
        }
    }

    /// Replaces an order's details while it is a draft or open, recording which fields changed, and has moderation
    /// screen the new text (`intake`). The currency cannot change once proposals are live (they are priced in it).
    public func update(_ id: Int64, clientID: Int64, with details: OrderDetails, intake: ContentIntake, now: Date) async throws -> Order {
        try await store.transaction { db in
            let current = try await Self.lockedForClient(id, clientID: clientID, on: db)
            guard current.status.isOpenState else {
                throw StatusTransitionError("an order that is \(current.status.label) can no longer be changed")
            }
            let changed = details.changedFields(from: current.details)
            guard !changed.isEmpty else { return current }
            if details.categoryID != current.details.categoryID { try await Self.requireActiveCategory(details.categoryID, on: db) }
            if details.budgetMinimum.currency != current.details.budgetMinimum.currency,
               try await db.raw("""
                   SELECT id FROM proposals WHERE order_id = \(bind: id) AND status IN (\(states: ProposalStatus.live)) LIMIT 1
                   """).first() != nil {
                throw ValidationError(field: "currency", message: "cannot change while proposals priced in \(current.details.budgetMinimum.currency.code) are open")
            }
            let assignments = zip(Self.detailColumns, Self.detailValues(details)).map { column, value -> SQLQueryString in
                "\(unsafeRaw: column) = \(bind: value)"
            }
            try await db.raw("""
                UPDATE orders SET \(assignments.joined(separator: ", ")), updated_at = \(bind: now) WHERE id = \(bind: id)
                """).run()
            try await Self.writeLists(details, orderID: id, on: db)
            try await Self.record(.updated, orderID: id, actorID: clientID, detail: ["fields": changed.joined(separator: ",")], now: now, on: db)
            if changed.contains("title") || changed.contains("description") {
                try await ModerationRepository.intake(intake, subjectID: id, authorID: clientID, now: now, on: db)
            }
            return try await Self.find(id, on: db)
        }
    }

    /// Moves a client's order to `next` (publish a draft, cancel), recording it; the announcements are written in the
    /// same transaction. Publishing gives `announce` the providers the client invited; cancelling closes every live
    /// proposal on the order, and gives `announce` their providers.
    public func move(
        _ id: Int64, clientID: Int64, to next: OrderStatus, now: Date,
        announce: @escaping @Sendable (Order, [Recipient]) throws -> Announcements
    ) async throws -> Order {
        try await store.transaction { [store] db in
            let current = try await Self.lockedForClient(id, clientID: clientID, on: db)
            let status = try current.status.movedByClient(to: next)
            if status == .open, current.details.deadline.instant <= now {
                throw ValidationError(field: "deadline", message: "has passed: change it before publishing")
            }
            try await db.raw("""
                UPDATE orders SET status = \(bind: status.rawValue), updated_at = \(bind: now),
                    published_at = \(status == .open ? SQLQueryString("\(bind: now)") : "published_at")
                WHERE id = \(bind: id)
                """).run()
            var affected: [Int64] = []
            if status == .open {
                affected = try await db.raw("""
                    SELECT provider_id FROM order_routes WHERE order_id = \(bind: id) AND source = \(state: OrderRoute.Source.client) AND removed_at IS NULL
                    """).all().map { try $0.decode(column: "provider_id", as: Int64.self) }
            }
            if status == .cancelled {
                affected = try await db.raw("""
                    UPDATE proposals SET status = \(state: ProposalStatus.rejected), updated_at = \(bind: now)
                    WHERE order_id = \(bind: id) AND status IN (\(states: ProposalStatus.live)) RETURNING provider_id
                    """).all().map { try $0.decode(column: "provider_id", as: Int64.self) }
            }
            try await Self.record(status == .open ? .published : .cancelled, orderID: id, actorID: clientID, now: now, on: db)
            let order = try await Self.find(id, on: db)
            let people = try await NotificationRepository.recipients(affected, on: db)
            try await NotificationRepository.write(try announce(order, affected.compactMap { people[$0] }), store: store, on: db, now: now)
            return order
        }
    }

    /// An order's history, oldest first.
    public func events(of orderID: Int64) async throws -> [OrderEvent] {
        try await store.sql.raw("""
            SELECT id, kind, actor_id, detail, created_at FROM order_events WHERE order_id = \(bind: orderID) ORDER BY id
            """).all().map { row in
            let detail = try row.decode(column: "detail", as: String.self)
            return OrderEvent(
                id: try row.decode(column: "id", as: Int64.self),
                kind: OrderEvent.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .updated,
                actorID: try row.decodeIfPresent(column: "actor_id", as: Int64.self),
                detail: (try? JSONDecoder().decode([String: String].self, from: Data(detail.utf8))) ?? [:],
                createdAt: try row.decode(column: "created_at", as: Date.self)
            )
        }
    }

    // MARK: Inside a transaction

    static func find(_ id: Int64, on db: any SQLDatabase) async throws -> Order {
        let rows = try await db.raw("SELECT \(columns) FROM orders o WHERE o.id = \(bind: id)").all()
        guard let order = try await orders(from: rows, on: db).first else { throw StoreError.notFound("the order") }
        return order
    }

    /// The order, locked against concurrent changes until the transaction ends (SQLite's write lock already is),
    /// when it belongs to the client; otherwise not found.
    static func lockedForClient(_ id: Int64, clientID: Int64, on db: any SQLDatabase) async throws -> Order {
        try await locked(id, on: db, where: "o.client_id = \(bind: clientID)")
    }

    static func locked(_ id: Int64, on db: any SQLDatabase, where condition: SQLQueryString = "1 = 1") async throws -> Order {
        let lock: SQLQueryString = db.dialect.name == "postgresql" ? " FOR UPDATE" : ""
        let rows = try await db.raw("SELECT \(columns) FROM orders o WHERE o.id = \(bind: id) AND \(condition)\(lock)").all()
        guard let order = try await orders(from: rows, on: db).first else { throw StoreError.notFound("the order") }
        return order
    }

    /// Providers a client may invite on one order.
    public static let maximumInvited = 5

    /// Offers a new order to the providers its client chose: each must be a provider's account.
    static func invite(_ providers: [Int64], orderID: Int64, clientID: Int64, now: Date, on db: any SQLDatabase) async throws {
        guard !providers.isEmpty else { return }
        guard providers.count <= maximumInvited else {
            throw ValidationError(field: "invite", message: "must name at most \(maximumInvited) providers")
        }
        let known = try await db.raw("""
            SELECT id FROM users WHERE id IN (\(binds: providers)) AND user_type = \(state: UserType.provider) AND id <> \(bind: clientID)
            """).all().count
        guard known == Set(providers).count, Set(providers).count == providers.count else {
            throw ValidationError(field: "invite", message: "must name providers' accounts, each once")
        }
        let rows = providers.map { provider -> SQLQueryString in
            "(\(bind: orderID), \(bind: provider), 0, \(state: OrderRoute.Source.client), 1, 'chosen by the client', \(bind: now))"
        }
        try await db.raw("""
            INSERT INTO order_routes (order_id, provider_id, batch, source, score, reason, offered_at) VALUES \(rows.joined(separator: ", "))
            """).run()
    }

    static func requireActiveCategory(_ id: Int64, on db: any SQLDatabase) async throws {
        let row = try await db.raw("SELECT active FROM categories WHERE id = \(bind: id)").first()
        guard let active = try row?.decode(column: "active", as: Bool.self), active else {
            throw ValidationError(field: "category_id", message: row == nil ? "is not a category" : "is a category that no longer takes orders")
        }
    }

    /// A random reference no order has yet. A clash is one in billions; the unique index stays the last word.
    static func freshReference(on db: any SQLDatabase) async throws -> ReferenceNumber {
        for _ in 0..<5 {
            let reference = ReferenceNumber.random()
            if try await db.raw("SELECT id FROM orders WHERE reference_number = \(bind: reference.value)").first() == nil { return reference }
        }
        throw StoreError.conflict("no free order reference was found; try again")
    }
}
