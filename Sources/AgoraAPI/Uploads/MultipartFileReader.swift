import AgoraDomain
import AgoraWorkflows
import Crypto
import Foundation
import MultipartKit
import NIOCore

/// The reading half of an upload, without the disk: `multipart/form-data` bytes in, in pieces as they arrive; the
/// bytes of the one part named `file` out, hashed, a megabyte at a time; its name, size and first bytes at the end,
/// with the short text parts the route names (`fields`, such as a photo's crop box).
/// Every wrong body is a problem naming its cause. `MultipartFileUpload` writes what it hands over; the fuzzer
/// (`make fuzz`, hence package-wide) feeds it whatever it likes.
package final class MultipartFileReader {
    private let parser: MultipartParser
    private let receiver: Receiver
    private var guardian: MultipartHeaderNameGuard

    package init(boundary: String, maximumBytes: Int64, fields: Set<String> = []) {
        parser = MultipartParser(boundary: boundary)
        guardian = MultipartHeaderNameGuard(boundary: boundary)
        receiver = Receiver(maximumBytes: maximumBytes, fields: fields)
        let receiver = receiver
        parser.onHeader = { receiver.header($0, $1) }
        parser.onBody = { receiver.body(&$0) }
        parser.onPartComplete = { receiver.partComplete() }
    }

    /// Reads the next piece of the body; returns the file's bytes that are ready to be written, if any.
    package func read(_ buffer: ByteBuffer) throws -> Data? {
        guard guardian.accepts(buffer) else { throw Self.malformed }
        do {
            try parser.execute(buffer)
        } catch {
            throw Self.malformed
        }
        if let failure = receiver.failure { throw failure }
        return receiver.takeReady()
    }

    static let malformed = Problem(status: .badRequest, detail: "The body is not valid multipart/form-data.", type: .malformedBody)

    /// After the last piece: the file's last bytes to be written, if any.
    package func finish() throws -> Data? {
        receiver.flush()
        if let failure = receiver.failure { throw failure }
        return receiver.takeReady()
    }

    /// The file the body held, once `finish` returned.
    package func file() throws -> (name: AttachmentName, size: Int64, sha256: String, head: [UInt8]) {
        guard receiver.sawFilePart else { throw ValidationError(field: "file", message: "is required: send one part named file") }
        guard receiver.completeFiles == 1, let name = receiver.fileName else {
            throw Problem(status: .badRequest, detail: "The upload ended before the file was complete; send it again.", type: .malformedBody)
        }
        guard receiver.size > 0 else { throw ValidationError(field: "file", message: "is empty") }
        return (name, receiver.size, receiver.hasher.finalize().hexadecimal, receiver.head)
    }

    /// The text parts the body held, by name.
    package var fieldValues: [String: String] { receiver.values }

    /// The parser's callbacks: one part at a time, the `file` part kept, the named text parts read (at most
    /// `fieldBytes` each, once), anything else refused. The parser hands the
    /// body over in pieces that end at every CR byte (a few hundred bytes in binary files), so they are gathered and
    /// hashed a megabyte at a time, and handed back to be written (`takeReady`).
    private final class Receiver {
        static let flushBytes = 1_048_576
        static let fieldBytes = 256
        let maximumBytes: Int64
        let fields: Set<String>
        var values: [String: String] = [:]
        var field: (name: String, bytes: [UInt8])?
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

        init(maximumBytes: Int64, fields: Set<String>) {
            self.maximumBytes = maximumBytes
            self.fields = fields
        }

        func header(_ name: String, _ value: String) {
            guard failure == nil, name.lowercased() == "content-disposition" else { return }
            let parameters = Self.parameters(of: value)
            if let name = parameters["name"], fields.contains(name) {
                guard values[name] == nil, field?.name != name else {
                    failure = ValidationError(field: name, message: "must be sent once")
                    return
                }
                field = (name, [])
                return
            }
            guard parameters["name"] == "file" else {
                let expected = (["file"] + fields.sorted()).joined(separator: ", ")
                failure = ValidationError(field: parameters["name"].map { String($0.prefix(60)) } ?? "part", message: "is not a part of this upload: send \(expected)")
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
            if failure == nil, let current = field {
                guard current.bytes.count + buffer.readableBytes <= Self.fieldBytes else {
                    failure = ValidationError(field: current.name, message: "is longer than \(Self.fieldBytes) bytes")
                    return
                }
                field?.bytes += buffer.readBytes(length: buffer.readableBytes) ?? []
                return
            }
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
            if let current = field {
                values[current.name] = String(decoding: current.bytes, as: UTF8.self)
                field = nil
            }
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
