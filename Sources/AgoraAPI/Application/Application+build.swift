import AgoraStore
import Foundation
import AgoraWorkflows
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import ServiceLifecycle

/// Builds the companion service: the API under `/api` and the generated site at `/`.
/// With a live-reload hub (`agora serve --watch`), the live-reload routes are added; `background` services (the
/// workers, the site watcher) run beside the server and stop with it.
public func buildApplication(
    configuration: APIConfiguration,
    store: Store,
    liveReload: LiveReloadHub? = nil,
    background: [any Service] = [],
    logger: Logger = Logger(label: "agora.api")
) async throws -> some ApplicationProtocol {
    let parts = try await buildParts(configuration: configuration, store: store, liveReload: liveReload, logger: logger)
    let socket = parts.chatSocket
    return Application(
        router: parts.router,
        server: HTTPServerBuilder { responder in
            let idle = TimeAmount(configuration.idleTimeout)
            return DeadlinedChildChannel(
                base: HTTP1WebSocketUpgradeChannel(
                    responder: responder, configuration: .init(http1: .init(idleTimeout: idle), ws: socket.configuration)
                ) { request, _, _ in
                    guard request.path?.split(separator: "?").first == ChatSocket.path[...] else { return .dontUpgrade }
                    return .upgrade([:]) { inbound, outbound, _ in try await socket.serve(inbound: inbound, outbound: outbound) }
                },
                timeout: idle
            )
        },
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Agora"),
        services: background + [parts.roomFeed, parts.notificationFeed],
        logger: logger
    )
}

/// The router, for tests that need no server.
public func buildRouter(
    configuration: APIConfiguration, store: Store, liveReload: LiveReloadHub? = nil, logger: Logger
) async throws -> Router<AgoraRequestContext> {
    try await buildParts(configuration: configuration, store: store, liveReload: liveReload, logger: logger).router
}

/// What the server is made of: the router, the live socket's handler, and the feeds that tell its hubs of new room
/// events and of changed notifications.
struct ServiceParts {
    let router: Router<AgoraRequestContext>
    let chatSocket: ChatSocket
    let roomFeed: RoomFeed
    let notificationFeed: NotificationFeed
}

