import HummingbirdBcrypt
import NIOCore
import NIOPosix
import Synchronization

/// Hashes and checks passwords. bcrypt is slow on purpose, so the work runs on a thread pool of its own, never on an
/// event loop: other requests keep being served while logins are checked.
protocol PasswordHasher: Sendable {
    func hash(_ password: String) async throws -> String
    func verify(_ password: String, hash: String) async throws -> Bool
}

struct BcryptPasswordHasher: PasswordHasher {
    let cost: Int
    let threadPool: NIOThreadPool
    let queue: HashingQueue

    /// bcrypt's own threads: one fewer than the cores, so that a flood of logins leaves a core to the event loops, and
    /// apart from NIO's shared pool, where SQLite runs its queries (a query must not wait behind a hash).
    static let threads: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: threadCount)
        pool.start()
        return pool
    }()
    static let threadCount = max(1, System.coreCount - 1)
    /// The hashes a service may have waiting or running: eight per thread, a few seconds of work at the default cost.
    static let queueCapacity = threadCount * 8

    /// `queue`: the service's bound (`AuthServices` makes one per service); a command that hashes once gets its own.
    init(cost: Int, threadPool: NIOThreadPool = BcryptPasswordHasher.threads, queue: HashingQueue = HashingQueue(capacity: BcryptPasswordHasher.queueCapacity)) {
        self.cost = cost
        self.threadPool = threadPool
        self.queue = queue
    }

    func hash(_ password: String) async throws -> String {
        let cost = UInt8(clamping: cost)
        return try await queue.run { try await threadPool.runIfActive { Bcrypt.hash(password, cost: cost) } }
    }

    func verify(_ password: String, hash: String) async throws -> Bool {
        try await queue.run { try await threadPool.runIfActive { Bcrypt.verify(password, hash: hash) } }
    }
}

/// A bound on the hashes waiting or running at once. One more than `capacity` is refused at once with a 503 and
/// `Retry-After` (the `service-busy` problem): a flood of password requests sheds load instead of queueing without
/// end while every sign-in waits behind it.
final class HashingQueue: Sendable {
    let capacity: Int
    private let taken = Atomic<Int>(0)

    init(capacity: Int) {
        precondition(capacity > 0, "a hashing queue holds at least one hash")
        self.capacity = capacity
    }

    /// Hashes waiting or running now.
    var count: Int { taken.load(ordering: .relaxed) }

    func run<T: Sendable>(_ work: () async throws -> T) async throws -> T {
        guard taken.add(1, ordering: .relaxed).newValue <= capacity else {
            taken.subtract(1, ordering: .relaxed)
            throw Problem.hashingBusy(retryAfter: Self.retryAfter)
        }
        defer { taken.subtract(1, ordering: .relaxed) }
        return try await work()
    }

    /// Seconds a refused client waits: about what the queue takes to drain at the default cost.
    static let retryAfter = 5
}
