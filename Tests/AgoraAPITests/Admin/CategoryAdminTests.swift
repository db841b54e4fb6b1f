import AgoraAPI
import AgoraDomain
import AgoraJobs
import AgoraSite
import AgoraStore
import AgoraTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Category administration")
struct CategoryAdminTests {
    func categoryID(_ harness: AuthHarness, _ slug: String) async throws -> Int {
        Int(try #require(try await CategoryRepository(store: harness.store).tree().category(slug: try Slug(slug))).id)
    }

    @Test("an administrator creates, renames, reorders, hides and moves categories; never under their own branch", arguments: TestDatabase.engines)
    func editing(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            try await MarketplaceSeeder(store: harness.store).seed(providers: 40, seed: 2, now: AuthHarness.start)
            let admin = try await harness.signedInAdministrator()
            let client = try await harness.signedUp("ada@example.com")
            let body = #"{"name": "Quantum Computing", "description": "Qubits for hire.", "parent": "web-development"}"#
            #expect(try await harness.send(.post, "/api/admin/categories", json: body, bearer: client.accessToken).status == .forbidden)
            #expect(try await harness.send(.post, "/api/admin/categories", json: body).status == .unauthorized)

            let created = try await harness.send(.post, "/api/admin/categories", json: body, bearer: admin.accessToken)
            #expect(created.status == .created)
            let quantum = try created.json()
            #expect(quantum["slug"] as? String == "quantum-computing")
            #expect(quantum["parent"] as? String == "web-development")
            #expect(try await harness.send(.post, "/api/admin/categories", json: body, bearer: admin.accessToken).status == .conflict)
            let invalid = try await harness.send(.post, "/api/admin/categories", json: #"{"name": " ", "icon": "<svg>", "sort_order": 1.5, "colour": "red"}"#, bearer: admin.accessToken)
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.fieldErrors == ["colour"])
            #expect(try await harness.send(.post, "/api/admin/categories", json: #"{"name": "x\u0001"}"#, bearer: admin.accessToken).fieldErrors == ["name"])
            #expect(try await harness.send(.post, "/api/admin/categories", json: #"{"name": "Fine", "slug": "Bad Slug"}"#, bearer: admin.accessToken).fieldErrors == ["slug"])
            #expect(try await harness.send(.post, "/api/admin/categories", json: #"{"name": "Fine", "icon": "<svg>"}"#, bearer: admin.accessToken).fieldErrors == ["icon"])
            let unknownParent = try await harness.send(.post, "/api/admin/categories", json: #"{"name": "Orphans", "parent": "no-such"}"#, bearer: admin.accessToken)
            #expect(unknownParent.fieldErrors == ["parent"])

            let id = try #require(quantum["id"] as? Int)
            let renamed = try await harness.send(.patch, "/api/admin/categories/\(id)", json: #"{"name": "Quantum Software", "slug": "quantum-software", "sort_order": -5}"#, bearer: admin.accessToken)
            #expect(renamed.status == .ok)
            #expect(try renamed.json()["slug"] as? String == "quantum-software")
            #expect(try renamed.json()["sort_order"] as? Int == -5)
            let redirects = try await RedirectRepository(store: harness.store).all()
            #expect(redirects.contains { $0.from == "/categories/quantum-computing/" && $0.to == "/categories/quantum-software/" && $0.status == .movedPermanently })
            // The creation and the change are audited, the change as the fields it changed; the refused ones are not.
            let audited = try await AuditLog(store: harness.store).entries(about: .category, id: Int64(id))
            #expect(audited.map(\.action) == [.categoryChanged, .categoryCreated])
            let change = try #require(audited.first)
            let before = try #require(try JSONSerialization.jsonObject(with: Data(change.before.utf8)) as? [String: String])
            let after = try #require(try JSONSerialization.jsonObject(with: Data(change.after.utf8)) as? [String: String])
            #expect(Set(before.keys) == ["name", "slug", "sort_order"] && Set(after.keys) == Set(before.keys))
            #expect(before["name"] == "Quantum Computing" && after["name"] == "Quantum Software" && after["sort_order"] == "-5")
            #expect(audited.allSatisfy { $0.actorID == admin.userID })

            // Moving a top-level category under its own subcategory would cut the branch off: refused.
            let top = try await categoryID(harness, "web-development")
            let loop = try await harness.send(.patch, "/api/admin/categories/\(top)", json: #"{"parent": "quantum-software"}"#, bearer: admin.accessToken)
            #expect(loop.status == .unprocessableContent)
            #expect(loop.fieldErrors == ["parent"])
            let itself = try await harness.send(.patch, "/api/admin/categories/\(top)", json: #"{"parent": "web-development"}"#, bearer: admin.accessToken)
            #expect(itself.fieldErrors == ["parent"])
            // A subcategory moves to the top, and under another branch.
            #expect(try await harness.send(.patch, "/api/admin/categories/\(id)", json: #"{"parent": null}"#, bearer: admin.accessToken).status == .ok)
            #expect(try await CategoryRepository(store: harness.store).tree().category(id: Int64(id))?.parentID == nil)
            #expect(try await harness.send(.patch, "/api/admin/categories/\(id)", json: #"{"parent": "design-creative"}"#, bearer: admin.accessToken).status == .ok)
            #expect(try await harness.send(.patch, "/api/admin/categories/999999", json: #"{"name": "Ghost"}"#, bearer: admin.accessToken).status == .notFound)

            // Hiding a category takes it out of the public tree and of search filters.
            let design = try await categoryID(harness, "design-creative")
            #expect(try await harness.send(.patch, "/api/admin/categories/\(design)", json: #"{"active": false}"#, bearer: admin.accessToken).status == .ok)
            let publicTree = try await harness.send(.get, "/api/categories").json()["categories"] as? [[String: Any]] ?? []
            #expect(!publicTree.contains { $0["slug"] as? String == "design-creative" })
            #expect(try await harness.send(.get, "/api/search/providers?category=design-creative").status == .badRequest)
            let adminTree = try await harness.send(.get, "/api/admin/categories", bearer: admin.accessToken).json()["categories"] as? [[String: Any]] ?? []
            #expect(adminTree.first { $0["slug"] as? String == "design-creative" }?["active"] as? Bool == false)
        }
    }

    @Test("listing a provider in a category shows in search at once", arguments: TestDatabase.engines)
    func listing(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            try await MarketplaceSeeder(store: harness.store).seed(providers: 10, seed: 2, now: AuthHarness.start)
            let admin = try await harness.signedInAdministrator()
            let created = try await harness.send(.post, "/api/admin/categories", json: #"{"name": "Rare Skills"}"#, bearer: admin.accessToken).json()
            let id = try #require(created["id"] as? Int)
            let provider = try #require(try await harness.store.sql.raw("SELECT user_id FROM user_profiles ORDER BY user_id LIMIT 1").first()?.decode(column: "user_id", as: Int64.self))
            func total() async throws -> Int? { try await harness.send(.get, "/api/search/providers?category=rare-skills").json()["total"] as? Int }
            #expect(try await total() == 0)
            #expect(try await harness.send(.put, "/api/admin/categories/\(id)/providers/\(provider)", bearer: admin.accessToken).status == .noContent)
            #expect(try await harness.send(.put, "/api/admin/categories/\(id)/providers/\(provider)", bearer: admin.accessToken).status == .noContent)
            let listings = try await AuditLog(store: harness.store).entries(about: .category, id: Int64(id)).filter { $0.action == .providerListed }
            #expect(listings.count == 2 && listings.allSatisfy { $0.after == #"{"provider_id":"\#(provider)"}"# })
            harness.clock.advance(by: 2)
            var found = try await total()
            for _ in 0..<100 where found != 1 {
                try await Task.sleep(for: .milliseconds(20))
                found = try await total()
            }
            #expect(found == 1)
            let name = try #require(try await harness.store.sql.raw("SELECT first_name FROM users WHERE id = \(bind: provider)").first()?.decode(column: "first_name", as: String.self))
            let byWord = try await harness.send(.get, "/api/search/providers?q=\(name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? name)&category=rare-skills").json()
            #expect(byWord["total"] as? Int == 1)
            #expect(try await harness.send(.put, "/api/admin/categories/\(id)/providers/999999", bearer: admin.accessToken).status == .notFound)
            #expect(try await harness.send(.delete, "/api/admin/categories/\(id)/providers/\(provider)", bearer: admin.accessToken).status == .noContent)
        }
    }

    @Test("a renamed category reaches its pages through the site-changes queue and the worker; its old address redirects", arguments: TestDatabase.engines)
    func regeneration(engine: TestDatabase) async throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        try await engine.withStore { store async throws in
            let options = try await RepositorySite.build(in: scratch, store: store, providers: 10)
            let configuration = try await TestConfiguration.make(site: options.outputDirectory)
            _ = try await Administrators.create(
                firstName: "Grace", lastName: "Admin", email: "grace@example.com", password: AuthHarness.password,
                settings: configuration.auth, store: store, now: Date()
            )
            let app = try await buildApplication(configuration: configuration, store: store)
            let newPage = options.outputDirectory.appendingPathComponent("categories/front-ends/index.html")
            try await app.test(.router) { client in
                let login = try await client.execute(
                    uri: "/api/auth/login", method: .post, headers: [.contentType: "application/json"],
                    body: ByteBuffer(string: #"{"email": "grace@example.com", "password": "\#(AuthHarness.password)"}"#)
                )
                let token = try SignIn(login).accessToken
                try await AuthHarness.enrolTwoFactor(client: client, token: token, now: Date())
                let id = try #require(try await CategoryRepository(store: store).tree().category(slug: try Slug("frontend-development"))?.id)
                let changed = try await client.execute(
                    uri: "/api/admin/categories/\(id)", method: .patch,
                    headers: [.contentType: "application/json", .authorization: "Bearer \(token)"],
                    body: ByteBuffer(string: #"{"name": "Front ends & Interfaces", "slug": "front-ends"}"#)
                )
                #expect(changed.status == .ok)
                // The service built nothing: the change waits in the queue.
                #expect(!FileManager.default.fileExists(atPath: newPage.path))
                let queued = try await SiteChangeQueue(store: store).recent()
                #expect(queued.map(\.change) == [.site])
                #expect(queued.first?.status == .pending)
                #expect(queued.first?.reason == "category front-ends changed")

                #expect(try await SiteRegenerationWorker(store: store, options: options).drainOnce() == 1)
                let page = try String(contentsOf: newPage, encoding: .utf8)
                #expect(page.contains("<h1>Front ends &amp; Interfaces</h1>"))
                let done = try #require(try await SiteChangeQueue(store: store).recent().first)
                #expect(done.status == .done)
                #expect(done.buildKind == .full, "a change to the categories changes every page's navigation")
                #expect((done.pagesWritten ?? 0) > 10)
                let old = try await client.execute(uri: "/categories/frontend-development/", method: .get)
                #expect(old.status == .movedPermanently)
                #expect(old.headers[.location]?.hasSuffix("/categories/front-ends/") == true)
            }
        }
    }

    @Test("a refused change queues nothing", arguments: TestDatabase.engines)
    func refusedChangeQueuesNothing(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            try await MarketplaceSeeder(store: harness.store).seed(providers: 5, seed: 2, now: AuthHarness.start)
            let admin = try await harness.signedInAdministrator()
            let web = try await categoryID(harness, "web-development")
            let child = try #require(try await CategoryRepository(store: harness.store).tree().category(slug: try Slug("frontend-development")))
            let moved = try await harness.send(.patch, "/api/admin/categories/\(web)", json: #"{"parent": "\#(child.slug.value)"}"#, bearer: admin.accessToken)
            #expect(moved.fieldErrors == ["parent"])
            #expect(try await SiteChangeQueue(store: harness.store).recent().isEmpty)
        }
    }
}
