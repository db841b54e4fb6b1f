import Foundation

/// A file a provider delivers with a milestone. The bytes live with the other attachments under `storageName`, a
/// random name that says nothing of the project or the original name.
public struct ProjectFile: Sendable, Hashable {
    public let id: Int64
    public let projectID: Int64
    public let milestoneID: Int64
    public let uploaderID: Int64
    /// The delivery it went with; nil while it waits for the next one.
    public let revision: Int?
    public let storageName: String
    /// The name the file had, cleaned for display and for `Content-Disposition`.
    public let fileName: String
    /// The type sniffed from the content, never taken from the name.
    public let mediaType: String
    public let byteSize: Int64
    public let sha256: String
    public let createdAt: Date
}
