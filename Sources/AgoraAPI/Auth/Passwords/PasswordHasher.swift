import HummingbirdBcrypt
import NIOCore
import NIOPosix

/// Hashes and checks passwords. bcrypt is slow on purpose, so the work runs on a thread pool of its own, never on an
/// event loop: other requests keep being served while logins are checked.
protocol PasswordHasher: Sendable {
    func hash(_ password: String) async throws -> String
    func verify(_ password: String, hash: String) async throws -> Bool
}

struct BcryptPasswordHasher: PasswordHasher {
    let cost: Int
    let threadPool: NIOThreadPool

    /// bcrypt's own threads: one fewer than the cores, so that a flood of logins leaves a core to the event loops, and
    /// apart from NIO's shared pool, where SQLite runs its queries (a query must not wait behind a hash).
    static let threads: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: max(1, System.coreCount - 1))
        pool.start()
        return pool
    }()

    init(cost: Int, threadPool: NIOThreadPool = BcryptPasswordHasher.threads) {
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
