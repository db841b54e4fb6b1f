import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation

/// How `agora serve` is set up.
public struct APIConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The generated site served at `/`.
    public var siteDirectory: URL
    public var auth: AuthSettings
    /// Renders the emails the service queues (links point at `email.baseURL`).
    public var email: EmailComposer
    public var clock: any AgoraClock
    /// How provider search ranks by relevance.
    public var searchWeights: RelevanceWeights
    /// Where uploaded files are kept (`Storage/` by default).
    public var storageDirectory = URL(fileURLWithPath: "Storage")
    /// The secret verification documents are encrypted with (`AGORA_DOCUMENT_KEY`); a random one by default, which
    /// only suits a process whose documents need not outlive it (tests).
    public var documentKey: [UInt8] = {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }()
    /// The secrets project messages are sealed with (`AGORA_MESSAGE_KEYS`), the current one first; a random one by
    /// default, which only suits a process whose messages need not outlive it (tests).
    public var messageKeys: [[UInt8]] = {
        var generator = SystemRandomNumberGenerator()
        return [(0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }]
    }()
    /// The live chat's pings and token window.
    public var chatTiming = ChatSocketTiming()
    /// The platform settings in force, shared with the background jobs; nil reads them from the store with no
    /// overrides from the environment.
    public var platformSettings: LivePlatformSettings?
    /// Reads the search snapshot and the suggestion vocabulary at start, so that the first search does not wait for
    /// them (a few seconds at 100,000 providers).
    public var warmsUpSearch = false
    /// How long a connection may stay silent — before its request is read, or between requests — before it is closed
    /// (`AGORA_IDLE_TIMEOUT`): a client that opens connections and sends nothing (slowloris) holds none for long.
    public var idleTimeout = Duration.seconds(30)
    /// How long one request may take, body included (`AGORA_REQUEST_DEADLINE`).
    public var requestDeadline = Duration.seconds(120)
    /// Whether rate limits and quotas are counted (`AGORA_RATE_LIMITS`); off only for benchmarks and fuzzing.
    public var rateLimitsEnabled = true
    /// The proxies whose forwarding headers name the client (`AGORA_TRUSTED_PROXIES`); none by default.
    public var trustedProxies = TrustedProxies.none
    /// Who may read `/metrics`: these addresses (this machine only by default), or anyone with the token.
    public var metricsAccess = MetricsAccess()

    /// Where meetings take place: a public Jitsi by default, or a self-hosted one with JWT (`AGORA_JITSI_*`).
    public var meetingRooms = MeetingRooms()

    /// Whether people may connect a CalDAV server on this machine over plain HTTP (`AGORA_CALDAV_LOCAL`; tests only).
    public var calDAVAllowsLocalServer = false

    /// Stripe as the payment processor (`AGORA_PAYMENT_PROCESSOR=stripe`); nil runs the local processor.
    public var stripe: StripeSettings?

    public init(
        host: String = "127.0.0.1", port: Int = 8080, siteDirectory: URL, auth: AuthSettings, email: EmailComposer,
        clock: any AgoraClock = SystemClock(), searchWeights: RelevanceWeights = RelevanceWeights()
    ) {
        self.host = host
        self.port = port
        self.siteDirectory = siteDirectory
        self.auth = auth
        self.email = email
        self.clock = clock
        self.searchWeights = searchWeights
    }
}
