import Foundation
import Hummingbird

/// The refresh token's cookie: HttpOnly (no script reads it), SameSite=Strict (no other site sends it), scoped to
/// `/api/auth`, and Secure unless the page is served over plain HTTP on this machine during development.
enum RefreshCookie {
    static let name = "agora_refresh"
    static let path = "/api/auth"

    static func set(_ token: String, expires: Date, now: Date, request: Request) -> Cookie {
        Cookie(
            name: name, value: token, maxAge: max(Int(expires.timeIntervalSince(now)), 0), path: path,
            secure: isSecure(request), httpOnly: true, sameSite: .strict
        )
    }

    static func clear(request: Request) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: path, secure: isSecure(request), httpOnly: true, sameSite: .strict)
    }

    static func read(_ request: Request) -> String? {
        request.cookies[name]?.value
    }

    /// Browsers keep Secure cookies only over HTTPS, except on localhost; `agora serve` itself speaks plain HTTP
    /// behind a TLS proxy, so only a request addressed to this machine gets a cookie without the flag.
    static func isSecure(_ request: Request) -> Bool {
        let host = (request.head.authority ?? "").lowercased()
        let name = host.hasPrefix("[") ? String(host.prefix { $0 != "]" }.dropFirst()) : String(host.prefix { $0 != ":" })
        return !["localhost", "127.0.0.1", "::1"].contains(name)
    }
}
