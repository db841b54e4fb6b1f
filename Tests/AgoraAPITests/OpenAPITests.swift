import AgoraAPI
import AgoraTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@Suite("OpenAPI document")
struct OpenAPITests {
    @Test("the document describes exactly the routes the router has in watch mode, the one with every route")
    func matchesRoutes() async throws {
        try await TestDatabase.sqlite.withStore { store async throws in
            let router = buildRouter(configuration: APIConfiguration(siteDirectory: URL(fileURLWithPath: "/nonexistent")), store: store, liveReload: LiveReloadHub(), logger: Logger(label: "test"))
            let routes = Set(router.routes.map { "\($0.method.rawValue) \($0.path)" })
            let app = Application(router: router)
            try await app.test(.router) { client in
                try await client.execute(uri: "/api/openapi.json", method: .get) { response in
                    #expect(response.status == .ok)
                    let document = try response.json()
                    #expect(document["openapi"] as? String == "3.1.0")
                    let paths = try #require(document["paths"] as? [String: [String: Any]])
                    let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
                    #expect(documented == routes)
                }
            }
        }
    }
}