/// The router with every route and middleware. Middleware, outermost first: security headers, request id header,
/// the client's address (through trusted proxies), request log, problem documents and the site's 404 page, 405 for a
/// method a path does not take, the request deadline, category page views, published redirects, cache headers, static files.
func buildParts(
    configuration: APIConfiguration, store: Store, liveReload: LiveReloadHub? = nil, logger: Logger
) async throws -> ServiceParts {
    let platformSettings: LivePlatformSettings
    if let shared = configuration.platformSettings {
        platformSettings = shared
    } else {
        platformSettings = await LivePlatformSettings.read(from: store, logger: logger)
    }
    let limiter = RateLimiter(
        store: store, clock: configuration.clock, settings: platformSettings, enabled: configuration.rateLimitsEnabled
    )
    var authSettings = configuration.auth
    if !configuration.rateLimitsEnabled { authSettings.networkLockout = nil }
    let auth = try await AuthServices(
        store: store, settings: authSettings, mail: configuration.email, rateLimiter: limiter,
        captcha: Captcha(mode: configuration.auth.captcha, signingKey: configuration.auth.signingKey, clock: configuration.clock),
        platformSettings: platformSettings, clock: configuration.clock, logger: logger
    )
    let catalog = SearchCatalog(store: store, clock: configuration.clock)
    if configuration.warmsUpSearch { Task { await catalog.warmUp() } }
    let analytics = SearchAnalytics(store: store, clock: configuration.clock, logger: logger)
    let router = Router(context: AgoraRequestContext.self)
    let processor = PaymentProcessors.chosen(stripe: configuration.stripe, store: store)
    router.add(middleware: SecurityHeadersMiddleware(
        publicBaseURL: configuration.auth.publicBaseURL, captcha: configuration.auth.captcha, checkout: processor.checkoutScript
    ))
    router.add(middleware: RequestIDMiddleware())
    router.add(middleware: ClientAddressMiddleware(proxies: configuration.trustedProxies))
    let keyring = MessageKeyring(secrets: configuration.messageKeys)
    let instance = UUID()
    let hub = RoomHub(
        store: store, keyring: keyring, clock: configuration.clock, logger: logger, relay: RoomFeed.relay(store: store, instance: instance)
    )
    store.commitSignals.observe(.room) { rooms in Task { await hub.signal(rooms) } }
    let notificationHub = NotificationHub(store: store, logger: logger)
    store.commitSignals.observe(.person) { people in Task { await notificationHub.signal(people) } }
    store.commitSignals.observe(.everyone) { _ in Task { await notificationHub.signal(Set(await notificationHub.userIDs)) } }
    let chatSocket = ChatSocket(
        hub: hub, notifications: notificationHub, chat: ChatRepository(store: store, keyring: keyring), store: store,
        authenticate: { try await auth.signIn.authenticate(bearer: $0) }, logger: logger, timing: configuration.chatTiming
    )
    let metrics = ServiceMetrics(store: store, chat: hub)
    router.add(middleware: RequestLogMiddleware(metrics: metrics))
    router.add(middleware: ProblemMiddleware(siteDirectory: configuration.siteDirectory))
    let routeMethods = RouteMethods()
    router.add(middleware: MethodNotAllowedMiddleware(routes: routeMethods))
    router.add(middleware: RequestDeadlineMiddleware(deadline: configuration.requestDeadline))
    router.add(middleware: CategoryViewMiddleware(catalog: catalog, analytics: analytics))
    router.add(middleware: RedirectMiddleware(siteDirectory: configuration.siteDirectory))
    router.add(middleware: AssetCacheMiddleware())
    router.add(middleware: SiteFileMiddleware.make(siteDirectory: configuration.siteDirectory, logger: logger))
    router.add(middleware: SiteFileMiddleware.media(MediaStorage(storageDirectory: configuration.storageDirectory), logger: logger))
    MetricsRoutes(metrics: metrics, access: configuration.metricsAccess, clock: configuration.clock).register(on: router)
    let api = router.group("api")
    HealthRoutes(store: store).register(on: api)
    let openAPI = OpenAPIRoutes()
    openAPI.register(on: api)
    AuthRoutes(auth: auth).register(on: api)
    CategoryRoutes(store: store).register(on: api)
    let signedIn = api.group().add(middleware: AuthenticationMiddleware(signIn: auth.signIn))
    SavedSearchRoutes(store: store, clock: configuration.clock).register(on: signedIn)
    FavoriteRoutes(store: store, clock: configuration.clock).register(on: signedIn)
    AdministrationAccessRoutes(store: store).register(signedIn: signedIn)
    SearchRoutes(
        search: ProviderSearch(store: store, weights: configuration.searchWeights),
        catalog: catalog,
        cache: MemoryCache(clock: configuration.clock),
        analytics: analytics,
        limiter: limiter
    ).register(on: api)
    let admin = api.group("admin").add(middleware: AuthenticationMiddleware(signIn: auth.signIn, roles: [.admin]))
    SearchAnalyticsRoutes(store: store, analytics: analytics, clock: configuration.clock).register(on: admin)
    CategoryAdminRoutes(store: store, catalog: catalog, clock: configuration.clock).register(on: admin)
    AuditLogRoutes(store: store).register(on: admin)
    UserAdminRoutes(store: store, clock: configuration.clock, settings: platformSettings).register(on: admin)
    DashboardRoutes(store: store, clock: configuration.clock).register(on: admin)
    AccountInterventionRoutes(store: store, mail: auth.mail, clock: configuration.clock, recentAuthentication: auth.recentAuthentication).register(on: admin)
    SuspensionRoutes(store: store, mail: auth.mail, clock: configuration.clock, recentAuthentication: auth.recentAuthentication).register(on: admin)
    StaffRoutes(
        store: store, clock: configuration.clock, recentAuthentication: auth.recentAuthentication,
        invitations: StaffInvitations(store: store, mail: auth.mail, legal: auth.settings.legal, clock: configuration.clock)
    ).register(on: admin)
    SettingsAdminRoutes(
        store: store, settings: platformSettings, clock: configuration.clock, recentAuthentication: auth.recentAuthentication
    ).register(on: admin)
    ModerationAdminRoutes(
        store: store, mail: ModerationMail(mail: auth.mail), suspensionMail: SuspensionRoutes.tellSuspended(auth.mail), clock: configuration.clock
    ).register(on: admin)
    ReportRoutes(store: store, keyring: keyring, settings: platformSettings, clock: configuration.clock).register(on: signedIn)
    ViewAsRoutes(store: store, signIn: auth.signIn, clock: configuration.clock, recentAuthentication: auth.recentAuthentication).register(on: admin)
    BulkOperationRoutes(store: store, clock: configuration.clock, recentAuthentication: auth.recentAuthentication).register(on: admin)
    ProfileReviewRoutes(store: store, mail: auth.mail, clock: configuration.clock).register(on: admin)
    let documents = DocumentStorage(storageDirectory: configuration.storageDirectory)
    let cipher = DocumentCipher(secret: configuration.documentKey)
    VerificationReviewRoutes(store: store, documents: documents, cipher: cipher, mail: auth.mail, clock: configuration.clock).register(on: admin)
    ProfileRoutes(store: store, settings: platformSettings, clock: configuration.clock).register(on: signedIn)
    ProfileExportRoutes(store: store, clock: configuration.clock).register(on: signedIn)
    ProviderDashboardRoutes(store: store, clock: configuration.clock).register(on: signedIn)
    let uploads = AttachmentStorage(root: configuration.storageDirectory)
    let media = MediaStorage(storageDirectory: configuration.storageDirectory)
    ProfilePhotoRoutes(store: store, uploads: uploads, media: media, clock: configuration.clock, limiter: limiter).register(on: signedIn)
    PortfolioRoutes(store: store, media: media, settings: platformSettings, clock: configuration.clock).register(on: signedIn)
    ClientIdentityRoutes(store: store, uploads: uploads, media: media, clock: configuration.clock, limiter: limiter).register(on: signedIn)
    PortfolioImageRoutes(store: store, uploads: uploads, media: media, clock: configuration.clock, limiter: limiter).register(on: signedIn)
    VerificationRoutes(store: store, documents: documents, cipher: cipher, clock: configuration.clock, limiter: limiter).register(on: signedIn)
    MessageRoutes(
        store: store, composer: configuration.email, clock: configuration.clock, recentAuthentication: auth.recentAuthentication
    ).register(on: admin)
    let announcer = OrderAnnouncer(email: configuration.email)
    let orderRouter = OrderRouter(store: store, settings: platformSettings, announcer: announcer) {
        (try await catalog.snapshot.current(generation: try await catalog.generation.get()), try await catalog.categoryTree.get())
    }
    OrderInboxRoutes(store: store).register(on: signedIn)
    OrderRoutes(
        store: store, clock: configuration.clock, announcer: announcer, router: orderRouter, categoryTree: catalog.categoryTree,
        limiter: limiter, settings: platformSettings
    ).register(on: signedIn)
    ProposalRoutes(store: store, clock: configuration.clock, announcer: announcer, limiter: limiter, settings: platformSettings).register(on: signedIn)
    let projectAnnouncer = ProjectAnnouncer(email: configuration.email)
    ProjectRoutes(store: store, clock: configuration.clock, announcer: projectAnnouncer, settings: platformSettings).register(on: signedIn)
    MilestoneRoutes(store: store, clock: configuration.clock, announcer: projectAnnouncer, settings: platformSettings).register(on: signedIn)
    HourlyRoutes(store: store, clock: configuration.clock, announcer: projectAnnouncer, settings: platformSettings).register(on: signedIn)
    ReviewRoutes(store: store, clock: configuration.clock, announcer: ReviewAnnouncer(email: configuration.email), settings: platformSettings).register(on: signedIn)
    let escrowPayments = EscrowPayments(store: store, processor: processor, announcer: projectAnnouncer)
    PaymentProcessorRoutes(processor: processor).register(on: signedIn)
    SubscriptionRoutes(
        store: store, clock: configuration.clock,
        subscriptions: Subscriptions(store: store, processor: processor, settings: platformSettings, announcer: SubscriptionAnnouncer(email: configuration.email)),
        settings: platformSettings
    ).register(on: signedIn)
    if let stripe = configuration.stripe {
        StripeWebhookRoutes(
            secret: stripe.webhookSecret, events: StripeEvents(store: store, escrow: escrowPayments, announcer: projectAnnouncer), clock: configuration.clock,
            logger: logger
        ).register(on: api)
    }
    PaymentRoutes(store: store, clock: configuration.clock, escrow: escrowPayments, announcer: projectAnnouncer, settings: platformSettings).register(on: signedIn)
    DisputeRoutes(store: store, clock: configuration.clock, announcer: projectAnnouncer).register(on: signedIn)
    DisputeAdminRoutes(store: store, clock: configuration.clock, escrow: escrowPayments).register(on: admin)
    ReviewAdminRoutes(store: store, clock: configuration.clock, announcer: ReviewAnnouncer(email: configuration.email)).register(on: admin)
    NotificationAnalyticsRoutes(store: store, clock: configuration.clock).register(on: admin)
    EmailTemplateRoutes(
        store: store, clock: configuration.clock, composer: configuration.email,
        live: await LiveEmailTemplates.read(from: store, into: configuration.email.templates, logger: logger)
    ).register(on: admin)
    AnnouncementRoutes(
        store: store, clock: configuration.clock, announcer: NewsAnnouncer(email: configuration.email)
    ).register(on: admin)
    StatementRoutes(store: store).register(on: signedIn)
    BillingRoutes(store: store, clock: configuration.clock, settings: platformSettings).register(on: signedIn)
    PaymentMethodRoutes(store: store, clock: configuration.clock, methods: PaymentMethods(store: store, processor: processor)).register(on: signedIn)
    WeekPaymentRoutes(store: store, clock: configuration.clock, billing: HourlyBilling(store: store, processor: processor, announcer: projectAnnouncer)).register(on: signedIn)
    FinanceAdminRoutes(store: store, clock: configuration.clock).register(on: admin)
    PaymentAdminRoutes(store: store, clock: configuration.clock, escrow: escrowPayments).register(on: admin)
    PayoutRoutes(
        store: store, clock: configuration.clock,
        payouts: Payouts(store: store, processor: processor, settings: platformSettings), settings: platformSettings,
        announcer: PayoutAnnouncer(email: configuration.email), recentAuthentication: auth.recentAuthentication
    ).register(on: signedIn)
    let attachments = AttachmentIntake(storage: uploads, store: store, clock: configuration.clock, limiter: limiter)
    DisputeFileRoutes(store: store, intake: attachments, clock: configuration.clock, announcer: projectAnnouncer).register(signedIn: signedIn, admin: admin)
    OrderFileRoutes(store: store, intake: attachments, clock: configuration.clock).register(on: signedIn)
    MilestoneFileRoutes(store: store, intake: attachments, clock: configuration.clock).register(on: signedIn)
    ChatRoutes(
        store: store, keyring: keyring, clock: configuration.clock, limiter: limiter, intake: attachments,
        announcer: ChatAnnouncer(email: configuration.email), settings: platformSettings
    ).register(on: signedIn)
    NotificationRoutes(store: store, clock: configuration.clock).register(on: signedIn)
    let meetingAnnouncer = MeetingAnnouncer(email: configuration.email, clock: configuration.clock)
    let meetingRoutes = MeetingRoutes(store: store, clock: configuration.clock, announcer: meetingAnnouncer, rooms: configuration.meetingRooms)
    meetingRoutes.register(on: signedIn)
    meetingRoutes.registerJoinLink(on: router)
    MeetingNoteRoutes(store: store, clock: configuration.clock).register(on: signedIn)
    ProjectMeetingRoutes(store: store, clock: configuration.clock, calendar: MeetingCalendar(baseURL: configuration.email.baseURL)).register(on: signedIn)
    CalDAVRoutes(
        store: store, clock: configuration.clock, passwords: CalDAVPasswords(documentKey: configuration.documentKey), client: CalDAVClient(),
        allowsLocalServer: configuration.calDAVAllowsLocalServer
    ).register(on: signedIn)
    MeetingInvitationRoutes(store: store, clock: configuration.clock, announcer: meetingAnnouncer, rooms: configuration.meetingRooms).register(on: api)
    CalendarFeedRoutes(
        store: store, clock: configuration.clock,
        links: CalendarFeedLinks(signingKey: configuration.auth.signingKey, previousKeys: configuration.auth.previousSigningKeys, baseURL: configuration.email.baseURL),
        calendar: MeetingCalendar(baseURL: configuration.email.baseURL)
    ).register(signedIn: signedIn, api: api)
    NotificationPreferenceRoutes(store: store, clock: configuration.clock).register(on: signedIn)
    MarkdownPreviewRoutes().register(on: signedIn)
    OrderRoutingAdminRoutes(store: store, clock: configuration.clock, announcer: announcer).register(on: admin)
    PublicRoutes(store: store, settings: platformSettings, clock: configuration.clock).register(on: api)
    PublicProviderRoutes(store: store).register(on: api)
    PublicReviewRoutes(store: store, clock: configuration.clock).register(on: api)
    CityRoutes().register(on: api)
    ProfileViewRoutes(store: store, clock: configuration.clock).register(on: api)
    SkillRoutes(store: store, clock: configuration.clock).register(api: api, admin: admin)
    TestimonialRoutes(store: store, clock: configuration.clock).register(signedIn: signedIn, admin: admin)
    EmailRoutes(store: store, links: configuration.email.unsubscribe, clock: configuration.clock).register(on: api)
    if let liveReload { LiveReloadRoutes(hub: liveReload).register(on: api) }
    routeMethods.fill(router.routes.map { ("\($0.path)", $0.method) })
    openAPI.published.publish(routes: Set(router.routes.map { "\($0.method.rawValue) \($0.path)" }))
    return ServiceParts(
        router: router, chatSocket: chatSocket, roomFeed: RoomFeed(hub: hub, store: store, instance: instance, logger: logger),
        notificationFeed: NotificationFeed(hub: notificationHub, store: store, logger: logger)
    )
}
