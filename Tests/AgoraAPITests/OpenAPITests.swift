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
            let router = try await buildRouter(configuration: try await TestConfiguration.make(site: URL(fileURLWithPath: "/nonexistent")), store: store, liveReload: LiveReloadHub(), logger: Logger(label: "test"))
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
                    for reference in Self.references(in: document) {
                        #expect(Self.resolve(reference, in: document) != nil, "unresolved \(reference)")
                    }
                }
            }
        }
    }

    static func references(in value: Any) -> [String] {
        if let object = value as? [String: Any] {
            return object.flatMap { key, child in key == "$ref" ? [child as? String ?? ""] : references(in: child) }
        }
        if let array = value as? [Any] { return array.flatMap(references(in:)) }
        return []
    }

    static func resolve(_ reference: String, in document: [String: Any]) -> Any? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: Any? = document
        for part in reference.dropFirst(2).split(separator: "/") {
            node = (node as? [String: Any])?[String(part)]
        }
        return node
    }
}
