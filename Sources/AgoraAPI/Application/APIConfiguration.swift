import Foundation

/// How `agora serve` is set up.
public struct APIConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The generated site served at `/`.
    public var siteDirectory: URL

    public init(host: String = "127.0.0.1", port: Int = 8080, siteDirectory: URL) {
        self.host = host
        self.port = port
        self.siteDirectory = siteDirectory
    }
}
