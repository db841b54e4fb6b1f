import Logging
import ServiceLifecycle

/// A background job that does one pass every `interval` until the service group shuts down. A failed pass is
/// logged under the job's `name`, and the next one comes on time.
public protocol PeriodicJob: Service {
    associatedtype Pass: Sendable
    var interval: Duration { get }
    var logger: Logger { get }
    /// What the log calls the job.
    var name: String { get }
    /// One pass; what it returns is for the tests and the log.
    func runOnce() async throws -> Pass
}

extension PeriodicJob {
    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    _ = try await runOnce()
                } catch {
                    logger.warning("\(name): \(error)")
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
