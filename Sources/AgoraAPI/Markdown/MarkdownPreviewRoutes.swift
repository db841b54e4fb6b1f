import AgoraDomain
import AgoraMarkdown
import Foundation
import Hummingbird

/// `POST /api/markdown/preview`: the HTML the service makes of a Markdown text, for live previews while writing
/// (the order description). The same engine and rules as the pages: raw HTML is dropped, unsafe links removed.
struct MarkdownPreviewRoutes: Sendable {
    struct PreviewInput: RequestBody {
        static let fields: Set<String> = ["markdown"]
        let markdown: String?

        init(reading body: inout JSONObjectBody) {
            markdown = body.string("markdown", maximumLength: OrderDetails.descriptionLength.upperBound, multiline: true)
        }
    }

    struct PreviewBody: ResponseEncodable {
        let html: String
    }

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.post("markdown/preview", use: preview)
    }

    @Sendable func preview(_ request: Request, context: AgoraRequestContext) async throws -> PreviewBody {
        _ = try context.requireIdentity()
        let input = try await request.decode(as: PreviewInput.self, context: context)
        return PreviewBody(html: MarkdownRenderer.userText.render(input.markdown ?? ""))
    }
}
