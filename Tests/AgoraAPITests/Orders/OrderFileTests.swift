import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Crypto
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Order attachments")
struct OrderFileTests {
    static let boundary = "agora-test-boundary-7MA4YWxk"

    /// A multipart body with one part per (name, file name, bytes); `closed: false` leaves out the closing
    /// boundary, as an upload cut short would.
    static func multipart(_ parts: [(name: String, fileName: String?, bytes: [UInt8])], closed: Bool = true) -> ByteBuffer {
        var buffer = ByteBuffer()
        for part in parts {
            buffer.writeString("--\(boundary)\r\n")
            let fileName = part.fileName.map { "; filename=\"\($0)\"" } ?? ""
            buffer.writeString("Content-Disposition: form-data; name=\"\(part.name)\"\(fileName)\r\n")
            buffer.writeString("Content-Type: application/octet-stream\r\n\r\n")
            buffer.writeBytes(part.bytes)
            buffer.writeString("\r\n")
        }
        if closed { buffer.writeString("--\(boundary)--\r\n") }
        return buffer
    }

    static func upload(_ harness: AuthHarness, order: Int64, body: ByteBuffer, bearer: String?, contentType: String? = nil) async throws -> TestResponse {
        try await upload(harness, to: "/api/orders/\(order)/files", body: body, bearer: bearer, contentType: contentType)
    }

    /// Posts a multipart body (or another, with `contentType`) to an attachment route.
    static func upload(_ harness: AuthHarness, to path: String, body: ByteBuffer, bearer: String?, contentType: String? = nil) async throws -> TestResponse {
        var headers = HTTPFields()
        headers[.contentType] = contentType ?? "multipart/form-data; boundary=\(boundary)"
        if let bearer { headers[.authorization] = "Bearer \(bearer)" }
        return try await harness.client.execute(uri: path, method: .post, headers: headers, body: body)
    }

    static let pdf = Array("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".utf8)

