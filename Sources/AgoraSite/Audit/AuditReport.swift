/// What `agora audit` found.
public struct AuditReport: Sendable, Codable {
    public enum Severity: String, Sendable, Codable {
        case error
        case warning
    }

    public struct Finding: Sendable, Codable, Equatable {
        public let severity: Severity
        /// The site path of the page: `/providers/ada/`.
        public let page: String
        /// A short name of the check: `duplicate-title`, `missing-alt`, `broken-link`…
        public let check: String
        public let message: String
    }

    /// How often a landing page uses the phrase it is written for.
    public struct KeywordDensity: Sendable, Codable, Equatable {
        public let page: String
        public let keyword: String
        public let occurrences: Int
        public let words: Int
        /// Words of the phrase times its occurrences, as a share of all words, in percent.
        public let percent: Double
    }

    public var pages = 0
    public var findings: [Finding] = []
    public var keywordDensities: [KeywordDensity] = []

    public var errors: [Finding] { findings.filter { $0.severity == .error } }
    public var warnings: [Finding] { findings.filter { $0.severity == .warning } }

    mutating func add(_ severity: Severity, _ page: String, _ check: String, _ message: String) {
        findings.append(Finding(severity: severity, page: page, check: check, message: message))
    }
}
