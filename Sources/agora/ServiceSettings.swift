import AgoraAPI
import AgoraDomain
import AgoraJobs
import AgoraSite
import AgoraStore
import AgoraWorkflows
import Foundation
import ServiceLifecycle

/// The settings of the service, read from the environment once at start. Every refusal names the variable.
struct ServiceSettings {
    enum Stage: String {
        case development, test, production
    }

    let stage: Stage
    let auth: AuthSettings
    let storage: URL
    /// What verification documents are encrypted with (`AGORA_DOCUMENT_KEY`).
    let documentKey: [UInt8]
    /// What project messages are sealed with (`AGORA_MESSAGE_KEYS`): the current secret first, older ones after.
    let messageKeys: [[UInt8]]
    let mailSender: String
    let searchWeights: RelevanceWeights
    /// The platform settings set in the environment, which win over the stored ones.
    let settingOverrides: [PlatformSetting: SettingValue]
    /// Whether `agora serve` runs the site regeneration worker (`AGORA_SITE_WORKER`, on by default); turn it off
    /// where `agora jobs` builds the site for several service instances.
    let regeneratesSite: Bool
    /// The proxies whose forwarding headers name the client (`AGORA_TRUSTED_PROXIES`).
    let trustedProxies: TrustedProxies
    let metricsAccess: MetricsAccess
    /// `AGORA_RATE_LIMITS`: on, or off for benchmarks and fuzzing (refused in production).
    let rateLimits: Bool
    /// `AGORA_IDLE_TIMEOUT` and `AGORA_REQUEST_DEADLINE`, in seconds.
    let idleTimeout: Duration
    let requestDeadline: Duration
    /// Stripe as the payment processor (`AGORA_PAYMENT_PROCESSOR=stripe`); nil runs the local processor.
    let stripe: StripeSettings?
    /// Where meetings take place (`AGORA_JITSI_URL`, `AGORA_JITSI_APP_ID`, `AGORA_JITSI_APP_SECRET`).
    let meetingRooms: MeetingRooms
    /// `AGORA_CALDAV_LOCAL=on`: a CalDAV server on this machine over plain HTTP may be connected (tests; refused in production).
    let calDAVAllowsLocalServer: Bool

    /// The lowest bcrypt cost allowed outside automated tests.
    static let minimumProductionCost = 10

