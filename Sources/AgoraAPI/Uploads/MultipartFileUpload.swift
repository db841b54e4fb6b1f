import AgoraDomain
import AgoraWorkflows
import Foundation
import Hummingbird
import NIOCore
import NIOPosix

/// One file received from a `multipart/form-data` body with a single part named `file`: streamed to a file in
/// `incoming/` as it arrives (never held whole in memory), counted, hashed, and its first bytes kept for sniffing.
/// Whatever goes wrong — too big, no file, a path in the name, a body that stops before the end — the partial file
/// is deleted and the problem names the cause (`MultipartFileReader` reads, this writes). Writes run on NIO's thread
/// pool, a megabyte at a time, never on the cooperative threads that every request shares.
struct MultipartFileUpload {
    let url: URL
    let name: AttachmentName
    let byteSize: Int64
    let sha256: String
    let head: [UInt8]
    /// The text parts named in `fields`, by name.
    let fields: [String: String]

    static func receive(
        _ request: Request, into storage: AttachmentStorage, maximumBytes: Int64, fields: Set<String> = []
    ) async throws -> MultipartFileUpload {
        let url = try storage.makeIncoming()
        do {
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            let (reader, file) = try await read(request, maximumBytes: maximumBytes, fields: fields) { try await write($0, to: handle) }
            return MultipartFileUpload(
                url: url, name: file.name, byteSize: file.size, sha256: file.sha256, head: file.head, fields: reader.fieldValues
            )
        } catch {
            storage.remove(url)
            throw error
        }
    }

    /// A file kept in memory only, for what must never touch the disk unencrypted (verification documents); the
    /// limit keeps it small.
    struct InMemory {
        let name: AttachmentName
        let bytes: Data
        let sha256: String
        let head: [UInt8]
        let fields: [String: String]
    }

    static func receiveInMemory(_ request: Request, maximumBytes: Int64, fields: Set<String> = []) async throws -> InMemory {
        var bytes = Data()
        let (reader, file) = try await read(request, maximumBytes: maximumBytes, fields: fields) { bytes.append($0) }
        return InMemory(name: file.name, bytes: bytes, sha256: file.sha256, head: file.head, fields: reader.fieldValues)
    }

    /// Reads the body through a `MultipartFileReader`, handing the file's bytes to `keep` a megabyte at a time.
    private static func read(
        _ request: Request, maximumBytes: Int64, fields: Set<String>, keep: (Data) async throws -> Void
    ) async throws -> (MultipartFileReader, (name: AttachmentName, size: Int64, sha256: String, head: [UInt8])) {
        guard let boundary = boundary(of: request.headers[.contentType]) else {
            throw Problem(status: .unsupportedMediaType, detail: "Send the file as multipart/form-data with one part named file.")
        }
        let reader = MultipartFileReader(boundary: boundary, maximumBytes: maximumBytes, fields: fields)
        var received: Int64 = 0
        for try await buffer in request.body {
            received += Int64(buffer.readableBytes)
            guard received <= maximumBytes + 64 * 1024 else { throw tooLarge(maximumBytes) }
            if let chunk = try reader.read(buffer) { try await keep(chunk) }
        }
        if let chunk = try reader.finish() { try await keep(chunk) }
        return (reader, try reader.file())
    }

    /// Writes gathered bytes on NIO's thread pool.
    private static func write(_ chunk: Data, to handle: FileHandle) async throws {
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
}
