import AgoraDomain
import AgoraWorkflows
import Crypto
import Foundation
import Hummingbird
import MultipartKit
import NIOCore
import NIOPosix

/// One file received from a `multipart/form-data` body with a single part named `file`: streamed to a file in
/// `incoming/` as it arrives (never held whole in memory), counted, hashed, and its first bytes kept for sniffing.
/// Whatever goes wrong — too big, no file, a path in the name, a body that stops before the end — the partial file
/// is deleted and the problem names the cause. Writes run on NIO's thread pool, a megabyte at a time, never on the
/// cooperative threads that every request shares.
struct MultipartFileUpload {
    let url: URL
    let name: AttachmentName
    let byteSize: Int64
    let sha256: String
    let head: [UInt8]

    static func receive(_ request: Request, into storage: AttachmentStorage, maximumBytes: Int64) async throws -> MultipartFileUpload {
        guard let boundary = boundary(of: request.headers[.contentType]) else {
            throw Problem(status: .unsupportedMediaType, detail: "Send the file as multipart/form-data with one part named file.")
        }
        let url = try storage.makeIncoming()
        do {
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            let receiver = Receiver(maximumBytes: maximumBytes)
            let parser = MultipartParser(boundary: boundary)
            parser.onHeader = { receiver.header($0, $1) }
            parser.onBody = { receiver.body(&$0) }
            parser.onPartComplete = { receiver.partComplete() }
            var received: Int64 = 0
            for try await buffer in request.body {
                received += Int64(buffer.readableBytes)
                guard received <= maximumBytes + 64 * 1024 else { throw tooLarge(maximumBytes) }
                do {
                    try parser.execute(buffer)
                } catch {
                    throw Problem(status: .badRequest, detail: "The body is not valid multipart/form-data.", type: .malformedBody)
                }
                if let failure = receiver.failure { throw failure }
                try await write(receiver.takeReady(), to: handle)
            }
            receiver.flush()
            if let failure = receiver.failure { throw failure }
            try await write(receiver.takeReady(), to: handle)
            guard receiver.sawFilePart else { throw ValidationError(field: "file", message: "is required: send one part named file") }
            guard receiver.completeFiles == 1, let name = receiver.fileName else {
                throw Problem(status: .badRequest, detail: "The upload ended before the file was complete; send it again.", type: .malformedBody)
            }
            guard receiver.size > 0 else { throw ValidationError(field: "file", message: "is empty") }
            return MultipartFileUpload(
                url: url, name: name, byteSize: receiver.size,
                sha256: receiver.hasher.finalize().map { String(format: "%02x", $0) }.joined(), head: receiver.head
            )
        } catch {
            storage.remove(url)
            throw error
        }
    }

    /// Writes gathered bytes on NIO's thread pool.
    private static func write(_ chunk: Data?, to handle: FileHandle) async throws {
        guard let chunk else { return }
        try await NIOThreadPool.singleton.runIfActive { try handle.write(contentsOf: chunk) }
    }

    static func tooLarge(_ maximumBytes: Int64) -> Problem {
        Problem(status: .contentTooLarge, detail: "A file may be at most \(maximumBytes / 1_048_576) MB.")
    }

    /// The `boundary` parameter of a `multipart/form-data` content type.
    static func boundary(of contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return (1...70).contains(value.count) ? value : nil
            }
        }
        return nil
    }

    /// The parser's callbacks: one part at a time, the `file` part written out, anything else refused.
    /// The parser hands the body over in pieces that end at every CR byte (a few hundred bytes in binary files),
    /// so they are gathered and hashed a megabyte at a time, and handed back to be written (`takeReady`).
    private final class Receiver {
        static let flushBytes = 1_048_576
        let maximumBytes: Int64
        var pending = ByteBuffer()
        var ready = Data()
        var hasher = SHA256()
        var head: [UInt8] = []
        var size: Int64 = 0
        var fileName: AttachmentName?
        var sawFilePart = false
        var inFilePart = false
        var completeFiles = 0
        var failure: (any Error)?

        init(maximumBytes: Int64) {
            self.maximumBytes = maximumBytes
        }

        func header(_ name: String, _ value: String) {
            guard failure == nil, name.lowercased() == "content-disposition" else { return }
            let parameters = Self.parameters(of: value)
            guard parameters["name"] == "file" else {
                failure = ValidationError(field: parameters["name"].map { String($0.prefix(60)) } ?? "part", message: "is not a part of this upload: send one part named file")
                return
            }
            guard !sawFilePart else {
                failure = ValidationError(field: "file", message: "must be sent alone: one file per request")
                return
            }
            sawFilePart = true
            inFilePart = true
            do {
                fileName = try AttachmentName(parameters["filename*"].flatMap(Self.extendedValue) ?? parameters["filename"] ?? "")
            } catch {
                failure = error
            }
        }

        func body(_ buffer: inout ByteBuffer) {
            guard failure == nil, inFilePart else { return }
            size += Int64(buffer.readableBytes)
            guard size <= maximumBytes else {
                failure = MultipartFileUpload.tooLarge(maximumBytes)
                return
            }
            if head.count < AttachmentType.headLength, let bytes = buffer.getBytes(at: buffer.readerIndex, length: min(buffer.readableBytes, AttachmentType.headLength - head.count)) {
                head += bytes
            }
            pending.writeBuffer(&buffer)
            if pending.readableBytes >= Self.flushBytes { flush() }
        }

        /// Hashes what was gathered and sets it aside to be written.
        func flush() {
            guard failure == nil, pending.readableBytes > 0 else { return }
            pending.withUnsafeReadableBytes { bytes in
                hasher.update(bufferPointer: bytes)
                ready.append(contentsOf: bytes)
            }
            pending.clear()
        }

        /// What is set aside to be written, if anything.
        func takeReady() -> Data? {
            guard !ready.isEmpty else { return nil }
            defer { ready = Data() }
            return ready
        }

        func partComplete() {
            if inFilePart {
                completeFiles += 1
                flush()
            }
            inFilePart = false
        }

        /// `form-data; name="file"; filename="a.pdf"` as a dictionary (names lower-cased, quotes removed).
        static func parameters(of value: String) -> [String: String] {
            var result: [String: String] = [:]
            for part in value.split(separator: ";").dropFirst() {
                let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard pair.count == 2 else { continue }
                var text = pair[1]
                if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 { text = String(text.dropFirst().dropLast()) }
                result[pair[0].lowercased()] = text.replacingOccurrences(of: "\\\"", with: "\"")
            }
            return result
        }

        /// The value of an RFC 8187 `filename*` (`UTF-8''na%C3%AFve.pdf`).
        static func extendedValue(_ text: String) -> String? {
            let parts = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].lowercased() == "utf-8" else { return nil }
            return String(parts[2]).removingPercentEncoding
        }
    }
}
