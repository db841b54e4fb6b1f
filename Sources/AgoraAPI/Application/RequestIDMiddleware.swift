import HTTPTypes
import Hummingbird

/// Returns the request's id in `X-Request-ID`, so a user's report can be matched with the log lines.
struct RequestIDMiddleware<Context: RequestContext>: RouterMiddleware {
    static var headerName: HTTPField.Name { HTTPField.Name("X-Request-ID")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[Self.headerName] = context.id
        return response
    }
}
