import Foundation
import Hummingbird

/// The refresh token's cookie: HttpOnly (no script reads it), SameSite=Strict (no other site sends it), scoped to
/// `/api/auth`, and Secure whenever the site's public URL is https (`AuthSettings.secureCookies`) — whatever `Host`
/// a proxy in front of the service sends.
enum RefreshCookie {
    static let name = "agora_refresh"
    static let path = "/api/auth"

    static func set(_ token: String, expires: Date, now: Date, secure: Bool) -> Cookie {
        Cookie(
            name: name, value: token, maxAge: max(Int(expires.timeIntervalSince(now)), 0), path: path,
            secure: secure, httpOnly: true, sameSite: .strict
        )
    }

    static func clear(secure: Bool) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: path, secure: secure, httpOnly: true, sameSite: .strict)
    }

    static func read(_ request: Request) -> String? {
        request.cookies[name]?.value
    }
}
