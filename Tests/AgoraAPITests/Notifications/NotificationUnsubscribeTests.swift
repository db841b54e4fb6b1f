import AgoraDomain
import AgoraJobs
import AgoraStore
import AgoraTestSupport
import AgoraWorkflows
import Foundation
import Testing

/// One-click unsubscribes (RFC 8058) per category, for the digest and for all optional mail, followed by the writer of
/// notifications, the email worker, the preferences and the figures.
@Suite("Unsubscribing from notification emails")
struct NotificationUnsubscribeTests {
    func channels(_ category: String, of member: SignIn, in market: OrderMarketplace) async throws -> [String]? {
        let body = try await market.harness.send(.get, "/api/notification-preferences", bearer: member.accessToken).json()
        return (body["categories"] as? [[String: Any]])?.first { $0["category"] as? String == category }?["channels"] as? [String]
    }

    func preference(_ name: String, of member: SignIn, in market: OrderMarketplace) async throws -> Any? {
        try await market.harness.send(.get, "/api/notification-preferences", bearer: member.accessToken).json()[name]
    }

    /// The path of the `List-Unsubscribe` URL of the newest email of one template to an address.
    func unsubscribePath(_ template: String, to address: String, in market: OrderMarketplace) async throws -> String? {
        let header = try await EmailOutbox(store: market.harness.store).messages(to: address).first { $0.template == template }?.headers["List-Unsubscribe"]
        return header.map { String($0.dropFirst().dropLast().dropFirst(TestConfiguration.baseURL.count)) }
    }

