import AgoraAPI
import AgoraDomain
import AgoraJobs
import AgoraTestSupport
import AgoraWorkflows
import Foundation

/// A service configuration for tests: the repository's email templates, a fixed signing key, bcrypt at its
/// lowest cost (tests hash hundreds of passwords), and no CAPTCHA unless a test asks for one.
enum TestConfiguration {
    static let signingKey = Array("test-signing-key-of-at-least-32-bytes!".utf8)
    static let baseURL = "http://agora.test"

    static func make(
        site: URL, clock: any AgoraClock = SystemClock(), captcha: CaptchaMode = .off,
        adjust: (inout AuthSettings) -> Void = { _ in }
    ) async throws -> APIConfiguration {
        var auth = AuthSettings(signingKey: signingKey)
        auth.bcryptCost = 4
        auth.captcha = captcha
        auth.publicBaseURL = baseURL
        adjust(&auth)
        let templates = try EmailTemplates(directory: RepositoryPaths.layouts.appendingPathComponent("email"))
        var configuration = APIConfiguration(
            siteDirectory: site, auth: auth,
            email: EmailComposer(templates: templates, siteName: "Agora", baseURL: baseURL, signingKey: signingKey), clock: clock
        )
        // Suites run side by side on few cores: a live test's client may wait minutes between two requests on its one
        // keep-alive connection, or for a thread to answer a ping or send its first frame.
        configuration.idleTimeout = .seconds(600)
        configuration.chatTiming = ChatSocketTiming(ping: .seconds(300), silence: .seconds(900), authWindow: .seconds(300))
        // The CalDAV tests' Radicale listens on loopback over plain HTTP.
        configuration.calDAVAllowsLocalServer = true
        configuration.storageDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("agora-storage-\(UUID().uuidString)", isDirectory: true)
        return configuration
    }
}
