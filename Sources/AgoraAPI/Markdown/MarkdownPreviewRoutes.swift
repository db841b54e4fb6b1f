import AgoraDomain
import AgoraMarkdown
import Foundation
import Hummingbird

/// `POST /api/markdown/preview`: the HTML the service makes of a Markdown text, for live previews while writing
/// (the order description). The same engine and rules as the pages: raw HTML is dropped, unsafe links removed.
struct MarkdownPreviewRoutes: Sendable {
    struct PreviewBody: Encodable {
        let html: String
    }

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.post("markdown/preview", use: preview)
    }

    @Sendable func preview(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        _ = try context.requireIdentity()
        var body = try await JSONObjectBody.read(request, allowing: ["markdown"])
        let markdown = body.string("markdown", maximumLength: OrderDetails.descriptionLength.upperBound, multiline: true)
        try body.finish()
        return try JSONResponse.make(PreviewBody(html: MarkdownRenderer.userText.render(markdown ?? "")))
    }
}
