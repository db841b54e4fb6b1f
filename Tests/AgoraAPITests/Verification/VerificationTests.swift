@testable import AgoraAPI
import AgoraDomain
import AgoraJobs
import AgoraStore
import AgoraTestSupport
import AgoraWorkflows
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Verification")
struct VerificationTests {
    static let passport = Array("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% passport of Ada Lovelace, number 12AB34567\n%%EOF\n".utf8)

    static func send(
        _ harness: AuthHarness, kind: String?, note: String? = nil, file: (String, [UInt8]) = ("passport.pdf", passport), bearer: String
    ) async throws -> TestResponse {
        var parts: [(name: String, fileName: String?, bytes: [UInt8])] = []
        if let kind { parts.append(("kind", nil, Array(kind.utf8))) }
        if let note { parts.append(("note", nil, Array(note.utf8))) }
        parts.append(("file", file.0, file.1))
        var headers = HTTPFields()
        headers[.contentType] = "multipart/form-data; boundary=\(OrderFileTests.boundary)"
        headers[.authorization] = "Bearer \(bearer)"
        return try await harness.client.execute(uri: "/api/verifications", method: .post, headers: headers, body: OrderFileTests.multipart(parts))
    }

    static func id(_ response: TestResponse) throws -> Int64 {
        try #require((try response.json()["id"] as? NSNumber)?.int64Value)
    }

    static func storedFiles(_ harness: AuthHarness) -> [String] {
        DocumentStorage(storageDirectory: harness.storage).files().map(\.name)
    }

    static func badges(_ harness: AuthHarness, _ slug: String) async throws -> [String] {
        (try await harness.send(.get, "/api/providers/\(slug)").json()["badges"] as? [[String: Any]])?.compactMap { $0["key"] as? String } ?? []
    }

