import AgoraStore
import Hummingbird
import Logging

/// Builds the companion service: the API under `/api` and the generated site at `/`.
///
/// Middleware, outermost first: request id header, problem documents and the site's 404 page, static files.
public func buildApplication(
    configuration: APIConfiguration,
    store: Store,
    logger: Logger = Logger(label: "agora.api")
) -> some ApplicationProtocol {
    let router = Router(context: AgoraRequestContext.self)
    router.add(middleware: RequestIDMiddleware())
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: ProblemMiddleware(siteDirectory: configuration.siteDirectory))
    router.add(middleware: SiteFileMiddleware.make(siteDirectory: configuration.siteDirectory, logger: logger))
    HealthRoutes(store: store).register(on: router.group("api"))
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Agora"),
        logger: logger
    )
}
