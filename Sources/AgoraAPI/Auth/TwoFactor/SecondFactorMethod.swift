/// How someone proved their second factor.
enum SecondFactorMethod: String, Sendable {
    case authenticator
    case recoveryCode = "recovery-code"
}
