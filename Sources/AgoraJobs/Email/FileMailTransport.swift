import Foundation

/// The embedded default: each message becomes one `.eml` file in a directory (`Storage/mail/`), named by its
/// time and id so a listing reads in sending order. Written to a temporary name and renamed, so a reader never
/// sees half a message; readable by the service's user only (files 0600 in a 0700 directory), since messages hold
/// single-use links. For development and tests: `agora serve` refuses it in production.
public struct FileMailTransport: MailTransport {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    public func deliver(_ message: MIMEMessage) async throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let stamp = String(format: "%.6f", message.date.timeIntervalSince1970)
        let name = "\(stamp)-\(message.email.id).eml"
        let final = directory.appendingPathComponent(name)
        let temporary = directory.appendingPathComponent(".\(name).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(message.text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        if rename(temporary.path, final.path) != 0 {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: final.path])
        }
    }
}
