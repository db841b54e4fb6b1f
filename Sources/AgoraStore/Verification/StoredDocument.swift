/// A verification document as the store records it: the name of its encrypted file in storage, and what the provider
/// sent (name, sniffed type, size and SHA-256 of the plain bytes).
public struct StoredDocument: Sendable, Hashable {
    public let storageName: String
    public let fileName: String
    public let mediaType: String
    public let byteSize: Int64
    public let sha256: String

    public init(storageName: String, fileName: String, mediaType: String, byteSize: Int64, sha256: String) {
        self.storageName = storageName
        self.fileName = fileName
        self.mediaType = mediaType
        self.byteSize = byteSize
        self.sha256 = sha256
    }
}
