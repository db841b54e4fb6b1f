import AgoraDomain
import Foundation
import HTTPTypes
import Hummingbird

/// `/api/auth`: registration, verification, login, refresh, sessions and passwords. Each route decodes its body
/// strictly, calls the service of its concern (`AuthServices`), and encodes the answer; the rules live in the
/// services and the domain.
struct AuthRoutes: Sendable {
    let auth: AuthServices

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
        group.post("sign-in-link", use: signInWithLink)
        group.post("login/second-factor", use: completeSignIn)
        group.post("refresh", use: refresh)
        group.post("forgot-password", use: forgotPassword)
        group.post("reset-password", use: resetPassword)
        let signedIn = group.group().add(middleware: AuthenticationMiddleware(signIn: auth.signIn))
        signedIn.get("me", use: me)
        signedIn.post("logout", use: logout)
        signedIn.post("logout-all", use: logoutAll)
        signedIn.get("sessions", use: sessions)
        signedIn.delete("sessions/{id}", use: endSession)
        signedIn.put("change-password", use: changePassword)
        OIDCRoutes(social: auth.social, clock: auth.signIn.clock).register(on: group, signedIn: signedIn)
        TwoFactorRoutes(auth: auth).register(signedIn: signedIn)
    }

    @Sendable func registrationForm(_ request: Request, context: AgoraRequestContext) async throws -> RegistrationFormBody {
        RegistrationFormBody(
            legal: auth.settings.legal, socialSignIn: auth.social.provider == nil ? [] : ["google"], captcha: await auth.registration.captcha.challenge()
        )
    }

    @Sendable func register(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<RegistrationBody> {
        let input = try await request.decode(as: RegistrationInput.self, context: context)
        let form = input.form
        try await auth.registration.register(
            form, captchaChallenge: input.captchaChallenge, captchaSolution: input.captchaSolution, client: ClientInfo(request, context)
        )
        return EditedResponse(status: .accepted, response: RegistrationBody(
            email: (try? Email(form.email ?? ""))?.value ?? "", firstName: form.firstName ?? "", lastName: form.lastName ?? "",
            userType: form.userType ?? "", message: "Check your inbox: we sent a link to confirm your email address."
        ))
    }

    @Sendable func emailAvailable(_ request: Request, context: AgoraRequestContext) async throws -> EmailAvailabilityBody {
        guard let raw = try QueryParameters.first("email", of: request) else {
            throw ValidationError(field: "email", message: "is required")
        }
        let available = try await auth.registration.isEmailAvailable(raw, client: ClientInfo(request, context))
        return EmailAvailabilityBody(email: try Email(raw).value, available: available)
    }

    @Sendable func verifyEmail(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        return try signIn(try await auth.registration.verifyEmail(token: token, client: ClientInfo(request, context)), request: request, context: context)
    }

    @Sendable func resendVerification(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<AcceptedBody> {
        let input = try await request.decode(as: EmailInput.self, context: context)
        try await auth.registration.resendVerification(email: input.email ?? "", client: ClientInfo(request, context))
        return EditedResponse(status: .accepted, response: AcceptedBody(message: "If this address waits for confirmation, a new link is on its way."))
    }

    @Sendable func login(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let input = try await request.decode(as: LoginInput.self, context: context)
        let step = try await auth.signIn.login(
            email: input.email ?? "", password: input.password ?? "", rememberMe: input.rememberMe, captcha: input.captcha,
            client: ClientInfo(request, context)
        )
        return try signIn(step, request: request, context: context)
    }

    @Sendable func completeSignIn(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let input = try await request.decode(as: SecondFactorInput.self, context: context)
        let session = try await auth.signIn.completeSignIn(
            challenge: input.challenge ?? "", code: input.code ?? "", client: ClientInfo(request, context)
        )
        return try signIn(session, request: request, context: context)
    }

    @Sendable func signInWithLink(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let input = try await request.decode(as: SignInLinkInput.self, context: context)
        let step = try await auth.signIn.signIn(link: input.token ?? "", client: ClientInfo(request, context))
        return try signIn(step, request: request, context: context)
    }

    @Sendable func refresh(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        do {
            let session = try await auth.signIn.refresh(token: RefreshCookie.read(request), client: ClientInfo(request, context))
            return try signIn(session, request: request, context: context)
        } catch let problem as Problem {
            var response = problem.at(request.uri.path).response()
            response.setCookie(RefreshCookie.clear(secure: auth.settings.secureCookies))
            return response
        }
    }

    @Sendable func forgotPassword(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<AcceptedBody> {
        let input = try await request.decode(as: EmailInput.self, context: context)
        try await auth.passwords.forgotPassword(email: input.email ?? "", client: ClientInfo(request, context))
        return EditedResponse(status: .accepted, response: AcceptedBody(message: "If an account uses this address, a reset link is on its way."))
    }

    @Sendable func resetPassword(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let input = try await request.decode(as: ResetPasswordInput.self, context: context)
        try await auth.passwords.resetPassword(token: input.token, newPassword: input.password, client: ClientInfo(request, context))
        return signedOut(request)
    }

    @Sendable func me(_ request: Request, context: AgoraRequestContext) async throws -> AccountBody {
        let identity = try context.requireIdentity()
        return AccountBody(try await auth.signIn.signInAllowed(userID: identity.userID))
    }

    @Sendable func logout(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        try await auth.signIn.logout(try context.requireIdentity(), client: ClientInfo(request, context))
        return signedOut(request)
    }

    @Sendable func logoutAll(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        _ = try await auth.signIn.logoutEverywhere(try context.requireIdentity(), client: ClientInfo(request, context))
        return signedOut(request)
    }

    @Sendable func sessions(_ request: Request, context: AgoraRequestContext) async throws -> SessionListBody {
        let identity = try context.requireIdentity()
        let sessions = try await auth.signIn.sessions(of: identity)
        return SessionListBody(sessions: sessions.map { SessionBody($0, current: identity.session) })
    }

    @Sendable func endSession(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let id = context.parameters.get("id") ?? ""
        try await auth.signIn.endSession(id, of: identity, client: ClientInfo(request, context))
        return Response(status: .noContent)
    }

    @Sendable func changePassword(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let input = try await request.decode(as: ChangePasswordInput.self, context: context)
        try await auth.passwords.changePassword(identity, current: input.current, new: input.new, client: ClientInfo(request, context))
        return Response(status: .noContent)
    }

    /// `204 No Content` that also removes the refresh cookie from the browser.
    private func signedOut(_ request: Request) -> Response {
        var response = Response(status: .noContent)
        response.setCookie(RefreshCookie.clear(secure: auth.settings.secureCookies))
        return response
    }

    /// A signed-in session's answer, or 401 `second-factor-required` with the challenge to finish it.
    private func signIn(_ step: SignInStep, request: Request, context: AgoraRequestContext) throws -> Response {
        switch step {
        case .signedIn(let session): return try signIn(session, request: request, context: context)
        case .secondFactorRequired(let prompt): throw Problem.secondFactorRequired(prompt)
        }
    }

    /// The access token and the account, with the refresh token in its cookie.
    private func signIn(_ session: IssuedSession, request: Request, context: AgoraRequestContext) throws -> Response {
        let body = SignInBody(accessToken: session.accessToken, expiresIn: Int(auth.settings.accessTokenLifetime), user: AccountBody(session.user))
        var response = try context.responseEncoder.encode(body, from: request, context: context)
        response.setCookie(RefreshCookie.set(session.refreshToken, expires: session.refreshExpiresAt, now: auth.signIn.clock.now, secure: auth.settings.secureCookies))
        return response
    }
}
