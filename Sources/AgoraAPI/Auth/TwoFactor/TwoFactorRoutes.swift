import AgoraDomain
import Foundation
import Hummingbird

/// `/api/auth/two-factor` and `/api/auth/reauthenticate`: the signed-in person's two-factor sign-in, and proving
/// again who they are before a dangerous action. Finishing a sign-in with the second factor is `AuthRoutes`'.
struct TwoFactorRoutes: Sendable {
    let auth: AuthServices

    func register(signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.post("reauthenticate", use: reauthenticate)
        let group = signedIn.group("two-factor")
        group.get(use: status)
        group.post("enrolment", use: beginEnrolment)
        group.post("enrolment/confirm", use: confirmEnrolment)
        let dangerous = group.group().add(middleware: auth.recentAuthentication)
        dangerous.post("recovery-codes", use: replaceRecoveryCodes)
        dangerous.delete(use: disable)
    }

    @Sendable func status(_ request: Request, context: AgoraRequestContext) async throws -> TwoFactorStatusBody {
        TwoFactorStatusBody(try await auth.twoFactor.status(userID: try context.requireIdentity().userID))
    }

    @Sendable func beginEnrolment(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<TwoFactorEnrolmentBody> {
        let enrolment = try await auth.twoFactor.beginEnrolment(try context.requireIdentity())
        return EditedResponse(status: .created, response: TwoFactorEnrolmentBody(
            secret: enrolment.secret, otpauthURI: enrolment.uri, qrCodeSVG: enrolment.qrCodeSVG
        ))
    }

    @Sendable func confirmEnrolment(_ request: Request, context: AgoraRequestContext) async throws -> RecoveryCodesBody {
        let input = try await request.decode(as: TwoFactorCodeInput.self, context: context)
        let codes = try await auth.twoFactor.confirmEnrolment(
            try context.requireIdentity(), code: input.code ?? "", client: ClientInfo(request, context)
        )
        return RecoveryCodesBody(recoveryCodes: codes)
    }

    @Sendable func replaceRecoveryCodes(_ request: Request, context: AgoraRequestContext) async throws -> RecoveryCodesBody {
        RecoveryCodesBody(recoveryCodes: try await auth.twoFactor.replaceRecoveryCodes(
            try context.requireIdentity(), client: ClientInfo(request, context)
        ))
    }

    @Sendable func disable(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        try await auth.twoFactor.disable(try context.requireIdentity(), client: ClientInfo(request, context))
        return Response(status: .noContent)
    }

    @Sendable func reauthenticate(_ request: Request, context: AgoraRequestContext) async throws -> ReauthenticatedBody {
        let input = try await request.decode(as: ReauthenticateInput.self, context: context)
        let until = try await auth.signIn.reauthenticate(
            try context.requireIdentity(), password: input.password, code: input.code, client: ClientInfo(request, context)
        )
        return ReauthenticatedBody(validUntil: until)
    }
}
