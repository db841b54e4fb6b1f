import AgoraStore
import ArgumentParser
import Foundation

/// `agora keys`: the keys that seal data at rest.
struct Keys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the keys that seal data at rest.",
        subcommands: [RotateMessageKeys.self]
    )
}

struct RotateMessageKeys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate",
        abstract: "Seal every project message again under the first of AGORA_MESSAGE_KEYS.",
        discussion: """
            Put the new secret first in AGORA_MESSAGE_KEYS and keep the old ones after it, restart the service, then run this: \
            messages are sealed again and their search index rebuilt a batch per transaction, while the service runs; an \
            interrupted run resumes where it stopped. Once it reports none left, drop the old secrets.
            """
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Messages sealed again per transaction.")
    var batch = 500

    func run() async throws {
        try LogSetup.bootstrap()
        guard (1...10_000).contains(batch) else { throw CommandError("--batch must be from 1 to 10000, not \(batch)") }
        let settings = try ServiceSettings.fromEnvironment(baseURL: Environment.value("AGORA_BASE_URL") ?? "http://127.0.0.1:8080")
        let keyring = MessageKeyring(secrets: settings.messageKeys)
        try await database.withStore { store in
            let rotation = MessageKeyRotation(store: store, keyring: keyring)
            var sealed = 0
            do {
                while case let count = try await rotation.rotateBatch(size: batch), count > 0 {
                    sealed += count
                }
            } catch let unreadable as MessageKeyError {
                throw CommandError("\(unreadable); put its secret back in AGORA_MESSAGE_KEYS and run this again")
            }
            print("\(try database.location): \(sealed) messages sealed again under key \(keyring.current.id); \(try await rotation.remaining()) left under older keys")
        }
    }
}