    static func fromEnvironment(baseURL: String) throws -> ServiceSettings {
        let stageName = Environment.value("AGORA_ENVIRONMENT") ?? "development"
        guard let stage = Stage(rawValue: stageName) else {
            throw CommandError("AGORA_ENVIRONMENT must be development, test or production, not \(stageName)")
        }
        guard stage != .production || baseURL.lowercased().hasPrefix("https://") else {
            throw CommandError("AGORA_BASE_URL must be an https URL when AGORA_ENVIRONMENT=production (cookies are sent over https only), not \(baseURL)")
        }
        let storage = URL(fileURLWithPath: Environment.value("AGORA_STORAGE") ?? "Storage")
        var auth = AuthSettings(signingKey: try secret("AGORA_JWT_SECRET", file: "signing.key", purpose: "signing key", storage: storage, stage: stage))
        if let previous = Environment.value("AGORA_JWT_PREVIOUS_SECRET") {
            guard previous.utf8.count >= 32 else { throw CommandError("AGORA_JWT_PREVIOUS_SECRET must be at least 32 characters") }
            auth.previousSigningKeys = [Array(previous.utf8)]
        }
        auth.publicBaseURL = baseURL
        if let text = Environment.value("AGORA_BCRYPT_COST") {
            guard let cost = Int(text), (4...31).contains(cost) else {
                throw CommandError("AGORA_BCRYPT_COST must be a number from 4 to 31, not \(text)")
            }
            guard cost >= minimumProductionCost || stage == .test else {
                throw CommandError("AGORA_BCRYPT_COST below \(minimumProductionCost) is allowed only with AGORA_ENVIRONMENT=test")
            }
            auth.bcryptCost = cost
        }
        switch Environment.value("AGORA_CAPTCHA") ?? "proof-of-work" {
        case "proof-of-work", "pow":
            let text = Environment.value("AGORA_CAPTCHA_DIFFICULTY") ?? "18"
            guard let difficulty = Int(text), (1...32).contains(difficulty) else {
                throw CommandError("AGORA_CAPTCHA_DIFFICULTY must be a number of bits from 1 to 32, not \(text)")
            }
            auth.captcha = .proofOfWork(difficulty: difficulty)
        case "hcaptcha", "turnstile":
            let service = HostedCaptcha.Service(rawValue: Environment.value("AGORA_CAPTCHA") ?? "") ?? .hcaptcha
            guard let siteKey = Environment.value("AGORA_CAPTCHA_SITE_KEY"), let secret = Environment.value("AGORA_CAPTCHA_SECRET") else {
                throw CommandError("AGORA_CAPTCHA=\(service.rawValue) needs AGORA_CAPTCHA_SITE_KEY and AGORA_CAPTCHA_SECRET")
            }
            auth.captcha = .hosted(HostedCaptcha(service: service, siteKey: siteKey, secret: secret))
        case "off":
            guard stage != .production else {
                throw CommandError("AGORA_CAPTCHA=off is refused when AGORA_ENVIRONMENT=production")
            }
            auth.captcha = .off
        case let other:
            throw CommandError("AGORA_CAPTCHA must be proof-of-work, hcaptcha, turnstile or off, not \(other)")
        }
        if let text = Environment.value("AGORA_SESSION_CAP") {
            guard let cap = Int(text), cap >= 1 else { throw CommandError("AGORA_SESSION_CAP must be a positive number, not \(text)") }
            auth.sessionCap = cap
        }
        if let text = Environment.value("AGORA_REFRESH_GRACE_SECONDS") {
            let longest = Int(AccountCleanupJob.longestGraceWindow)
            guard let seconds = Int(text), (0...longest).contains(seconds) else {
                throw CommandError("AGORA_REFRESH_GRACE_SECONDS must be a number of seconds from 0 to \(longest), not \(text)")
            }
            auth.refreshGraceWindow = TimeInterval(seconds)
        }
        if let text = Environment.value("AGORA_REAUTHENTICATION_SECONDS") {
            guard let seconds = Int(text), (1...3_600).contains(seconds) else {
                throw CommandError("AGORA_REAUTHENTICATION_SECONDS must be a number of seconds from 1 to 3600, not \(text)")
            }
            auth.reauthenticationWindow = TimeInterval(seconds)
        }
        auth.legal = LegalVersions(
            terms: Environment.value("AGORA_TERMS_VERSION") ?? auth.legal.terms,
            privacy: Environment.value("AGORA_PRIVACY_VERSION") ?? auth.legal.privacy
        )
        if let clientID = Environment.value("AGORA_OIDC_CLIENT_ID") {
            guard let secret = Environment.value("AGORA_OIDC_CLIENT_SECRET") else {
                throw CommandError("AGORA_OIDC_CLIENT_ID needs AGORA_OIDC_CLIENT_SECRET")
            }
            auth.oidc = OIDCSettings(issuer: Environment.value("AGORA_OIDC_ISSUER") ?? OIDCSettings.google, clientID: clientID, clientSecret: secret)
        }
        let host = URL(string: baseURL)?.host ?? "localhost"
        let sender = Environment.value("AGORA_MAIL_FROM") ?? "Agora <no-reply@\(host)>"
        var searchWeights = RelevanceWeights()
        if let text = Environment.value("AGORA_SEARCH_WEIGHTS") {
            do {
                searchWeights = try RelevanceWeights(setting: text)
            } catch let invalid as AgoraDomain.ValidationError {
                throw CommandError(invalid)
            }
        }
        let settingOverrides: [PlatformSetting: SettingValue]
        do {
            settingOverrides = try PlatformSettings.environmentOverrides { Environment.value($0) }
        } catch let invalid as AgoraDomain.ValidationError {
            throw CommandError(invalid)
        }
        let siteWorker = Environment.value("AGORA_SITE_WORKER") ?? "on"
        guard ["on", "off"].contains(siteWorker) else { throw CommandError("AGORA_SITE_WORKER must be on or off, not \(siteWorker)") }
        let trustedProxies: TrustedProxies
        do {
            trustedProxies = try Environment.value("AGORA_TRUSTED_PROXIES").map(TrustedProxies.init(setting:)) ?? .none
        } catch let invalid as AddressRangesError {
            throw CommandError(invalid.description)
        }
        var metricsAccess = MetricsAccess(token: Environment.value("AGORA_METRICS_TOKEN"))
        if let token = metricsAccess.token, token.utf8.count < 32 {
            throw CommandError("AGORA_METRICS_TOKEN must be at least 32 characters, not \(token.utf8.count)")
        }
        do {
            if let allowed = Environment.value("AGORA_METRICS_ALLOW") {
                metricsAccess.addresses = try AddressRanges(setting: allowed, name: "AGORA_METRICS_ALLOW")
            }
        } catch let invalid as AddressRangesError {
            throw CommandError(invalid.description)
        }
        let rateLimits = Environment.value("AGORA_RATE_LIMITS") ?? "on"
        guard ["on", "off"].contains(rateLimits) else { throw CommandError("AGORA_RATE_LIMITS must be on or off, not \(rateLimits)") }
        guard rateLimits == "on" || stage != .production else {
            throw CommandError("AGORA_RATE_LIMITS=off is refused when AGORA_ENVIRONMENT=production")
        }
        let documentKey = try secret("AGORA_DOCUMENT_KEY", file: "documents.key", purpose: "document key", storage: storage, stage: stage)
        let messageKeys = try messageSecrets(storage: storage, stage: stage)
        let stripe = try stripeSettings()
        return ServiceSettings(
            stage: stage, auth: auth, storage: storage, documentKey: documentKey, messageKeys: messageKeys, mailSender: sender, searchWeights: searchWeights, settingOverrides: settingOverrides,
            regeneratesSite: siteWorker == "on", trustedProxies: trustedProxies, metricsAccess: metricsAccess, rateLimits: rateLimits == "on",
            idleTimeout: try seconds("AGORA_IDLE_TIMEOUT", default: 30, within: 1...3_600),
            requestDeadline: try seconds("AGORA_REQUEST_DEADLINE", default: 120, within: 1...3_600), stripe: stripe,
            meetingRooms: try meetingRooms(), calDAVAllowsLocalServer: try calDAVLocal(stage: stage)
        )
    }

