import Foundation

/// A file attached to an order. The bytes live in the attachment directory under `storageName`, a random name
/// that says nothing of the order or the original name.
public struct OrderFile: Sendable, Hashable {
    public let id: Int64
    public let orderID: Int64
    public let storageName: String
    /// The name the client's file had, cleaned for display and for `Content-Disposition`.
    public let fileName: String
    /// The type sniffed from the content, never taken from the name.
    public let mediaType: String
    public let byteSize: Int64
    public let sha256: String
    public let createdAt: Date
}
