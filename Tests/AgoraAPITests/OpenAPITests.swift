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

@Suite("The served OpenAPI document")
struct ServedOpenAPITests {
    @Test("outside watch mode the live-reload routes are not described; every route with a body lists 400 and 415")
    func servedDocument() async throws {
        try await APIFixture.with { client in
            let document = try await client.execute(uri: "/api/openapi.json", method: .get).json()
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            #expect(paths["/api/dev/events"] == nil && paths["/api/dev/live-reload.js"] == nil)
            #expect(paths["/api/health"] != nil)
            var withBodies = 0
            for (path, operations) in paths {
                for (method, value) in operations {
                    guard let operation = value as? [String: Any], operation["requestBody"] != nil else { continue }
                    withBodies += 1
                    let responses = try #require(operation["responses"] as? [String: Any])
                    #expect(responses["400"] != nil && responses["415"] != nil, "\(method) \(path)")
                }
            }
            #expect(withBodies > 20)
            let inbox = try await client.execute(uri: "/api/orders/inbox", method: .patch)
            #expect(inbox.status == .methodNotAllowed && inbox.headers[.allow] == "GET, HEAD", "a static path speaks for itself")
        }
    }
}
