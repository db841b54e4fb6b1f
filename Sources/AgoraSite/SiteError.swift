/// A build failure that names the file and line at fault (`Content/about.md:3: front matter: …`), or the setting.
public struct SiteError: Error, Equatable, CustomStringConvertible {
    public let file: String?
    public let line: Int?
    public let message: String

    public init(file: String?, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        switch (file, line) {
        case let (file?, line?): "\(file):\(line): \(message)"
        case let (file?, nil): "\(file): \(message)"
        default: message
        }
    }
}
