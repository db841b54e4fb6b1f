import Hummingbird

/// A deadline for each request: reading its body and answering it. A client that trickles a body byte by byte (which
/// keeps the connection from looking idle) or a request stuck behind something slow is answered `503` with the
/// `request-timeout` problem, and the work on it is cancelled. Streams the service writes after answering (the live
/// reload events) are not limited.
struct RequestDeadlineMiddleware<Context: RequestContext>: RouterMiddleware {
    let deadline: Duration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let deadline = deadline
        return try await withoutActuallyEscaping(next) { next in
            // The rest of the chain runs in a child task, so that the deadline can end it. It is called once, and
            // only from that task; the group ends before `next` does (`withoutActuallyEscaping`).
            nonisolated(unsafe) let rest = next
            return try await withThrowingTaskGroup(of: Response.self) { group in
                group.addTask { try await rest(request, context) }
                group.addTask {
                    try await Task.sleep(for: deadline)
                    throw Problem.requestTimeout(after: deadline)
                }
                defer { group.cancelAll() }
                guard let first = try await group.next() else { throw Problem.requestTimeout(after: deadline) }
                return first
            }
        }
    }
}

extension Problem {
    static func requestTimeout(after deadline: Duration) -> Problem {
        Problem(
            status: .serviceUnavailable, detail: "The request took longer than \(deadline.components.seconds) seconds and was stopped.",
            type: .requestTimeout, retryAfter: 1
        )
    }
}