    @Test("a document is sent, kept encrypted, opened by its owner and staff, approved into a badge, emailed, audited; it expires and is deleted", arguments: TestDatabase.engines)
    func approval(engine: TestDatabase) async throws {
        try await ProfileTests.with(engine) { harness, rita, category in
            let slug = try await ProfileTests.publish(harness, rita, category)
            #expect(try await Self.badges(harness, slug).isEmpty)
            let sent = try await Self.send(harness, kind: "identity-document", note: "Passport, issued in France", bearer: rita.accessToken)
            #expect(sent.status == .created, "\(sent.text)")
            #expect(try sent.json()["status"] as? String == "pending")
            let id = try Self.id(sent)

            let files = Self.storedFiles(harness)
            #expect(files.count == 1)
            let stored = try [UInt8](DocumentStorage(storageDirectory: harness.storage).read(try #require(files.first)))
            #expect(!TestImages.contains(stored, "%PDF") && !TestImages.contains(stored, "12AB34567"), "encrypted at rest")
            let incoming = (try? FileManager.default.contentsOfDirectory(atPath: harness.storage.appendingPathComponent("incoming").path)) ?? []
            #expect(incoming.isEmpty, "never written in plain")
            let own = try await harness.send(.get, "/api/verifications/\(id)/document", bearer: rita.accessToken)
            #expect(own.status == .ok && Array(own.body.readableBytesView) == Self.passport)
            #expect(own.headers[.cacheControl] == "private, no-store" && own.headers[.contentDisposition]?.hasPrefix("attachment") == true)
            #expect(try await Self.send(harness, kind: "identity-document", bearer: rita.accessToken).status == .conflict, "one open request a kind")

            let support = try await harness.signedInStaff("sam@example.com", role: .support)
            let queue = try await harness.send(.get, "/api/admin/verifications", bearer: support.accessToken)
            let listed = try #require((try queue.json()["verifications"] as? [[String: Any]])?.first)
            #expect(listed["note"] as? String == "Passport, issued in France")
            let staffCopy = try await harness.send(.get, "/api/admin/verifications/\(id)/document", bearer: support.accessToken)
            #expect(Array(staffCopy.body.readableBytesView) == Self.passport)
            let approved = try await harness.send(.post, "/api/admin/verifications/\(id)/approve", json: "{}", bearer: support.accessToken)
            #expect(approved.status == .ok, "\(approved.text)")
            #expect(try approved.json()["status"] as? String == "approved")
            #expect(try approved.json()["expires_at"] != nil)
            #expect(try await harness.send(.post, "/api/admin/verifications/\(id)/approve", json: "{}", bearer: support.accessToken).status == .conflict)
            #expect(try await harness.emails(to: "rita@example.com").contains { $0.template == "verification-decided" && $0.subject.contains("approved") })
            let audit = try await harness.send(.get, "/api/admin/audit-log?action=verification.approve", bearer: try await harness.signedInAdministrator().accessToken)
            #expect(audit.text.contains("verification.approve"))
            #expect(try await Self.badges(harness, slug) == ["identity-verified"], "the badge is public")
            #expect(try await harness.send(.get, "/api/providers/\(slug)").json()["verified"] as? Bool == true)
            #expect(try await SiteChangeQueue(store: harness.store).recent().contains { $0.change == .provider(try Slug(slug)) })
            #expect(try await Self.send(harness, kind: "identity-document", bearer: rita.accessToken).status == .conflict, "verified already")

            // Thirty days after the decision the document goes; the request stays.
            let sweep = StorageSweepJob(
                store: harness.store, storage: AttachmentStorage(root: harness.storage), media: MediaStorage(storageDirectory: harness.storage),
                documents: DocumentStorage(storageDirectory: harness.storage), clock: FixedClock(harness.clock.now.addingTimeInterval(VerificationRules.documentRetention + 60))
            )
            #expect(try await sweep.runOnce().documents == 1)
            #expect(Self.storedFiles(harness).isEmpty)
            #expect(try await harness.send(.get, "/api/verifications/\(id)/document", bearer: rita.accessToken).status == .notFound)
            let mine = try await harness.send(.get, "/api/verifications", bearer: rita.accessToken).json()
            let kept = try #require((mine["requests"] as? [[String: Any]])?.first)
            #expect(kept["status"] as? String == "approved" && (kept["document"] as? [String: Any])?["url"] == nil)

            // After its validity the approval expires and the badge goes.
            let expiry = VerificationExpiryJob(store: harness.store, clock: FixedClock(harness.clock.now.addingTimeInterval(VerificationKind.identity.validity + 60)))
            #expect(try await expiry.runOnce() == 1)
            #expect(try await Self.badges(harness, slug).isEmpty)
            #expect(try await harness.send(.get, "/api/providers/\(slug)").json()["verified"] as? Bool == false)
        }
    }

    @Test("a refusal needs a reason and may be appealed once, within its window; the appeal is decided like a request", arguments: TestDatabase.engines)
    func refusalAndAppeal(engine: TestDatabase) async throws {
        try await ProfileTests.with(engine) { harness, rita, category in
            let slug = try await ProfileTests.publish(harness, rita, category)
            let id = try Self.id(try await Self.send(harness, kind: "professional-licence", bearer: rita.accessToken))
            let support = try await harness.signedInStaff("sam@example.com", role: .support)
            #expect(try await harness.send(.post, "/api/admin/verifications/\(id)/reject", json: "{}", bearer: support.accessToken).fieldErrors == ["reason"])
            let refused = try await harness.send(.post, "/api/admin/verifications/\(id)/reject", json: #"{"reason": "The licence number is unreadable."}"#, bearer: support.accessToken)
            #expect(try refused.json()["status"] as? String == "rejected")
            #expect(try refused.json()["appealable_until"] != nil)
            #expect(try await harness.emails(to: "rita@example.com").contains { $0.template == "verification-decided" && $0.textBody.contains("unreadable") })
            #expect(try await harness.send(.post, "/api/verifications/\(id)/appeal", json: #"{"statement": "Too short"}"#, bearer: rita.accessToken).fieldErrors == ["statement"])
            let appealed = try await harness.send(.post, "/api/verifications/\(id)/appeal", json: #"{"statement": "The number is on the second page, which I added."}"#, bearer: rita.accessToken)
            #expect(try appealed.json()["status"] as? String == "appealed", "\(appealed.text)")
            #expect(try await harness.send(.post, "/api/verifications/\(id)/appeal", json: #"{"statement": "Once more, please look again."}"#, bearer: rita.accessToken).status == .conflict)
            let listed = try await harness.send(.get, "/api/admin/verifications", bearer: support.accessToken).json()["verifications"] as? [[String: Any]]
            #expect(listed?.first?["appeal_statement"] as? String == "The number is on the second page, which I added.")
            #expect(try await harness.send(.post, "/api/admin/verifications/\(id)/approve", json: #"{"reason": "Readable now."}"#, bearer: support.accessToken).status == .ok)
            #expect(try await Self.badges(harness, slug) == ["licence-verified"])

            // A second refusal of another request is past its window after 14 days.
            let address = try Self.id(try await Self.send(harness, kind: "address", bearer: rita.accessToken))
            let addressRefused = try await harness.send(.post, "/api/admin/verifications/\(address)/reject", json: #"{"reason": "Older than three months."}"#, bearer: support.accessToken)
            #expect(try addressRefused.json()["status"] as? String == "rejected")
            harness.clock.advance(by: VerificationRules.appealWindow + 60)
            let token = try #require(try await harness.login("rita@example.com").json()["access_token"] as? String)
            let late = try await harness.send(.post, "/api/verifications/\(address)/appeal", json: #"{"statement": "It is the latest bill I have."}"#, bearer: token)
            #expect(late.status == .conflict, "\(late.text)")
            #expect(try await Self.badges(harness, slug) == ["licence-verified"], "a proof of address gives no badge")
        }
    }

    @Test("bad requests are refused by name and nothing is kept; another provider's request is not found; only users.edit staff review", arguments: TestDatabase.engines)
    func refusalsAndAccess(engine: TestDatabase) async throws {
        try await ProfileTests.with(engine) { harness, rita, _ in
            #expect(try await Self.send(harness, kind: nil, bearer: rita.accessToken).fieldErrors == ["kind"])
            #expect(try await Self.send(harness, kind: "payment-method", bearer: rita.accessToken).fieldErrors == ["kind"], "verified by payments, not a document")
            #expect(try await Self.send(harness, kind: "identity-document", note: String(repeating: "n", count: 501), bearer: rita.accessToken).fieldErrors == ["note"])
            let svg = try await Self.send(harness, kind: "identity-document", file: ("id.svg", Array("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8)), bearer: rita.accessToken)
            #expect(svg.status == .unsupportedMediaType)
            let program = try await Self.send(harness, kind: "identity-document", file: ("id.pdf", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01]), bearer: rita.accessToken)
            #expect(program.status == .unsupportedMediaType, "an executable named .pdf")
            let large = try await Self.send(harness, kind: "identity-document", file: ("big.pdf", Array("%PDF-".utf8) + [UInt8](repeating: 0x20, count: Int(VerificationRules.maximumDocumentBytes))), bearer: rita.accessToken)
            #expect(large.status == .contentTooLarge)
            #expect(Self.storedFiles(harness).isEmpty, "nothing refused is kept")
            #expect((try await harness.send(.get, "/api/verifications", bearer: rita.accessToken).json()["requests"] as? [Any])?.isEmpty == true)

            let id = try Self.id(try await Self.send(harness, kind: "identity-document", bearer: rita.accessToken))
            let otto = try await harness.signedUp("otto@example.com", type: "provider")
            #expect(try await harness.send(.get, "/api/verifications/\(id)/document", bearer: otto.accessToken).status == .notFound)
            #expect(try await harness.send(.post, "/api/verifications/\(id)/appeal", json: #"{"statement": "Not mine to appeal at all."}"#, bearer: otto.accessToken).status == .notFound)
            #expect((try await harness.send(.get, "/api/verifications", bearer: otto.accessToken).json()["requests"] as? [Any])?.isEmpty == true)
            let client = try await harness.signedUp("carla@example.com", type: "client")
            #expect(try await harness.send(.get, "/api/verifications", bearer: client.accessToken).status == .forbidden)
            #expect(try await Self.send(harness, kind: "identity-document", bearer: client.accessToken).status == .forbidden)
            let moderator = try await harness.signedInStaff("mo@example.com", role: .moderator)
            for (method, path) in [(HTTPRequest.Method.get, "/api/admin/verifications"), (.get, "/api/admin/verifications/\(id)/document"), (.post, "/api/admin/verifications/\(id)/approve")] {
                let refused = try await harness.send(method, path, json: method == .post ? "{}" : nil, bearer: moderator.accessToken)
                #expect(refused.status == .forbidden, "\(path)")
                #expect(!refused.text.contains("%PDF"))
            }
            #expect(try await harness.send(.get, "/api/admin/verifications/\(id)/document", bearer: rita.accessToken).status == .forbidden)
            let support = try await harness.signedInStaff("sam@example.com", role: .support)
            #expect(try await harness.send(.get, "/api/admin/verifications?status=maybe", bearer: support.accessToken).fieldErrors == ["status"])
            #expect(try await harness.send(.post, "/api/admin/verifications/999999/approve", json: "{}", bearer: support.accessToken).status == .notFound)
        }
    }

    @Test("a document whose file was damaged or lost answers a problem that says so, to its owner and to staff", arguments: TestDatabase.engines)
    func unreadableDocument(engine: TestDatabase) async throws {
        try await ProfileTests.with(engine) { harness, rita, _ in
            let id = try Self.id(try await Self.send(harness, kind: "identity-document", bearer: rita.accessToken))
            let storage = DocumentStorage(storageDirectory: harness.storage)
            let name = try #require(Self.storedFiles(harness).first)
            var damaged = try storage.read(name)
            damaged[damaged.count - 1] ^= 0x01
            try damaged.write(to: storage.folder.appendingPathComponent(name))
            let support = try await harness.signedInStaff("sam@example.com", role: .support)
            for (path, bearer) in [("/api/verifications/\(id)/document", rita.accessToken), ("/api/admin/verifications/\(id)/document", support.accessToken)] {
                let refused = try await harness.send(.get, path, bearer: bearer)
                #expect(refused.status == .internalServerError && refused.problemType == "urn:agora:problem:unreadable-document", "\(path): \(refused.text)")
                #expect(!refused.text.contains("%PDF"))
            }
            storage.remove(name)
            let missing = try await harness.send(.get, "/api/verifications/\(id)/document", bearer: rita.accessToken)
            #expect(missing.problemType == "urn:agora:problem:unreadable-document" && missing.text.contains("cannot be read"))
        }
    }

    @Test("a sweep stopped between forgetting a document and deleting its file leaves a stray the next sweep deletes", arguments: TestDatabase.engines)
    func sweepStoppedHalfway(engine: TestDatabase) async throws {
        try await ProfileTests.with(engine) { harness, rita, _ in
            let id = try Self.id(try await Self.send(harness, kind: "identity-document", bearer: rita.accessToken))
            let support = try await harness.signedInStaff("sam@example.com", role: .support)
            #expect(try await harness.send(.post, "/api/admin/verifications/\(id)/approve", json: "{}", bearer: support.accessToken).status == .ok)
            let later = harness.clock.now.addingTimeInterval(VerificationRules.documentRetention + 60)
            let due = try await VerificationRepository(store: harness.store).documentsToDelete(now: later)
            #expect(due.map(\.id) == [id])
            try await VerificationRepository(store: harness.store).forgetDocuments([id], now: later)

            let halfway = try await harness.send(.get, "/api/verifications/\(id)/document", bearer: rita.accessToken)
            #expect(halfway.status == .notFound && halfway.text.contains("deleted after the decision"), "\(halfway.text)")
            let file = DocumentStorage(storageDirectory: harness.storage).folder.appendingPathComponent(try #require(Self.storedFiles(harness).first))
            try FileManager.default.setAttributes([.modificationDate: harness.clock.now], ofItemAtPath: file.path)
            let sweep = StorageSweepJob(
                store: harness.store, storage: AttachmentStorage(root: harness.storage), media: MediaStorage(storageDirectory: harness.storage),
                documents: DocumentStorage(storageDirectory: harness.storage), clock: FixedClock(later)
            )
            #expect(try await sweep.runOnce().documents == 1)
            #expect(Self.storedFiles(harness).isEmpty)
        }
    }

    @Test("the cipher opens what it sealed under the same name only, and refuses a changed byte")
    func cipher() throws {
        let cipher = DocumentCipher(secret: Array("a document key of at least thirty-two bytes".utf8))
        let sealed = try cipher.seal(Data(Self.passport), name: "one")
        #expect(try cipher.open(sealed, name: "one") == Data(Self.passport))
        #expect(throws: (any Error).self) { try cipher.open(sealed, name: "two") }
        var flipped = sealed
        flipped[flipped.count / 2] ^= 0x01
        #expect(throws: (any Error).self) { try cipher.open(flipped, name: "one") }
        let other = DocumentCipher(secret: Array("another key entirely, also long enough".utf8))
        #expect(throws: (any Error).self) { try other.open(sealed, name: "one") }
    }
}