    private static func calDAVLocal(stage: Stage) throws -> Bool {
        let value = Environment.value("AGORA_CALDAV_LOCAL") ?? "off"
        guard ["on", "off"].contains(value) else { throw CommandError("AGORA_CALDAV_LOCAL must be on or off, not \(value)") }
        guard value == "off" || stage != .production else { throw CommandError("AGORA_CALDAV_LOCAL=on is refused when AGORA_ENVIRONMENT=production") }
        return value == "on"
    }

    /// `AGORA_JITSI_URL` (a public Jitsi, `https://meet.jit.si`, by default) and, for a self-hosted Jitsi with JWT
    /// authentication, `AGORA_JITSI_APP_ID` with `AGORA_JITSI_APP_SECRET` (at least 32 characters).
    private static func meetingRooms() throws -> MeetingRooms {
        let url = Environment.value("AGORA_JITSI_URL") ?? MeetingRooms.publicJitsi
        guard url.hasPrefix("https://") || url.hasPrefix("http://127.0.0.1") || url.hasPrefix("http://localhost"), URL(string: url)?.host != nil else {
            throw CommandError("AGORA_JITSI_URL must be an https URL, not \(url)")
        }
        switch (Environment.value("AGORA_JITSI_APP_ID"), Environment.value("AGORA_JITSI_APP_SECRET")) {
        case (nil, nil):
            return MeetingRooms(baseURL: url)
        case (let id?, let secret?) where !id.isEmpty && secret.utf8.count >= 32:
            return MeetingRooms(baseURL: url, application: MeetingRooms.JWTApplication(id: id, secret: Array(secret.utf8)))
        default:
            throw CommandError("AGORA_JITSI_APP_ID and AGORA_JITSI_APP_SECRET go together, the secret at least 32 characters")
        }
    }

    /// `AGORA_PAYMENT_PROCESSOR`: `local` (default: the embedded processor, test cards only) or `stripe`, which needs
    /// `AGORA_STRIPE_SECRET_KEY` (`sk_…`), `AGORA_STRIPE_PUBLISHABLE_KEY` (`pk_…`) and `AGORA_STRIPE_WEBHOOK_SECRET`
    /// (`whsec_…`), and takes `AGORA_STRIPE_API_URL` and `AGORA_STRIPE_JS_URL` for a stand-in (localstripe).
    private static func stripeSettings() throws -> StripeSettings? {
        switch Environment.value("AGORA_PAYMENT_PROCESSOR") ?? "local" {
        case "local":
            return nil
        case "stripe":
            let keys = [("AGORA_STRIPE_SECRET_KEY", "sk_"), ("AGORA_STRIPE_PUBLISHABLE_KEY", "pk_"), ("AGORA_STRIPE_WEBHOOK_SECRET", "whsec_")]
            var values: [String] = []
            for (name, prefix) in keys {
                guard let value = Environment.value(name), value.hasPrefix(prefix), value.utf8.count > prefix.utf8.count + 3 else {
                    throw CommandError("AGORA_PAYMENT_PROCESSOR=stripe needs \(name), a key that starts with \(prefix)")
                }
                values.append(value)
            }
            var urls: [String] = []
            for (name, fallback) in [("AGORA_STRIPE_API_URL", StripeSettings.stripeAPI), ("AGORA_STRIPE_JS_URL", StripeSettings.stripeScript)] {
                let url = Environment.value(name) ?? fallback
                guard url.hasPrefix("https://") || url.hasPrefix("http://127.0.0.1") || url.hasPrefix("http://localhost") else {
                    throw CommandError("\(name) must be an https URL (or http on this machine, for a stand-in), not \(url)")
                }
                urls.append(url)
            }
            return StripeSettings(secretKey: values[0], publishableKey: values[1], webhookSecret: values[2], apiURL: urls[0], scriptURL: urls[1])
        case let other:
            throw CommandError("AGORA_PAYMENT_PROCESSOR must be local or stripe, not \(other)")
        }
    }