    @Test("a notification email's link stops its category's emails only, on POST only; a link widened or made up is refused", arguments: TestDatabase.engines)
    func category(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            _ = try await market.postOrder(market.ada)
            let path = try #require(try await unsubscribePath("order-confirmation", to: "ada@example.com", in: market))
            let confirmation = try #require(try await EmailOutbox(store: harness.store).messages(to: "ada@example.com").first { $0.template == "order-confirmation" })
            #expect(confirmation.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click")
            #expect(confirmation.textBody.contains(TestConfiguration.baseURL + PagePaths.unsubscribe + "?token="), "the footer links to the page that asks")

            let described = try await harness.send(.get, path)
            #expect(described.status == .ok, "\(described.text)")
            let link = try described.json()
            #expect(link["scope"] as? String == "orders" && link["label"] as? String == "emails about Orders" && link["email"] as? String == "ada@example.com")
            #expect(try await channels("orders", of: market.ada, in: market) == ["in_app", "email"], "reading the link changes nothing")

            let done = try await harness.send(.post, path, json: "List-Unsubscribe=One-Click", contentType: "application/x-www-form-urlencoded")
            #expect(done.status == .ok, "\(done.text)")
            #expect(try done.json()["message"] as? String == "You will not receive emails about Orders at ada@example.com any more.")
            #expect(try await harness.send(.post, path).status == .ok, "twice is the same as once")
            #expect(try await channels("orders", of: market.ada, in: market) == ["in_app"])
            #expect(try await channels("proposals", of: market.ada, in: market) == ["in_app", "email"], "other categories keep their email")
            #expect(try await channels("orders", of: market.bob, in: market) == ["in_app", "email"], "nobody else's choice moves")
            #expect(try await preference("optional_mail", of: market.ada, in: market) as? Bool == true, "other optional mail still comes")

            let before = try await EmailOutbox(store: harness.store).messages(to: "ada@example.com").count
            _ = try await market.postOrder(market.ada)
            #expect(try await EmailOutbox(store: harness.store).messages(to: "ada@example.com").count == before)
            #expect(try await market.deliveries(of: market.ada.userID).prefix(2) == ["email:suppressed", "in_app:sent"])

            let token = String(path.split(separator: "=", maxSplits: 1)[1])
            let parts = token.split(separator: ".").map(String.init)
            for forged in [
                [parts[0], "proposals", parts[2]], [parts[0], "account_security", parts[2]], [parts[0], "all", parts[2]], [parts[0], parts[2]],
            ] {
                let refused = try await harness.send(.post, UnsubscribeLinks.path + "?token=" + forged.joined(separator: "."))
                #expect(refused.status == .badRequest && refused.problemType == "urn:agora:problem:invalid-token", "\(forged[1])")
            }
            #expect(try await harness.send(.get, UnsubscribeLinks.path + "?token=nothing").status == .badRequest)
            #expect(try await channels("proposals", of: market.ada, in: market) == ["in_app", "email"])
            #expect(UnsubscribeScope(name: NotificationCategory.accountSecurity.rawValue) == nil, "no link can name security notices")
        }
    }

    @Test("an email held by quiet hours is not sent once its category, or the digest, is unsubscribed before it leaves", arguments: TestDatabase.engines)
    func heldThenStopped(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let quiet = market.quietHoursAroundNow()
            _ = try await harness.send(.put, "/api/notification-preferences", json: #"{"quiet_hours": \#(quiet), "time_zone": "UTC", "digest": "off"}"#, bearer: market.ada.accessToken)
            _ = try await market.postOrder(market.ada)
            _ = try await market.postOrder(market.bob)
            let adaPath = try #require(try await unsubscribePath("order-confirmation", to: "ada@example.com", in: market))
            #expect(try await harness.send(.post, adaPath).status == .ok)

            harness.clock.advance(by: 3_600)
            let worker = EmailWorker(
                store: harness.store, transport: FileMailTransport(directory: FileManager.default.temporaryDirectory.appendingPathComponent("mail-\(UUID())")),
                sender: "Agora <no-reply@agora.test>", clock: harness.clock
            )
            try await worker.drainOnce()
            let held = try #require(try await EmailOutbox(store: harness.store).messages(to: "ada@example.com").first { $0.template == "order-confirmation" })
            #expect(held.status == .failed && held.lastError == "the recipient unsubscribed from emails about Orders")
            #expect(try await EmailOutbox(store: harness.store).messages(to: "bob@example.com").first { $0.template == "order-confirmation" }?.status == .sent,
                    "another member's email leaves")
            #expect(try await market.deliveries(of: market.ada.userID).prefix(2) == ["email:suppressed", "in_app:sent"])

            let repository = EmailUnsubscribeRepository(store: harness.store)
            #expect(try await repository.isUnsubscribed("ada@example.com", from: .digest), "no digest chosen")
            let ada = try SignIn(try await harness.login("ada@example.com"))
            let weekly = try await harness.send(.put, "/api/notification-preferences", json: #"{"time_zone": "UTC", "digest": "weekly"}"#, bearer: ada.accessToken)
            #expect(weekly.status == .ok, "\(weekly.text)")
            #expect(try await !repository.isUnsubscribed("ADA@example.com", from: .digest))
            #expect(try await !repository.isUnsubscribed("ada@example.com", from: .category(.proposals)))
            #expect(try await !repository.isUnsubscribed("ada@example.com", from: .allOptionalMail))
        }
    }

    @Test("the digest's link turns the digest off; the all-mail link and the preferences page stop and restore every optional email", arguments: TestDatabase.engines)
    func digestAndAll(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let ada = try Email("ada@example.com")
            _ = try await harness.send(.put, "/api/notification-preferences", json: #"{"time_zone": "Europe/Paris", "digest": "daily"}"#, bearer: market.ada.accessToken)
            #expect(try await harness.send(.post, harness.composer.unsubscribe.url(for: ada, scope: .digest).dropFirst(TestConfiguration.baseURL.count).description).status == .ok)
            #expect(try await preference("digest", of: market.ada, in: market) as? String == "off")
            #expect(try await preference("time_zone", of: market.ada, in: market) as? String == "Europe/Paris", "the rest of the choices stay")

            #expect(try await harness.send(.post, harness.composer.unsubscribe.url(for: ada).dropFirst(TestConfiguration.baseURL.count).description).status == .ok)
            #expect(try await preference("optional_mail", of: market.ada, in: market) as? Bool == false)
            #expect(try await preference("optional_mail", of: market.bob, in: market) as? Bool == true)

            // An email queued before (the category still on) is kept out by the worker, and its delivery says so.
            _ = try await market.postOrder(market.ada)
            let worker = EmailWorker(
                store: harness.store, transport: FileMailTransport(directory: FileManager.default.temporaryDirectory.appendingPathComponent("mail-\(UUID())")),
                sender: "Agora <no-reply@agora.test>", clock: harness.clock
            )
            try await worker.drainOnce()
            let held = try #require(try await EmailOutbox(store: harness.store).messages(to: "ada@example.com").first { $0.template == "order-confirmation" })
            #expect(held.status == .failed && held.lastError?.contains("unsubscribed") == true)
            #expect(try await market.deliveries(of: market.ada.userID).prefix(2) == ["email:suppressed", "in_app:sent"])

            let bad = try await harness.send(.put, "/api/notification-preferences", json: #"{"time_zone": "UTC", "digest": "off", "optional_mail": "yes"}"#, bearer: market.ada.accessToken)
            #expect(bad.fieldErrors == ["optional_mail"])
            #expect(try await preference("optional_mail", of: market.ada, in: market) as? Bool == false, "a refused change changes nothing")
            let restored = try await harness.send(.put, "/api/notification-preferences", json: #"{"time_zone": "UTC", "digest": "off", "optional_mail": true}"#, bearer: market.ada.accessToken)
            #expect(try restored.json()["optional_mail"] as? Bool == true)
            #expect(try await !EmailUnsubscribeRepository(store: harness.store).isUnsubscribed("ada@example.com"))
            _ = try await harness.send(.put, "/api/notification-preferences", json: #"{"time_zone": "UTC", "digest": "off"}"#, bearer: market.ada.accessToken)
            #expect(try await preference("optional_mail", of: market.ada, in: market) as? Bool == true, "left out, it stays as it was")
        }
    }

    @Test("the figures count the addresses that used each kind of link, and each kind's category", arguments: TestDatabase.engines)
    func figures(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let admin = try await harness.signedInAdministrator()
            _ = try await market.postOrder(market.ada)
            _ = try await market.postOrder(market.bob)
            for address in ["ada@example.com", "bob@example.com"] {
                let path = try #require(try await unsubscribePath("order-confirmation", to: address, in: market))
                #expect(try await harness.send(.post, path).status == .ok)
                #expect(try await harness.send(.post, path).status == .ok, "the same address twice counts once")
            }
            let digest = harness.composer.unsubscribe.url(for: try Email("ada@example.com"), scope: .digest).dropFirst(TestConfiguration.baseURL.count)
            #expect(try await harness.send(.post, String(digest)).status == .ok)

            let body = try await harness.send(.get, "/api/admin/notifications/analytics?days=7", bearer: admin.accessToken).json()
            let scopes = try #require(body["unsubscribes_by_scope"] as? [[String: Any]])
            func addresses(_ scope: String) -> Int? { scopes.first { $0["scope"] as? String == scope }?["addresses"] as? Int }
            #expect(addresses("orders") == 2 && addresses("digest") == 1 && addresses("all") == 0 && addresses("proposals") == 0)
            #expect(scopes.count == UnsubscribeScope.all.count)
            #expect(body["unsubscribes"] as? Int == 0)
            let kinds = try #require(body["kinds"] as? [[String: Any]])
            #expect(!kinds.isEmpty)
            for kind in kinds {
                #expect(kind["unsubscribes"] as? Int == (kind["category"] as? String == "orders" ? 2 : 0), "\(kind["kind"] ?? "")")
            }
        }
    }
}
