import AgoraDomain
import Foundation
import SQLKit

/// Providers' Pro subscriptions and their monthly invoices. A subscription begins incomplete with its first invoice
/// open; each invoice's charge is recorded paid (the ledger books the price as the platform's revenue and the tax on
/// it as owed, processor clearing → platform revenue + tax payable, and the subscription moves to the invoice's
/// period) or declined (retried, then back to Free). `SubscriptionStatus.after` is the one transition; every change
/// runs in one transaction with the subscription locked.
public struct SubscriptionRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    public typealias Announce = @Sendable (SubscriptionEvent) throws -> Announcements

    // MARK: Reading

    /// The member's subscription that is not cancelled, if any.
    public func live(of userID: Int64) async throws -> Subscription? {
        try await store.sql.raw("""
            SELECT \(Subscription.columns) FROM subscriptions WHERE user_id = \(bind: userID) AND status <> \(state: SubscriptionStatus.canceled)
            """).first().map(Subscription.init(row:))
    }

    /// The member's newest subscription, cancelled or not.
    public func latest(of userID: Int64) async throws -> Subscription? {
        try await store.sql.raw("""
            SELECT \(Subscription.columns) FROM subscriptions WHERE user_id = \(bind: userID) ORDER BY id DESC LIMIT 1
            """).first().map(Subscription.init(row:))
    }

    /// The member's invoices, newest first.
    public func invoices(of userID: Int64, limit: Int) async throws -> [SubscriptionInvoice] {
        try await store.sql.raw("""
            SELECT \(SubscriptionInvoice.columns) FROM subscription_invoices
            WHERE subscription_id IN (SELECT id FROM subscriptions WHERE user_id = \(bind: userID))
            ORDER BY id DESC LIMIT \(bind: limit)
            """).all().map(SubscriptionInvoice.init(row:))
    }

    /// The open invoices to charge now: renewals of active subscriptions whose period ended (opened here, at the
    /// price the settings say now) and past-due ones whose retry is due. At most `limit` of each.
    public func due(price: Money, now: Date, limit: Int) async throws -> [(SubscriptionInvoice, Subscription)] {
        let renewing = try await store.sql.raw("""
            SELECT id FROM subscriptions
            WHERE status = \(state: SubscriptionStatus.active) AND cancel_at_period_end = FALSE AND current_period_end <= \(bind: now)
            ORDER BY current_period_end LIMIT \(bind: limit)
            """).all().map { try $0.decode(column: "id", as: Int64.self) }
        for id in renewing { try await openRenewal(id, price: price, now: now) }
        let invoices = try await store.sql.raw("""
            SELECT \(SubscriptionInvoice.columns) FROM subscription_invoices
            WHERE status = \(state: SubscriptionInvoiceStatus.open) AND subscription_id IN (
                SELECT id FROM subscriptions WHERE (status = \(state: SubscriptionStatus.active) AND current_period_end <= \(bind: now))
                    OR (status = \(state: SubscriptionStatus.pastDue) AND next_attempt_at <= \(bind: now)))
            ORDER BY id LIMIT \(bind: limit)
            """).all().map(SubscriptionInvoice.init(row:))
        guard !invoices.isEmpty else { return [] }
        var subscriptions: [Int64: Subscription] = [:]
        for row in try await store.sql.raw("""
            SELECT \(Subscription.columns) FROM subscriptions WHERE id IN (\(binds: invoices.map(\.subscriptionID)))
            """).all() {
            let subscription = try Subscription(row: row)
            subscriptions[subscription.id] = subscription
        }
        return try invoices.map { invoice in
            guard let subscription = subscriptions[invoice.subscriptionID] else { throw StoreError.notFound("the subscription") }
            return (invoice, subscription)
        }
    }

    /// The open invoice of a subscription (its first month, while it is incomplete), if any.
    public func openInvoice(of subscriptionID: Int64) async throws -> SubscriptionInvoice? {
        try await store.sql.raw("""
            SELECT \(SubscriptionInvoice.columns) FROM subscription_invoices
            WHERE subscription_id = \(bind: subscriptionID) AND status = \(state: SubscriptionInvoiceStatus.open)
            """).first().map(SubscriptionInvoice.init(row:))
    }

    /// Whether the provider's plan brings its perks now (inside the caller's transaction: a release's fees).
    static func hasPerks(_ userID: Int64, on db: any SQLDatabase) async throws -> Bool {
        try await db.raw("""
            SELECT id FROM subscriptions WHERE user_id = \(bind: userID) AND status IN (\(state: SubscriptionStatus.active), \(state: SubscriptionStatus.pastDue))
            """).first() != nil
    }

    // MARK: Changing

    /// Begins a Pro subscription for a provider: incomplete, with its first month's invoice open at `price` and the
    /// tax on it by their billing details. A provider with a subscription that is not cancelled is refused.
    public func begin(userID: Int64, price: Money, paymentMethodID: Int64?, processor: PaymentProcessorKind, now: Date) async throws -> (Subscription, SubscriptionInvoice) {
        try await store.uniqueOrConflict("you have a Pro subscription already") {
            try await store.transaction { db in
                guard let row = try await db.raw("SELECT user_type FROM users WHERE id = \(bind: userID)").first() else { throw StoreError.notFound("the account") }
                guard try row.decodeState(column: "user_type", as: UserType.self) == .provider else {
                    throw StatusTransitionError("plans are for providers; a client's account has none")
                }
                let end = SubscriptionPlan.periodEnd(anchor: now, period: 1)
                guard let made = try await db.raw("""
                    INSERT INTO subscriptions (user_id, plan, status, currency, price_minor, billing_anchor, current_period_start, current_period_end,
                                               payment_method_id, processor, created_at, updated_at)
                    VALUES (\(bind: userID), \(state: SubscriptionPlan.pro), \(state: SubscriptionStatus.incomplete), \(bind: price.currency.code), \(bind: price.minorUnits),
                            \(bind: now), \(bind: now), \(bind: end), \(bind: paymentMethodID), \(state: processor), \(bind: now), \(bind: now))
                    RETURNING \(Subscription.columns)
                    """).first().map(Subscription.init(row:)) else { throw StoreError.conflict("the subscription was not begun") }
                let invoice = try await Self.openInvoice(made, period: 1, start: now, end: end, price: price, now: now, on: db)
                return (made, invoice)
            }
        }
    }

    /// Records the processor's payment of an invoice (its intent), so that a retry confirms the same one.
    public func attach(_ invoiceID: Int64, processorPaymentID: String) async throws {
        try await store.sql.raw("""
            UPDATE subscription_invoices SET processor_payment_id = \(bind: processorPaymentID)
            WHERE id = \(bind: invoiceID) AND processor_payment_id IS NULL
            """).run()
    }

    /// Records an invoice paid: the ledger books it, the subscription is active in the invoice's period. Recording
    /// it twice changes nothing the second time.
    public func recordPaid(_ invoiceID: Int64, card: CardSummary?, now: Date) async throws -> Subscription {
        try await store.transaction { [store] db in
            let (invoice, subscription) = try await Self.locked(invoiceID, on: db)
            guard invoice.status == .open else { return subscription }
            let next = try subscription.status.after(.pay)
            _ = try await Ledger.post(
                try LedgerTransactionDraft(
                    idempotencyKey: "subscription-invoice:\(invoice.id):paid", kind: .subscription, reference: "subscription:\(subscription.id)",
                    actorID: subscription.userID, lines: Self.paymentLines(invoice)
                ),
                now: now, engine: store.engine, on: db
            )
            try await db.raw("""
                UPDATE subscription_invoices SET status = \(state: SubscriptionInvoiceStatus.paid), paid_at = \(bind: now), failure_code = NULL,
                    attempts = attempts + 1, card_brand = \(bind: card?.brand.rawValue), card_last_four = \(bind: card?.lastFour)
                WHERE id = \(bind: invoice.id)
                """).run()
            return try await Self.update(subscription, status: next, """
                periods_paid = \(bind: invoice.period), current_period_start = \(bind: invoice.periodStart), current_period_end = \(bind: invoice.periodEnd),
                attempts = 0, next_attempt_at = NULL, failure_code = NULL
                """, now: now, on: db)
        }
    }

    /// Records a declined charge of an invoice. A first month declined ends the subscription before it began; a
    /// renewal declined makes it past due, tried again after `SubscriptionStatus.retryDelays`; declined after the
    /// last retry, it goes back to Free and the invoice is void. The provider is told of each.
    public func recordDeclined(_ invoiceID: Int64, failure: PaymentFailure, now: Date, announce: @escaping Announce) async throws -> Subscription {
        try await store.transaction { [store] db in
            let (invoice, subscription) = try await Self.locked(invoiceID, on: db)
            guard invoice.status == .open else { return subscription }
            let attempts = invoice.attempts + 1
            try await db.raw("""
                UPDATE subscription_invoices SET attempts = \(bind: attempts), failure_code = \(bind: failure.rawValue) WHERE id = \(bind: invoice.id)
                """).run()
            let changed: Subscription
            let kind: SubscriptionEvent.Kind
            if subscription.status == .incomplete || attempts > SubscriptionStatus.retryDelays.count {
                let step: SubscriptionStatus.Step = subscription.status == .incomplete ? .expire : .downgrade
                try await db.raw("UPDATE subscription_invoices SET status = \(state: SubscriptionInvoiceStatus.void) WHERE id = \(bind: invoice.id)").run()
                changed = try await Self.update(subscription, status: try subscription.status.after(step), """
                    attempts = \(bind: attempts), next_attempt_at = NULL, failure_code = \(bind: failure.rawValue), ended_at = \(bind: now)
                    """, now: now, on: db)
                kind = step == .expire ? .firstChargeDeclined : .downgraded
            } else {
                let retry = now.addingTimeInterval(SubscriptionStatus.retryDelays[attempts - 1])
                changed = try await Self.update(subscription, status: try subscription.status.after(.decline), """
                    attempts = \(bind: attempts), next_attempt_at = \(bind: retry), failure_code = \(bind: failure.rawValue)
                    """, now: now, on: db)
                kind = .renewalDeclined
            }
            try await Self.announce(kind, changed, failure: failure, store: store, now: now, on: db, announce)
            return changed
        }
    }

    /// Asks for the subscription to end with its period (true) or to go on (false); nil when the member has none.
    public func cancelAtPeriodEnd(_ cancels: Bool, of userID: Int64, now: Date) async throws -> Subscription? {
        try await store.sql.raw("""
            UPDATE subscriptions SET cancel_at_period_end = \(bind: cancels), updated_at = \(bind: now)
            WHERE user_id = \(bind: userID) AND status IN (\(state: SubscriptionStatus.active), \(state: SubscriptionStatus.pastDue))
            RETURNING \(Subscription.columns)
            """).first().map(Subscription.init(row:))
    }

    /// Ends the subscriptions whose cancellation was asked, once their paid period is over; each provider told.
    public func endCancelled(now: Date, limit: Int, announce: @escaping Announce) async throws -> Int {
        let ending = try await store.sql.raw("""
            SELECT id FROM subscriptions
            WHERE status = \(state: SubscriptionStatus.active) AND cancel_at_period_end = TRUE AND current_period_end <= \(bind: now)
            LIMIT \(bind: limit)
            """).all().map { try $0.decode(column: "id", as: Int64.self) }
        for id in ending {
            try await store.transaction { [store] db in
                guard let subscription = try await Self.lockedSubscription(id, on: db), subscription.status == .active, subscription.cancelAtPeriodEnd else { return }
                let ended = try await Self.update(subscription, status: try subscription.status.after(.end), "ended_at = \(bind: now)", now: now, on: db)
                try await Self.announce(.ended, ended, failure: nil, store: store, now: now, on: db, announce)
            }
        }
        return ending.count
    }

    // MARK: Inside a transaction

    /// Opens the next period's invoice of an active subscription whose period ended, at `price` (the price from now
    /// on), unless one is open already.
    private func openRenewal(_ id: Int64, price: Money, now: Date) async throws {
        try await store.transaction { db in
            guard let subscription = try await Self.lockedSubscription(id, on: db), subscription.status == .active, subscription.currentPeriodEnd <= now else { return }
            let period = subscription.periodsPaid + 1
            guard try await db.raw("""
                SELECT id FROM subscription_invoices WHERE subscription_id = \(bind: id) AND period = \(bind: period)
                """).first() == nil else { return }
            try await db.raw("UPDATE subscriptions SET price_minor = \(bind: price.minorUnits) WHERE id = \(bind: id)").run()
            _ = try await Self.openInvoice(
                subscription, period: period, start: subscription.currentPeriodEnd, end: SubscriptionPlan.periodEnd(anchor: subscription.billingAnchor, period: period),
                price: price, now: now, on: db
            )
        }
    }

    private static func openInvoice(
        _ subscription: Subscription, period: Int, start: Date, end: Date, price: Money, now: Date, on db: any SQLDatabase
    ) async throws -> SubscriptionInvoice {
        let tax = try await FeeRules.tax(for: subscription.userID, on: db)
        guard let row = try await db.raw("""
            INSERT INTO subscription_invoices (subscription_id, period, period_start, period_end, currency, amount_minor, tax_minor, tax_note, status, created_at)
            VALUES (\(bind: subscription.id), \(bind: period), \(bind: start), \(bind: end), \(bind: price.currency.code), \(bind: price.minorUnits),
                    \(bind: tax.tax(on: price).minorUnits), \(bind: tax.note), \(state: SubscriptionInvoiceStatus.open), \(bind: now))
            RETURNING \(SubscriptionInvoice.columns)
            """).first() else { throw StoreError.conflict("the invoice was not opened") }
        return try SubscriptionInvoice(row: row)
    }

    /// Processor clearing → the platform's revenue (the price) and tax payable (the tax on it).
    static func paymentLines(_ invoice: SubscriptionInvoice) -> [LedgerTransactionDraft.Line] {
        let currency = invoice.amount.currency
        var lines = [
            LedgerTransactionDraft.Line(LedgerAccountKey(.processorClearing, currency: currency), -invoice.total.minorUnits),
            LedgerTransactionDraft.Line(LedgerAccountKey(.platformRevenue, currency: currency), invoice.amount.minorUnits),
        ]
        if invoice.tax.minorUnits > 0 { lines.append(LedgerTransactionDraft.Line(LedgerAccountKey(.taxPayable, currency: currency), invoice.tax.minorUnits)) }
        return lines
    }

    private static func update(_ subscription: Subscription, status: SubscriptionStatus, _ changes: SQLQueryString, now: Date, on db: any SQLDatabase) async throws -> Subscription {
        guard let row = try await db.raw("""
            UPDATE subscriptions SET status = \(state: status), \(changes), updated_at = \(bind: now)
            WHERE id = \(bind: subscription.id) RETURNING \(Subscription.columns)
            """).first() else { throw StoreError.notFound("the subscription") }
        return try Subscription(row: row)
    }

    private static func locked(_ invoiceID: Int64, on db: any SQLDatabase) async throws -> (SubscriptionInvoice, Subscription) {
        guard let row = try await db.raw("SELECT subscription_id FROM subscription_invoices WHERE id = \(bind: invoiceID)").first(),
              let subscription = try await lockedSubscription(try row.decode(column: "subscription_id", as: Int64.self), on: db),
              let invoice = try await db.raw("SELECT \(SubscriptionInvoice.columns) FROM subscription_invoices WHERE id = \(bind: invoiceID)").first().map(SubscriptionInvoice.init(row:))
        else { throw StoreError.notFound("the invoice") }
        return (invoice, subscription)
    }

    private static func lockedSubscription(_ id: Int64, on db: any SQLDatabase) async throws -> Subscription? {
        let lock: SQLQueryString = db.dialect.name == "postgresql" ? " FOR UPDATE" : ""
        return try await db.raw("SELECT \(Subscription.columns) FROM subscriptions WHERE id = \(bind: id)\(lock)").first().map(Subscription.init(row:))
    }

    private static func announce(
        _ kind: SubscriptionEvent.Kind, _ subscription: Subscription, failure: PaymentFailure?, store: Store, now: Date, on db: any SQLDatabase, _ announce: Announce
    ) async throws {
        guard let recipient = try await NotificationRepository.recipients([subscription.userID], on: db)[subscription.userID] else { return }
        let event = SubscriptionEvent(kind: kind, subscription: subscription, recipient: recipient, failure: failure)
        try await NotificationRepository.write(try announce(event), store: store, on: db, now: now)
    }
}

/// Something about a provider's subscription they are told of.
public struct SubscriptionEvent: Sendable {
    public enum Kind: Sendable {
        case firstChargeDeclined
        case renewalDeclined
        case downgraded
        case ended
    }

    public let kind: Kind
    public let subscription: Subscription
    public let recipient: Recipient
    public let failure: PaymentFailure?
}