    /// A number of seconds from the environment, within `range`.
    private static func seconds(_ name: String, default value: Int, within range: ClosedRange<Int>) throws -> Duration {
        guard let text = Environment.value(name) else { return .seconds(value) }
        guard let seconds = Int(text), range.contains(seconds) else {
            throw CommandError("\(name) must be a number of seconds from \(range.lowerBound) to \(range.upperBound), not \(text)")
        }
        return .seconds(seconds)
    }

    /// `AGORA_MESSAGE_KEYS`: secrets of at least 32 characters separated by commas, the one that seals first and the
    /// older ones still read after it (see `agora keys rotate`); else one secret kept like any other.
    private static func messageSecrets(storage: URL, stage: Stage) throws -> [[UInt8]] {
        guard let text = Environment.value("AGORA_MESSAGE_KEYS") else {
            return [try secret("AGORA_MESSAGE_KEYS", file: "messages.key", purpose: "message key", storage: storage, stage: stage)]
        }
        let secrets = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard secrets.allSatisfy({ $0.utf8.count >= 32 }) else {
            throw CommandError("AGORA_MESSAGE_KEYS must hold secrets of at least 32 characters each, separated by commas")
        }
        return secrets.map { Array($0.utf8) }
    }

    /// A secret from `variable` (at least 32 characters), else a random key kept in `Storage/secrets/{file}` and made
    /// on first start, readable by its owner only: `AGORA_JWT_SECRET` signs access tokens, `AGORA_DOCUMENT_KEY`
    /// encrypts verification documents. Several instances behind one balancer need the variables.
    private static func secret(_ variable: String, file name: String, purpose: String, storage: URL, stage: Stage) throws -> [UInt8] {
        if let secret = Environment.value(variable) {
            guard secret.utf8.count >= 32 else { throw CommandError("\(variable) must be at least 32 characters") }
            return Array(secret.utf8)
        }
        // A key made on one machine's disk is fine for one instance in development; production names its key, so
        // that every instance agrees and a rotation is a deliberate act.
        guard stage != .production else {
            throw CommandError("\(variable) is required when AGORA_ENVIRONMENT=production (at least 32 characters)")
        }
        let file = storage.appendingPathComponent("secrets/\(name)")
        if let existing = FileManager.default.contents(atPath: file.path), existing.count >= 32 {
            return Array(existing)
        }
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]
        )
        var generator = SystemRandomNumberGenerator()
        let key = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        guard FileManager.default.createFile(atPath: file.path, contents: Data(key), attributes: [.posixPermissions: 0o600]) else {
            throw CommandError("cannot write the \(purpose) to \(file.path); set \(variable) instead")
        }
        return key
    }

    /// `AGORA_MAIL_TRANSPORT`: `file` (default: `.eml` files in `Storage/mail/`; refused in production), `smtp`
    /// (`AGORA_SMTP_URL`, optionally `AGORA_SMTP_CA_FILE`, and `AGORA_SMTP_REQUIRE_TLS`, on by default in production)
    /// or `sendgrid` (`AGORA_SENDGRID_API_KEY`).
    func mailTransport() throws -> any MailTransport {
        let chosen = Environment.value("AGORA_MAIL_TRANSPORT") ?? (Environment.value("AGORA_SMTP_URL") != nil ? "smtp" : "file")
        switch chosen {
        case "file":
            guard stage != .production else {
                throw CommandError("AGORA_MAIL_TRANSPORT=file is refused when AGORA_ENVIRONMENT=production: set AGORA_SMTP_URL or AGORA_SENDGRID_API_KEY")
            }
            return FileMailTransport(directory: storage.appendingPathComponent("mail"))
        case "smtp":
            guard let url = Environment.value("AGORA_SMTP_URL") else {
                throw CommandError("AGORA_MAIL_TRANSPORT=smtp needs AGORA_SMTP_URL=smtp://user:password@host:port")
            }
            let requireTLS = Environment.value("AGORA_SMTP_REQUIRE_TLS") ?? (stage == .production ? "on" : "off")
            guard ["on", "off"].contains(requireTLS) else {
                throw CommandError("AGORA_SMTP_REQUIRE_TLS must be on or off, not \(requireTLS)")
            }
            do {
                var settings = try SMTPMailTransport.Settings(url: url)
                settings.requiresTLS = requireTLS == "on"
                return try SMTPMailTransport(settings: settings, trustRoots: Environment.value("AGORA_SMTP_CA_FILE"))
            } catch let error as MailSettingsError {
                throw CommandError("AGORA_SMTP_URL: \(error)")
            }
        case "sendgrid":
            guard let key = Environment.value("AGORA_SENDGRID_API_KEY") else {
                throw CommandError("AGORA_MAIL_TRANSPORT=sendgrid needs AGORA_SENDGRID_API_KEY")
            }
            return SendGridMailTransport(apiKey: key)
        case let other:
            throw CommandError("AGORA_MAIL_TRANSPORT must be file, smtp or sendgrid, not \(other)")
        }
    }

    /// The workers `agora serve` and `agora jobs` run: email delivery, the clean-ups, verification expiry,
    /// saved-search alerts, the daily statistics snapshot, order routing, project reviews (milestones and hourly weeks),
    /// review publication, meeting reminders, the CalDAV push, notification retention, refunds waiting for the processor, scheduled payouts, providers' subscriptions, the watches on the platform
    /// settings and the published email templates, and bulk operations.
    func backgroundJobs(store: Store, composer: EmailComposer, platformSettings: LivePlatformSettings) throws -> [any Service] {
        let processor = PaymentProcessors.chosen(stripe: stripe, store: store)
        return [
            EmailWorker(store: store, transport: try mailTransport(), sender: mailSender),
            AccountCleanupJob(store: store),
            StorageSweepJob(
                store: store, storage: AttachmentStorage(root: storage), media: MediaStorage(storageDirectory: storage),
                documents: DocumentStorage(storageDirectory: storage)
            ),
            VerificationExpiryJob(store: store),
            SavedSearchAlertJob(store: store, composer: composer),
            StatisticsSnapshotJob(store: store),
            OrderRoutingJob(store: store, settings: platformSettings, announcer: OrderAnnouncer(email: composer)),
            ProjectReviewJob(store: store, settings: platformSettings, announcer: ProjectAnnouncer(email: composer)),
            ReviewPublicationJob(store: store, settings: platformSettings, announcer: ReviewAnnouncer(email: composer)),
            MeetingReminderJob(store: store, announcer: MeetingAnnouncer(email: composer, clock: SystemClock())),
            CalDAVPushJob(store: store, sync: CalDAVSync(store: store, passwords: CalDAVPasswords(documentKey: documentKey), email: composer)),
            NotificationRetentionJob(store: store, settings: platformSettings),
            NotificationDigestJob(store: store, composer: composer),
            PendingRefundJob(store: store, processor: processor),
            HourlyBillingJob(store: store, processor: processor, announcer: ProjectAnnouncer(email: composer)),
            PayoutJob(store: store, processor: processor, settings: platformSettings),
            SubscriptionJob(subscriptions: Subscriptions(
                store: store, processor: processor, settings: platformSettings, announcer: SubscriptionAnnouncer(email: composer)
            )),
            LiveStateWatcher(state: platformSettings, store: store),
            LiveStateWatcher(state: LiveEmailTemplates(store: store, templates: composer.templates), store: store),
            BulkOperationWorker(store: store, composer: composer),
        ]
    }

    func emailComposer(layouts: String, content: String, baseURL: String) async throws -> EmailComposer {
        let site = try SiteConfiguration.load(contentDirectory: URL(fileURLWithPath: content))
        do {
            let templates = try EmailTemplates(directory: URL(fileURLWithPath: layouts).appendingPathComponent("email"))
            return EmailComposer(
                templates: templates, siteName: site.name, baseURL: baseURL, signingKey: auth.signingKey, previousKeys: auth.previousSigningKeys
            )
        } catch let error as EmailTemplateError {
            throw CommandError(error.description)
        }
    }
}
