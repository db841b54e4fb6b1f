import AgoraDomain
import Foundation
import SQLKit

/// One event a hosted processor sent (a Stripe webhook): its id, its type and the object it is about. The platform
/// takes each id once: `take` writes it inside the transaction of the event's effect, and answers false when it was
/// taken before, so the effect is skipped.
public struct ProcessorEvent: Sendable, Hashable {
    public let processor: PaymentProcessorKind
    public let id: String
    public let type: String
    public let objectID: String?

    public init(processor: PaymentProcessorKind, id: String, type: String, objectID: String?) {
        self.processor = processor
        self.id = id
        self.type = type
        self.objectID = objectID
    }

    /// Records the event inside the caller's transaction; false when it was recorded before.
    static func take(_ event: ProcessorEvent?, now: Date, on db: any SQLDatabase) async throws -> Bool {
        guard let event else { return true }
        return try await db.raw("""
            INSERT INTO processor_events (processor, event_id, event_type, object_id, received_at)
            VALUES (\(state: event.processor), \(bind: event.id), \(bind: event.type), \(bind: event.objectID), \(bind: now))
            ON CONFLICT DO NOTHING RETURNING event_id
            """).first() != nil
    }
}

/// The events a processor sent that change nothing of the platform's (or whose object it does not know), recorded so
/// that a replay is recognised like any other.
public struct ProcessorEventLog: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// Records an event with no effect; false when it was recorded before.
    public func record(_ event: ProcessorEvent, now: Date) async throws -> Bool {
        try await store.transaction { db in try await ProcessorEvent.take(event, now: now, on: db) }
    }

    /// Whether the event was taken before.
    public func wasTaken(_ event: ProcessorEvent) async throws -> Bool {
        try await store.sql.raw("""
            SELECT event_id FROM processor_events WHERE processor = \(state: event.processor) AND event_id = \(bind: event.id)
            """).first() != nil
    }
}
