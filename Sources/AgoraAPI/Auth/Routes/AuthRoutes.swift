import AgoraDomain
import Foundation
import HTTPTypes
import Hummingbird

/// `/api/auth`: registration, verification, login, refresh, sessions and passwords. Each route decodes its body
/// strictly, calls `AuthService`, and encodes the answer; the rules live in the service and the domain.
struct AuthRoutes: Sendable {
    let auth: AuthService

    /// How much of a typed address reaches the domain's `Email` rule, which explains its own 254-character limit;
    /// beyond this the body is refused as a plain length error.
    static let typedEmailLimit = 320

    func register(on api: RouterGroup<AgoraRequestContext>) {
        let group = api.group("auth")
        group.get("registration-form", use: registrationForm)
        group.post("register", use: register)
        group.get("email-available", use: emailAvailable)
        group.get("verify-email/{token}", use: verifyEmail)
        group.post("resend-verification", use: resendVerification)
        group.post("login", use: login)
        group.post("refresh", use: refresh)
        group.post("forgot-password", use: forgotPassword)
        group.post("reset-password", use: resetPassword)
        let signedIn = group.group().add(middleware: AuthenticationMiddleware(auth: auth))
        signedIn.get("me", use: me)
        signedIn.post("logout", use: logout)
        signedIn.post("logout-all", use: logoutAll)
        signedIn.get("sessions", use: sessions)
        signedIn.delete("sessions/{id}", use: endSession)
        signedIn.put("change-password", use: changePassword)
        OIDCRoutes(auth: auth).register(on: group, signedIn: signedIn)
    }

    private func client(_ request: Request, _ context: AgoraRequestContext) -> ClientInfo {
        ClientInfo(ipAddress: context.clientAddress, userAgent: String((request.headers[.userAgent] ?? "").prefix(512)))
    }

    @Sendable func registrationForm(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        try JSONResponse.make(RegistrationFormBody(
            legal: auth.settings.legal, socialSignIn: auth.oidc == nil ? [] : ["google"], captcha: await auth.captcha.challenge()
        ))
    }

    @Sendable func register(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        var body = try await JSONObjectBody.read(request, allowing: [
            "first_name", "last_name", "email", "password", "phone", "country", "user_type",
            "accepted_terms_version", "accepted_privacy_version", "captcha_challenge", "captcha_solution",
        ])
        let form = RegistrationForm(
            firstName: body.string("first_name", required: false, maximumLength: 200),
            lastName: body.string("last_name", required: false, maximumLength: 200),
            email: body.string("email", required: false, maximumLength: Self.typedEmailLimit),
            password: body.string("password", required: false, maximumLength: 200),
            phone: body.string("phone", required: false, maximumLength: 40),
            country: body.string("country", required: false, maximumLength: 2),
            userType: body.string("user_type", required: false, maximumLength: 20),
            acceptedTermsVersion: body.string("accepted_terms_version", required: false, maximumLength: 40),
            acceptedPrivacyVersion: body.string("accepted_privacy_version", required: false, maximumLength: 40)
        )
        let challenge = body.string("captcha_challenge", required: false, maximumLength: 200)
        let solution = body.string("captcha_solution", required: false, maximumLength: 4_096)
        try body.finish()
        try await auth.register(form, captchaChallenge: challenge, captchaSolution: solution, client: client(request, context))
        return try JSONResponse.make(RegistrationBody(
            email: (try? Email(form.email ?? ""))?.value ?? "", firstName: form.firstName ?? "", lastName: form.lastName ?? "",
            userType: form.userType ?? "", message: "Check your inbox: we sent a link to confirm your email address."
        ), status: .accepted)
    }

    @Sendable func emailAvailable(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        guard let raw = request.uri.queryParameters.get("email") else {
            throw ValidationError(field: "email", message: "is required")
        }
        let available = try await auth.isEmailAvailable(raw, client: client(request, context))
        return try JSONResponse.make(EmailAvailabilityBody(email: try Email(raw).value, available: available))
    }

