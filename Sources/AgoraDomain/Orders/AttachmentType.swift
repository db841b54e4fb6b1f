import Foundation

/// The kinds of file an order may carry, recognised from their first bytes: the name a file arrives with and the
/// type the browser claims are never trusted. Anything else (programs, scripts, archives, HTML, SVG) is refused.
public enum AttachmentType: String, Sendable, CaseIterable {
    case pdf = "application/pdf"
    case png = "image/png"
    case jpeg = "image/jpeg"
    case gif = "image/gif"
    case webp = "image/webp"
    case word = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    case excel = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    case powerPoint = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    case text = "text/plain; charset=utf-8"

    /// How many leading bytes `sniff` reads.
    public static let headLength = 64 * 1024

    /// The names of the accepted kinds, for messages.
    public static let described = "PDF, PNG, JPEG, GIF, WebP, Word, Excel, PowerPoint or plain UTF-8 text"

    public var mediaType: String { rawValue }

    /// The kind of a file from its first bytes (at most `headLength`); nil when it is none of the accepted ones.
    /// `complete` says that `head` is the whole file, so that text cut in the middle of a character is judged fairly.
    public static func sniff(_ head: [UInt8], complete: Bool) -> AttachmentType? {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + prefix.count && Array(head[offset..<offset + prefix.count]) == prefix
        }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts(Array("RIFF".utf8)), starts(Array("WEBP".utf8), at: 8) { return .webp }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return office(head) }
        return text(head, complete: complete) ? .text : nil
    }

    /// An Office Open XML document: a ZIP whose entries include `[Content_Types].xml` and the part folder of one
    /// application. Any other ZIP is refused.
    private static func office(_ head: [UInt8]) -> AttachmentType? {
        let names = String(decoding: head, as: UTF8.self)
        guard names.contains("[Content_Types].xml") else { return nil }
        if names.contains("word/") { return .word }
        if names.contains("xl/") { return .excel }
        if names.contains("ppt/") { return .powerPoint }
        return nil
    }

    /// UTF-8 text without NUL or other control bytes (tabs and line breaks aside), and not a script (`#!`) or markup
    /// a browser would run (`<`).
    private static func text(_ head: [UInt8], complete: Bool) -> Bool {
        guard !head.isEmpty, !head.starts(with: Array("#!".utf8)) else { return false }
        var bytes = head
        if String(validating: bytes, as: UTF8.self) == nil {
            // A character may be cut at the end of an incomplete head: up to three bytes of it can be missing.
            guard !complete, let cut = (1...3).first(where: { bytes.count > $0 && String(validating: bytes.dropLast($0), as: UTF8.self) != nil }) else {
                return false
            }
            bytes.removeLast(cut)
        }
        let firstVisible = bytes.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF }
        if firstVisible == UInt8(ascii: "<") { return false }
        return !bytes.contains { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F }
    }
}

/// The name a file is kept and offered under: the client's file name, checked.
public struct AttachmentName: Hashable, Sendable {
    public static let maximumLength = 200
    public let value: String

    /// Refuses empty names, paths (`/`, `\`, `..`), control characters and names longer than 200 characters.
    public init(_ raw: String) throws {
        let name = raw.trimmingCharacters(in: .whitespaces)
        if name.isEmpty { throw ValidationError(field: "file", message: "has no file name") }
        if name.contains("/") || name.contains("\\") || name == "." || name.contains("..") {
            throw ValidationError(field: "file", message: "has a path in its name: send the file's name alone")
        }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }) {
            throw ValidationError(field: "file", message: "has control characters in its name")
        }
        if name.count > Self.maximumLength { throw ValidationError(field: "file", message: "has a name longer than \(Self.maximumLength) characters") }
        value = name
    }

    /// A `Content-Disposition` value that always downloads and cannot be broken out of: an ASCII fallback with
    /// anything but letters, digits and `._-` replaced, and the real name percent-encoded (RFC 6266, RFC 8187).
    public var contentDisposition: String {
        let fallback = String(value.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (CharacterSet.alphanumericsASCII.contains(scalar) || "._- ".unicodeScalars.contains(scalar)) ? Character(scalar) : "_"
        })
        var allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
        allowed.remove(UInt8(ascii: "%"))
        let encoded = value.utf8.map { allowed.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
        return "attachment; filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)"
    }
}

private extension CharacterSet {
    static let alphanumericsASCII = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
}
