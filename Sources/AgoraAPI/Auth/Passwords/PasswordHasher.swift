import HummingbirdBcrypt
import NIOPosix

/// Hashes and checks passwords. bcrypt is slow on purpose, so the work runs on NIO's thread pool, never on an
/// event loop: other requests keep being served while logins are checked.
protocol PasswordHasher: Sendable {
    func hash(_ password: String) async throws -> String
    func verify(_ password: String, hash: String) async throws -> Bool
}

struct BcryptPasswordHasher: PasswordHasher {
    let cost: Int
    let threadPool: NIOThreadPool

    init(cost: Int, threadPool: NIOThreadPool = .singleton) {
        self.cost = cost
        self.threadPool = threadPool
    }

    func hash(_ password: String) async throws -> String {
        let cost = UInt8(clamping: cost)
        return try await threadPool.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    func verify(_ password: String, hash: String) async throws -> Bool {
        try await threadPool.runIfActive { Bcrypt.verify(password, hash: hash) }
    }
}