    func storedFiles(_ harness: AuthHarness, _ folder: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: harness.storage.appendingPathComponent(folder).path)) ?? []
    }

    @Test("a file is sniffed, stored under a random name, and downloaded by those who may see the order", arguments: TestDatabase.engines)
    func uploadAndDownload(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let orderID = try await market.postOrder(market.ada)
            let uploaded = try await Self.upload(harness, order: orderID, body: Self.multipart([("file", "Brief \"final\" été.pdf", Self.pdf)]), bearer: market.ada.accessToken)
            #expect(uploaded.status == .created, "\(uploaded.text)")
            let body = try uploaded.json()
            #expect(body["media_type"] as? String == "application/pdf")
            #expect(body["file_name"] as? String == "Brief \"final\" été.pdf")
            #expect(body["byte_size"] as? Int == Self.pdf.count)
            #expect(body["sha256"] as? String == SHA256.hash(data: Self.pdf).map { String(format: "%02x", $0) }.joined())
            let url = try #require(body["url"] as? String)
            let names = storedFiles(harness, "orders")
            #expect(names.count == 1)
            #expect(names.allSatisfy { $0.wholeMatch(of: /[0-9a-f]{32}/) != nil })
            #expect(storedFiles(harness, "incoming").isEmpty)

            for reader in [market.ada, market.paula] {
                let download = try await harness.send(.get, url, bearer: reader.accessToken)
                #expect(download.status == .ok)
                #expect(Array(download.body.readableBytesView) == Self.pdf)
                #expect(download.headers[.contentType] == "application/pdf")
                #expect(download.headers[.contentDisposition] == "attachment; filename=\"Brief _final_ _t_.pdf\"; filename*=UTF-8''Brief%20%22final%22%20%C3%A9t%C3%A9.pdf")
                #expect(download.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            }
            #expect(try await harness.send(.get, url, bearer: market.bob.accessToken).status == .notFound)
            #expect(try await harness.send(.get, url).status == .unauthorized)
            let order = try await harness.send(.get, "/api/orders/\(orderID)", bearer: market.ada.accessToken).json()
            #expect((order["files"] as? [[String: Any]])?.count == 1)
            #expect((order["events"] as? [[String: Any]])?.contains { $0["kind"] as? String == "file_attached" } == true)

            // Only the client uploads and removes; removing deletes the bytes.
            #expect(try await Self.upload(harness, order: orderID, body: Self.multipart([("file", "x.pdf", Self.pdf)]), bearer: market.paula.accessToken).status == .notFound)
            let fileID = try #require((body["id"] as? NSNumber)?.int64Value)
            #expect(try await harness.send(.delete, "/api/orders/\(orderID)/files/\(fileID)", bearer: market.bob.accessToken).status == .notFound)
            #expect(try await harness.send(.delete, "/api/orders/\(orderID)/files/\(fileID)", bearer: market.ada.accessToken).status == .noContent)
            #expect(storedFiles(harness, "orders").isEmpty)
            #expect(try await harness.send(.get, url, bearer: market.ada.accessToken).status == .notFound)
        }
    }

    @Test("bad uploads are refused with their reason and leave nothing stored")
    func refusals() async throws {
        try await OrderMarketplace.with { market in
            let harness = market.harness
            let orderID = try await market.postOrder(market.ada)
            let token = market.ada.accessToken
            let executable: [UInt8] = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00] + Array(repeating: 0, count: 120)
            let disguised = try await Self.upload(harness, order: orderID, body: Self.multipart([("file", "invoice.pdf", executable)]), bearer: token)
            #expect(disguised.status == .unsupportedMediaType)
            #expect(disguised.problemType == "urn:agora:problem:unaccepted-file-type")
            let script = try await Self.upload(harness, order: orderID, body: Self.multipart([("file", "notes.txt", Array("#!/bin/sh\nrm -rf /\n".utf8))]), bearer: token)
            #expect(script.status == .unsupportedMediaType)
            let html = try await Self.upload(harness, order: orderID, body: Self.multipart([("file", "page.txt", Array("<script>alert(1)</script>".utf8))]), bearer: token)
            #expect(html.status == .unsupportedMediaType)
            let zip = try await Self.upload(harness, order: orderID, body: Self.multipart([("file", "report.docx", [0x50, 0x4B, 0x03, 0x04] + Array("payload.exe".utf8))]), bearer: token)
            #expect(zip.status == .unsupportedMediaType)

            let path = try await Self.upload(harness, order: orderID, body: Self.multipart([("file", "../../etc/passwd.txt", Array("hello".utf8))]), bearer: token)
            #expect(path.fieldErrors == ["file"])
            let empty = try await Self.upload(harness, order: orderID, body: Self.multipart([("file", "empty.txt", [])]), bearer: token)
            #expect(empty.fieldErrors == ["file"])
            let none = try await Self.upload(harness, order: orderID, body: Self.multipart([("note", nil, Array("hello".utf8))]), bearer: token)
            #expect(none.status == .unprocessableContent)
            let two = try await Self.upload(harness, order: orderID, body: Self.multipart([("file", "a.txt", Array("one".utf8)), ("file", "b.txt", Array("two".utf8))]), bearer: token)
            #expect(two.fieldErrors == ["file"])
            let cut = try await Self.upload(harness, order: orderID, body: Self.multipart([("file", "long.pdf", Self.pdf + Array(repeating: 0x20, count: 10_000))], closed: false), bearer: token)
            #expect(cut.status == .badRequest)
            let json = try await Self.upload(harness, order: orderID, body: ByteBuffer(string: "{}"), bearer: token, contentType: "application/json")
            #expect(json.status == .unsupportedMediaType)
            let huge = try await Self.upload(harness, order: orderID, body: Self.multipart([("file", "big.pdf", Self.pdf + Array(repeating: 0x20, count: 25 * 1_048_576))]), bearer: token)
            #expect(huge.status == .contentTooLarge)

            #expect(storedFiles(harness, "orders").isEmpty)
            #expect(storedFiles(harness, "incoming").isEmpty)
            #expect(try await harness.store.sql.raw("SELECT COUNT(*) AS n FROM order_files").first()?.decode(column: "n", as: Int.self) == 0)
        }
    }

    /// MultipartKit traps on a header name byte of 128 or more; the input `make fuzz` found is kept in Fuzz/.
    @Test("a header name that is not ASCII is refused as malformed, and the service keeps answering")
    func nonASCIIHeaderName() async throws {
        try await OrderMarketplace.with { market in
            let harness = market.harness
            let orderID = try await market.postOrder(market.ada)
            var body = ByteBuffer()
            body.writeString("--\(Self.boundary)\r\nC")
            body.writeBytes([0x93, 0xDA])
            body.writeString("tent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello\r\n--\(Self.boundary)--\r\n")
            let refused = try await Self.upload(harness, order: orderID, body: body, bearer: market.ada.accessToken)
            #expect(refused.status == .badRequest)
            #expect(refused.problemType == "urn:agora:problem:malformed-body")
            #expect(storedFiles(harness, "incoming").isEmpty)
            let body2 = Self.multipart([("file", "brief.pdf", Self.pdf)])
            #expect(try await Self.upload(harness, order: orderID, body: body2, bearer: market.ada.accessToken).status == .created)
        }
    }

    @Test("an order holds at most ten files, and none once it is no longer open")
    func limits() async throws {
        try await OrderMarketplace.with { market in
            let harness = market.harness
            let orderID = try await market.postOrder(market.ada)
            for index in 1...OrderFileRepository.maximumPerOrder {
                let sent = try await Self.upload(harness, order: orderID, body: Self.multipart([("file", "note \(index).txt", Array("Note \(index)\n".utf8))]), bearer: market.ada.accessToken)
                try #require(sent.status == .created)
                #expect(try sent.json()["media_type"] as? String == "text/plain; charset=utf-8")
            }
            let eleventh = try await Self.upload(harness, order: orderID, body: Self.multipart([("file", "more.txt", Array("More".utf8))]), bearer: market.ada.accessToken)
            #expect(eleventh.status == .conflict)
            #expect(storedFiles(harness, "orders").count == OrderFileRepository.maximumPerOrder)
            #expect(try await harness.send(.post, "/api/orders/\(orderID)/cancel", bearer: market.ada.accessToken).status == .ok)
            let late = try await Self.upload(harness, order: orderID, body: Self.multipart([("file", "late.txt", Array("Late".utf8))]), bearer: market.ada.accessToken)
            #expect(late.status == .conflict)
        }
    }
}
