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
            email: EmailComposer(templates: templates, siteName: "Agora", baseURL: baseURL), clock: clock
        )
        configuration.storageDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("agora-storage-\(UUID().uuidString)", isDirectory: true)
        return configuration
    }
}
