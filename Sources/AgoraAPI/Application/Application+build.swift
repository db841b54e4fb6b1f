import AgoraStore
import Hummingbird
import Logging

/// Builds the companion service: the API under `/api` and the generated site at `/`.
/// With a watcher (`agora serve --watch`), the live-reload routes are added and the watcher runs beside the server.
public func buildApplication(
    configuration: APIConfiguration,
    store: Store,
    watcher: SiteWatcher? = nil,
    logger: Logger = Logger(label: "agora.api")
) -> some ApplicationProtocol {
    Application(
        router: buildRouter(configuration: configuration, store: store, liveReload: watcher?.hub, logger: logger),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Agora"),
        services: watcher.map { [$0] } ?? [],
        logger: logger
    )
}

/// The router with every route and middleware. Middleware, outermost first: request id header, request log,
/// problem documents and the site's 404 page, published redirects, cache headers, static files.
public func buildRouter(configuration: APIConfiguration, store: Store, liveReload: LiveReloadHub? = nil, logger: Logger) -> Router<AgoraRequestContext> {
    let router = Router(context: AgoraRequestContext.self)
    router.add(middleware: RequestIDMiddleware())
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: ProblemMiddleware(siteDirectory: configuration.siteDirectory))
    router.add(middleware: RedirectMiddleware(siteDirectory: configuration.siteDirectory))
    router.add(middleware: AssetCacheMiddleware())
    router.add(middleware: SiteFileMiddleware.make(siteDirectory: configuration.siteDirectory, logger: logger))
    let api = router.group("api")
    HealthRoutes(store: store).register(on: api)
    OpenAPIRoutes().register(on: api)
    if let liveReload { LiveReloadRoutes(hub: liveReload).register(on: api) }
    return router
}
