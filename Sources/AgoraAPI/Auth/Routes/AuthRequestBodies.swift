import AgoraDomain

/// `POST /api/auth/register`: the registration form as typed, and the CAPTCHA's answer. Rules live in the domain.
struct RegistrationInput: RequestBody {
    static let fields: Set<String> = [
        "first_name", "last_name", "email", "password", "phone", "country", "user_type",
        "accepted_terms_version", "accepted_privacy_version", "captcha_challenge", "captcha_solution",
    ]

    let form: RegistrationForm
    let captchaChallenge: String?
    let captchaSolution: String?

    init(reading body: inout JSONObjectBody) {
        form = RegistrationForm(
            firstName: body.string("first_name", required: false, maximumLength: 200),
            lastName: body.string("last_name", required: false, maximumLength: 200),
            email: body.string("email", required: false, maximumLength: AuthRoutes.typedEmailLimit),
            password: body.string("password", required: false, maximumLength: 200),
            phone: body.string("phone", required: false, maximumLength: 40),
            country: body.string("country", required: false, maximumLength: 2),
            userType: body.string("user_type", required: false, maximumLength: 20),
            acceptedTermsVersion: body.string("accepted_terms_version", required: false, maximumLength: 40),
            acceptedPrivacyVersion: body.string("accepted_privacy_version", required: false, maximumLength: 40)
        )
        captchaChallenge = body.string("captcha_challenge", required: false, maximumLength: 200)
        captchaSolution = body.string("captcha_solution", required: false, maximumLength: 4_096)
    }
}

/// `POST /api/auth/login`.
struct LoginInput: RequestBody {
    static let fields: Set<String> = ["email", "password", "remember_me", "captcha_challenge", "captcha_solution"]

    let email: String?
    let password: String?
    let rememberMe: Bool
    /// Asked for only after repeated failures for the address (`captcha-required`).
    let captcha: CaptchaAnswer

    init(reading body: inout JSONObjectBody) {
        email = body.string("email", maximumLength: AuthRoutes.typedEmailLimit)
        password = body.string("password", maximumLength: 200)
        rememberMe = body.bool("remember_me")
        captcha = CaptchaAnswer(
            challenge: body.string("captcha_challenge", required: false, maximumLength: 200),
            solution: body.string("captcha_solution", required: false, maximumLength: 4_096)
        )
    }
}

/// `POST /api/auth/sign-in-link`.
struct SignInLinkInput: RequestBody {
    static let fields: Set<String> = ["token"]

    let token: String?

    init(reading body: inout JSONObjectBody) {
        token = body.string("token", maximumLength: 100)
    }
}

/// The routes that take only an address (a new verification link, a reset link).
struct EmailInput: RequestBody {
    static let fields: Set<String> = ["email"]

    let email: String?

    init(reading body: inout JSONObjectBody) {
        email = body.string("email", maximumLength: AuthRoutes.typedEmailLimit)
    }
}

/// `POST /api/auth/reset-password`.
struct ResetPasswordInput: RequestBody {
    static let fields: Set<String> = ["token", "password"]

    let token: String?
    let password: String?

    init(reading body: inout JSONObjectBody) {
        token = body.string("token", required: false, maximumLength: 100)
        password = body.string("password", required: false, maximumLength: 200)
    }
}

/// `PUT /api/auth/change-password`.
struct ChangePasswordInput: RequestBody {
    static let fields: Set<String> = ["current_password", "new_password"]

    let current: String?
    let new: String?

    init(reading body: inout JSONObjectBody) {
        current = body.string("current_password", required: false, maximumLength: 200)
        new = body.string("new_password", required: false, maximumLength: 200)
    }
}
