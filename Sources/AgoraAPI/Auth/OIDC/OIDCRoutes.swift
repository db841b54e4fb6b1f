import AgoraDomain
import Foundation
import HTTPTypes
import Hummingbird

/// "Sign in with Google" (`/api/auth/google`): the redirect to the issuer, its callback, and linking from the
/// security settings. Browsers arrive here by navigation, so failures redirect to the sign-in page with an
/// `?error=` it explains, never to a bare problem document.
struct OIDCRoutes: Sendable {
    let social: SocialSignInService
    let clock: any AgoraClock

    static let cookieName = "agora_oidc"

    func register(on group: RouterGroup<AgoraRequestContext>, signedIn: RouterGroup<AgoraRequestContext>) {
        group.get("google", use: start)
        group.get("google/callback", use: callback)
        signedIn.post("google/link", use: link)
    }

    @Sendable func start(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let next = Self.safeNext(request.uri.queryParameters.get("next"))
        do {
            let (url, sealed) = try await social.startOIDC(next: next)
            var response = Self.redirect(to: url, status: .found)
            response.setCookie(cookie(sealed))
            return response
        } catch let failure as OIDCFailure {
            return Self.redirect(to: PagePaths.login + "?error=\(failure.rawValue)")
        } catch {
            return Self.redirect(to: PagePaths.login + "?error=\(OIDCFailure.failed.rawValue)")
        }
    }

    @Sendable func callback(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let outcome = await social.finishOIDC(
            code: query.get("code"), state: query.get("state"), error: query.get("error"),
            cookie: request.cookies[Self.cookieName]?.value,
            client: ClientInfo(request, context)
        )
        var response: Response
        switch outcome {
        case .signedIn(.signedIn(let session), let next):
            response = Self.redirect(to: next)
            response.setCookie(RefreshCookie.set(session.refreshToken, expires: session.refreshExpiresAt, now: clock.now, secure: social.settings.secureCookies))
        case .signedIn(.secondFactorRequired(let prompt), let next):
            // The challenge travels in the fragment, which browsers never send to a server or in a Referer.
            response = Self.redirect(to: PagePaths.secondFactorPrompt(challenge: prompt.challenge, next: next))
        case .linked:
            response = Self.redirect(to: PagePaths.securitySettings + "?linked=google")
        case .failed(let failure):
            response = Self.redirect(to: PagePaths.login + "?error=\(failure.rawValue)")
        }
        response.setCookie(cookie("", maxAge: 0))
        return response
    }

    /// For the security settings: the URL to send the signed-in person to, to link their account at the issuer.
    @Sendable func link(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        do {
            let (url, sealed) = try await social.startOIDC(next: PagePaths.securitySettings, linkUserID: identity.userID)
            var response = try context.responseEncoder.encode(["url": url], from: request, context: context)
            response.setCookie(cookie(sealed))
            return response
        } catch OIDCFailure.disabled {
            throw Problem(status: .notFound, detail: "Sign-in with Google is not configured on this site.")
        }
    }

    /// The attempt's cookie: readable by the callback only, sent on the issuer's top-level redirect back
    /// (`SameSite=Lax`; `Strict` would drop it), and gone after ten minutes.
    private func cookie(_ value: String, maxAge: Int = 600) -> Cookie {
        Cookie(name: Self.cookieName, value: value, maxAge: maxAge, path: OIDCRoutesPaths.start,
               secure: social.settings.secureCookies, httpOnly: true, sameSite: .lax)
    }

    static func redirect(to location: String, status: HTTPResponse.Status = .seeOther) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers)
    }

    /// A path on this site only (`/settings/`), else the security settings.
    static func safeNext(_ next: String?) -> String {
        SameSiteRedirect.path(next) ?? PagePaths.securitySettings
    }
}
