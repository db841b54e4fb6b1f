import Foundation
import Hummingbird

/// `POST /api/auth/login/second-factor`: the challenge a password sign-in answered with, and the code.
struct SecondFactorInput: RequestBody {
    static let fields: Set<String> = ["challenge", "code"]

    let challenge: String?
    let code: String?

    init(reading body: inout JSONObjectBody) {
        challenge = body.string("challenge", maximumLength: 100)
        code = body.string("code", maximumLength: 40)
    }
}

/// `POST /api/auth/two-factor/enrolment/confirm`.
struct TwoFactorCodeInput: RequestBody {
    static let fields: Set<String> = ["code"]

    let code: String?

    init(reading body: inout JSONObjectBody) {
        code = body.string("code", maximumLength: 40)
    }
}

/// `POST /api/auth/reauthenticate`: the code for an account with two factors, the password otherwise.
struct ReauthenticateInput: RequestBody {
    static let fields: Set<String> = ["password", "code"]

    let password: String?
    let code: String?

    init(reading body: inout JSONObjectBody) {
        password = body.string("password", required: false, maximumLength: 200)
        code = body.string("code", required: false, maximumLength: 40)
    }
}

/// `GET /api/auth/two-factor`.
struct TwoFactorStatusBody: ResponseEncodable {
    let enabled: Bool
    let enrolmentPending: Bool
    let recoveryCodesLeft: Int
    let required: Bool

    init(_ status: TwoFactorService.Status) {
        enabled = status.enabled
        enrolmentPending = status.enrolmentPending
        recoveryCodesLeft = status.recoveryCodesLeft
        required = status.required
    }
}

/// `POST /api/auth/two-factor/enrolment`: the secret three ways — to type, as a link, as a QR code (SVG).
struct TwoFactorEnrolmentBody: ResponseEncodable {
    let secret: String
    let otpauthURI: String
    let qrCodeSVG: String
}

/// New recovery codes, shown once.
struct RecoveryCodesBody: ResponseEncodable {
    let recoveryCodes: [String]
}

/// `POST /api/auth/reauthenticate`: until when dangerous actions are allowed.
struct ReauthenticatedBody: ResponseEncodable {
    let validUntil: Date
}