    @Sendable func verifyEmail(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        return try signIn(try await auth.verifyEmail(token: token, client: client(request, context)), request: request)
    }

    @Sendable func resendVerification(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        try await auth.resendVerification(email: try await emailOnly(request), client: client(request, context))
        return try JSONResponse.make(AcceptedBody(message: "If this address waits for confirmation, a new link is on its way."), status: .accepted)
    }

    @Sendable func login(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        var body = try await JSONObjectBody.read(request, allowing: ["email", "password", "remember_me"])
        let email = body.string("email", maximumLength: Self.typedEmailLimit)
        let password = body.string("password", maximumLength: 200)
        let rememberMe = body.bool("remember_me")
        try body.finish()
        let session = try await auth.login(
            email: email ?? "", password: password ?? "", rememberMe: rememberMe, client: client(request, context)
        )
        return try signIn(session, request: request)
    }

    @Sendable func refresh(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        do {
            return try signIn(try await auth.refresh(token: RefreshCookie.read(request), client: client(request, context)), request: request)
        } catch let problem as Problem {
            var response = problem.at(request.uri.path).response()
            response.setCookie(RefreshCookie.clear(request: request))
            return response
        }
    }

    @Sendable func forgotPassword(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        try await auth.forgotPassword(email: try await emailOnly(request), client: client(request, context))
        return try JSONResponse.make(AcceptedBody(message: "If an account uses this address, a reset link is on its way."), status: .accepted)
    }

    @Sendable func resetPassword(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        var body = try await JSONObjectBody.read(request, allowing: ["token", "password"])
        let token = body.string("token", required: false, maximumLength: 100)
        let password = body.string("password", required: false, maximumLength: 200)
        try body.finish()
        try await auth.resetPassword(token: token, newPassword: password, client: client(request, context))
        return signedOut(request)
    }

    @Sendable func me(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        return try JSONResponse.make(AccountBody(try await auth.signInAllowed(userID: identity.userID)))
    }

    @Sendable func logout(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        try await auth.logout(try context.requireIdentity(), client: client(request, context))
        return signedOut(request)
    }

    @Sendable func logoutAll(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        _ = try await auth.logoutEverywhere(try context.requireIdentity(), client: client(request, context))
        return signedOut(request)
    }

    @Sendable func sessions(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let sessions = try await auth.sessions(of: identity)
        return try JSONResponse.make(["sessions": sessions.map { SessionBody($0, current: identity.session) }])
    }

    @Sendable func endSession(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let id = context.parameters.get("id") ?? ""
        try await auth.endSession(id, of: identity, client: client(request, context))
        return Response(status: .noContent)
    }

    @Sendable func changePassword(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        var body = try await JSONObjectBody.read(request, allowing: ["current_password", "new_password"])
        let current = body.string("current_password", required: false, maximumLength: 200)
        let new = body.string("new_password", required: false, maximumLength: 200)
        try body.finish()
        try await auth.changePassword(try context.requireIdentity(), current: current, new: new, client: client(request, context))
        return Response(status: .noContent)
    }

    /// The body of the routes that take only an address.
    private func emailOnly(_ request: Request) async throws -> String {
        var body = try await JSONObjectBody.read(request, allowing: ["email"])
        let email = body.string("email", maximumLength: Self.typedEmailLimit)
        try body.finish()
        return email ?? ""
    }

    /// `204 No Content` that also removes the refresh cookie from the browser.
    private func signedOut(_ request: Request) -> Response {
        var response = Response(status: .noContent)
        response.setCookie(RefreshCookie.clear(request: request))
        return response
    }

    private func signIn(_ session: IssuedSession, request: Request) throws -> Response {
        var response = try JSONResponse.make(SignInBody(
            accessToken: session.accessToken, expiresIn: Int(auth.settings.accessTokenLifetime), user: AccountBody(session.user)
        ))
        response.setCookie(RefreshCookie.set(session.refreshToken, expires: session.refreshExpiresAt, now: auth.clock.now, request: request))
        return response
    }
}
