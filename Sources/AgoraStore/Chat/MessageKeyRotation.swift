import AgoraDomain
import Foundation
import SQLKit

/// Seals again, under the keyring's current key, every message sealed under an older one, and rebuilds its blind
/// index, a batch per transaction, so that the service keeps running and an interrupted rotation resumes where it
/// stopped (`agora keys rotate`). Once none is left the old secrets may be dropped.
public struct MessageKeyRotation: Sendable {
    let store: Store
    let keyring: MessageKeyring

    public init(store: Store, keyring: MessageKeyring) {
        self.store = store
        self.keyring = keyring
    }

    /// Messages still sealed under an older key.
    public func remaining() async throws -> Int {
        try await store.sql.raw("""
            SELECT COUNT(*) AS n FROM project_messages WHERE sealed_body IS NOT NULL AND key_id <> \(bind: keyring.current.id)
            """).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Seals one batch again; returns how many messages it held (0 when the rotation is done).
    public func rotateBatch(size: Int) async throws -> Int {
        try await store.transaction { [keyring] db in
            let rows = try await db.raw("""
                SELECT \(ChatRepository.columns) FROM project_messages
                WHERE sealed_body IS NOT NULL AND key_id <> \(bind: keyring.current.id) ORDER BY id LIMIT \(bind: size)
                """).all()
            for row in rows {
                let message = try ChatRepository.message(from: row, keyring: keyring)
                guard let body = message.body else { continue }
                let (sealed, keyID) = try keyring.seal(body, projectID: message.projectID)
                try await db.raw("""
                    UPDATE project_messages SET sealed_body = \(bind: sealed), key_id = \(bind: keyID) WHERE id = \(bind: message.id)
                    """).run()
                try await db.raw("DELETE FROM message_terms WHERE message_id = \(bind: message.id)").run()
                try await ChatRepository.index(message.id, projectID: message.projectID, body: body, under: keyring.current, keyring: keyring, on: db)
            }
            return rows.count
        }
    }
}
