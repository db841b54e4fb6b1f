import Foundation

/// A person's own CalDAV calendar that meetings are pushed to: the calendar collection's address, the user name and
/// an app password. The address must be `https` — a server on this machine over plain `http` only where the service
/// allows it (tests against a local server) — and may not name a private or loopback address literally, so that the
/// connection form cannot be used to reach the service's own network. `init` checks every field, each bad one named.
public struct CalDAVAccount: Sendable, Hashable {
    public static let urlLength = 1...500
    public static let usernameLength = 1...200
    public static let passwordLength = 1...500

    /// The collection's address, ending with `/`.
    public let url: String
    public let username: String
    public let password: String

    public init(url: String?, username: String?, password: String?, allowsLocalServer: Bool) throws {
        var errors: [FieldError] = []
        let address = Self.address(url, allowsLocalServer: allowsLocalServer, errors: &errors)
        let username = FieldReading.text(username, field: "username", length: Self.usernameLength, multiline: false, errors: &errors)
        if password == nil || password?.isEmpty == true {
            errors.append(FieldError(field: "password", message: "is required: an app password made for this calendar"))
        } else if let password, !Self.passwordLength.contains(password.count) || password.unicodeScalars.contains(where: { $0.value < 0x20 }) {
            errors.append(FieldError(field: "password", message: "must be 1 to 500 characters without control characters"))
        }
        guard errors.isEmpty, let address, let username, let password else { throw ValidationError(errors) }
        self.url = address
        self.username = username
        self.password = password
    }

    private static func address(_ raw: String?, allowsLocalServer: Bool, errors: inout [FieldError]) -> String? {
        guard let raw = raw?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else {
            errors.append(FieldError(field: "url", message: "is required: the address of your calendar, from your calendar's settings"))
            return nil
        }
        guard urlLength.contains(raw.count), let url = URL(string: raw), let scheme = url.scheme?.lowercased(), let host = url.host?.lowercased(), !host.isEmpty,
              url.user == nil, !raw.unicodeScalars.contains(where: { $0.value <= 0x20 })
        else {
            errors.append(FieldError(field: "url", message: "must be a web address such as https://caldav.example.com/calendars/you/meetings/"))
            return nil
        }
        let local = host == "localhost" || host == "127.0.0.1" || host == "::1" || host == "[::1]"
        if local && !allowsLocalServer || isPrivate(host) && !local {
            errors.append(FieldError(field: "url", message: "must be a public server: addresses on a private network are not reached"))
            return nil
        }
        guard scheme == "https" || (scheme == "http" && local && allowsLocalServer) else {
            errors.append(FieldError(field: "url", message: "must start with https://"))
            return nil
        }
        return raw.hasSuffix("/") ? raw : raw + "/"
    }

    /// An IPv4 literal in a private, loopback, link-local or unspecified range, or an IPv6 literal.
    static func isPrivate(_ host: String) -> Bool {
        if host.hasPrefix("[") || host.contains(":") { return true }
        let parts = host.split(separator: ".").compactMap { Int($0) }
        guard parts.count == 4, host.allSatisfy({ $0.isNumber || $0 == "." }) else { return false }
        switch (parts[0], parts[1]) {
        case (10, _), (127, _), (0, _), (169, 254), (192, 168): return true
        case (172, 16...31), (100, 64...127): return true
        default: return false
        }
    }
}
