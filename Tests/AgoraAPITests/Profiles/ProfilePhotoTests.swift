@testable import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import AgoraWorkflows
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Profile photos")
struct ProfilePhotoTests {
    static func upload(
        _ harness: AuthHarness, _ parts: [(name: String, fileName: String?, bytes: [UInt8])], bearer: String
    ) async throws -> TestResponse {
        var headers = HTTPFields()
        headers[.contentType] = "multipart/form-data; boundary=\(OrderFileTests.boundary)"
        headers[.authorization] = "Bearer \(bearer)"
        return try await harness.client.execute(uri: "/api/users/profile/photo", method: .post, headers: headers, body: OrderFileTests.multipart(parts))
    }

    static func photoFolders(_ harness: AuthHarness) -> [String] {
        MediaStorage(storageDirectory: harness.storage).folders(of: ProfilePhoto.self).map(\.key)
    }

    static func incoming(_ harness: AuthHarness) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: AttachmentStorage(root: harness.storage).incoming.path)) ?? []
    }

    @Test("a photo is cropped into variants without metadata, served for good at /media/, shown on the public profile at once, replaced and removed", arguments: TestDatabase.engines)
    func lifecycle(engine: TestDatabase) async throws {
        try await ProfileTests.with(engine) { harness, rita, category in
            let slug = try await ProfileTests.publish(harness, rita, category)
            let queuedBefore = try await SiteChangeQueue(store: harness.store).recent().count

            // 300 × 400 upright: a box 200 from the top exists only once the EXIF orientation is applied.
            let sent = try await Self.upload(harness, [("file", "me.jpg", try TestImages.bytes("gps-rotated.jpg")), ("crop", nil, Array("50,200,200".utf8))], bearer: rita.accessToken)
            #expect(sent.status == .ok, "\(sent.text)")
            let photo = try #require(try sent.json()["photo"] as? [String: Any])
            #expect(photo["widths"] as? [Int] == [160])
            let url = try #require(photo["url"] as? String)
            #expect(url.hasPrefix("/media/photos/") && url.hasSuffix("/160.jpg"))
            #expect(photo["webp_srcset"] as? String == url.replacingOccurrences(of: ".jpg", with: ".webp") + " 160w")
            let completeness = try #require(try sent.json()["completeness"] as? [String: Any])
            #expect((completeness["missing"] as? [String])?.contains("photo") == false)

            let folders = Self.photoFolders(harness)
            #expect(folders.count == 1)
            let folder = MediaStorage(storageDirectory: harness.storage).folder(of: ProfilePhoto.self, key: try #require(folders.first))
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
                let stored = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
                #expect(!TestImages.contains(stored, "GPS") && !TestImages.contains(stored, "Exif") && !TestImages.contains(stored, "Secret Name"), "\(name) keeps metadata")
            }
            #expect(Self.incoming(harness).isEmpty, "the upload itself is not kept")

            let served = try await harness.send(.get, url)
            #expect(served.status == .ok)
            #expect(served.headers[.contentType] == "image/jpeg")
            #expect(served.headers[.cacheControl] == "public, max-age=31536000, immutable")
            let webp = try await harness.send(.get, url.replacingOccurrences(of: ".jpg", with: ".webp"))
            #expect(webp.status == .ok && webp.headers[.contentType] == "image/webp")
            #expect(try await harness.send(.get, "/media/photos/../../agora.sqlite").status != .ok)

            let publicProfile = try await harness.send(.get, "/api/providers/\(slug)").json()
            #expect(publicProfile["photo_url"] as? String == url, "public at once, no review")
            let queued = try await SiteChangeQueue(store: harness.store).recent()
            let page = SiteChange.provider(try Slug(slug))
            #expect(queued.prefix(queued.count - queuedBefore).contains { $0.change == page }, "its page is queued")

            // A new photo replaces the old one's files.
            let replaced = try await Self.upload(harness, [("file", "me.webp", try TestImages.bytes("photo.webp"))], bearer: rita.accessToken)
            #expect(replaced.status == .ok, "\(replaced.text)")
            #expect((try replaced.json()["photo"] as? [String: Any])?["widths"] as? [Int] == [160, 320], "a 320 square makes two widths")
            #expect(Self.photoFolders(harness).count == 1 && Self.photoFolders(harness) != folders)
            #expect(try await harness.send(.get, url).status == .notFound, "the old variants are gone")

            let removed = try await harness.send(.delete, "/api/users/profile/photo", bearer: rita.accessToken)
            #expect(removed.status == .ok)
            #expect(try removed.json()["photo"] == nil || (try removed.json()["photo"] is NSNull))
            #expect(Self.photoFolders(harness).isEmpty)
            #expect(try await harness.send(.get, "/api/providers/\(slug)").json()["photo_url"] == nil)
            #expect(try await harness.send(.delete, "/api/users/profile/photo", bearer: rita.accessToken).status == .notFound)
        }
    }

    @Test("wrong types, SVG, bombs, damaged files and bad crop boxes are refused by name; nothing is half-stored", arguments: TestDatabase.engines)
    func badInput(engine: TestDatabase) async throws {
        try await ProfileTests.with(engine) { harness, rita, _ in
            let jpeg = try TestImages.bytes("gps-rotated.jpg")
            let svg = Array(#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="200" height="200"/></svg>"#.utf8)
            for (name, bytes) in [("me.svg", svg), ("me.pdf", OrderFileTests.pdf), ("me.gif", Array("GIF89a\u{1}\u{0}\u{1}\u{0}".utf8))] {
                let refused = try await Self.upload(harness, [("file", name, bytes)], bearer: rita.accessToken)
                #expect(refused.status == .unsupportedMediaType, "\(name): \(refused.text)")
                #expect(refused.problemType == "urn:agora:problem:unaccepted-file-type")
            }
            let bomb = try await Self.upload(harness, [("file", "big.png", try TestImages.bytes("bomb.png"))], bearer: rita.accessToken)
            #expect(bomb.status == .unprocessableContent && bomb.fieldErrors == ["file"], "\(bomb.text)")
            #expect(bomb.text.contains("60000 × 60000"))
            let truncated = try await Self.upload(harness, [("file", "cut.jpg", Array(jpeg.prefix(jpeg.count * 2 / 3)))], bearer: rita.accessToken)
            #expect(truncated.status == .unprocessableContent && truncated.fieldErrors == ["file"], "\(truncated.text)")
            let polyglot = try await Self.upload(harness, [("file", "x.jpg", [0xFF, 0xD8, 0xFF, 0xE0] + Array("<script>alert(1)</script>".utf8))], bearer: rita.accessToken)
            #expect(polyglot.status == .unprocessableContent && polyglot.fieldErrors == ["file"])
            for crop in ["a,b,c", "0,0", "-1,0,200", "0,0,0", "200,0,200", "0,0,100"] {
                let refused = try await Self.upload(harness, [("file", "me.jpg", jpeg), ("crop", nil, Array(crop.utf8))], bearer: rita.accessToken)
                #expect(refused.status == .unprocessableContent && refused.fieldErrors == ["crop"], "\(crop): \(refused.text)")
            }
            let stray = try await Self.upload(harness, [("file", "me.jpg", jpeg), ("caption", nil, Array("hi".utf8))], bearer: rita.accessToken)
            #expect(stray.status == .unprocessableContent && stray.fieldErrors == ["caption"])
            let twice = try await Self.upload(harness, [("crop", nil, Array("0,0,200".utf8)), ("crop", nil, Array("0,0,200".utf8)), ("file", "me.jpg", jpeg)], bearer: rita.accessToken)
            #expect(twice.status == .unprocessableContent && twice.fieldErrors == ["crop"])
            #expect(Self.photoFolders(harness).isEmpty, "no refused photo left variants")
            #expect(Self.incoming(harness).isEmpty, "no refused upload was kept")
            #expect(try await harness.send(.get, "/api/users/profile", bearer: rita.accessToken).json()["photo"] == nil)

            let client = try await harness.signedUp("carla@example.com", type: "client")
            let forbidden = try await Self.upload(harness, [("file", "me.jpg", jpeg)], bearer: client.accessToken)
            #expect(forbidden.status == .forbidden, "a client has no provider profile")
            #expect(try await harness.send(.delete, "/api/users/profile/photo", bearer: client.accessToken).status == .forbidden)
            var anonymous = HTTPFields()
            anonymous[.contentType] = "multipart/form-data; boundary=\(OrderFileTests.boundary)"
            let signedOut = try await harness.client.execute(uri: "/api/users/profile/photo", method: .post, headers: anonymous, body: OrderFileTests.multipart([("file", "me.jpg", jpeg)]))
            #expect(signedOut.status == .unauthorized)
        }
    }
}
