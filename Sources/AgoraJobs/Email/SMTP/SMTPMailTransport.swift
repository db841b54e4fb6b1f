import Foundation
import NIOCore
import NIOSSL

/// Delivers through an SMTP relay: `smtp://user:password@host:587` upgrades to TLS with STARTTLS whenever the
/// server offers it (and refuses to send a password otherwise, or anything at all when `requiresTLS`),
/// `smtps://…:465` speaks TLS from the start. Either
/// authenticates with AUTH PLAIN (or LOGIN) when the URL carries credentials. One connection per message.
public struct SMTPMailTransport: MailTransport {
    public struct Settings: Sendable {
        public let host: String
        public let port: Int
        public let implicitTLS: Bool
        public let username: String?
        public let password: String?
        /// Refuse to send over a connection without TLS even when there is no password to protect: the messages
        /// themselves hold single-use links. `agora serve` turns it on in production.
        public var requiresTLS = false

        /// Reads `smtp://user:password@host:port` or `smtps://…`; user and password are percent-decoded.
        public init(url text: String) throws {
            guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
                  ["smtp", "smtps"].contains(scheme), let host = components.host, !host.isEmpty
            else { throw MailSettingsError("expected smtp://user:password@host:port or smtps://…") }
            self.host = host
            implicitTLS = scheme == "smtps"
            port = components.port ?? (implicitTLS ? 465 : 587)
            username = components.percentEncodedUser.flatMap { $0.removingPercentEncoding }
            password = components.percentEncodedPassword.flatMap { $0.removingPercentEncoding }
        }
    }

    let settings: Settings
    let tls: NIOSSLContext
    /// The name this machine gives in EHLO.
    let clientName: String
    let timeout: TimeAmount

    /// `trustRoots`: a PEM file of certificate authorities to trust instead of the system's, for a private relay.
    public init(settings: Settings, trustRoots: String? = nil, clientName: String = "agora.localhost", timeout: TimeAmount = .seconds(30)) throws {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let trustRoots { configuration.trustRoots = .file(trustRoots) }
        self.settings = settings
        self.tls = try NIOSSLContext(configuration: configuration)
        self.clientName = clientName
        self.timeout = timeout
    }

    public func deliver(_ message: MIMEMessage) async throws {
        let connection = try await SMTPConnection.open(
            host: settings.host, port: settings.port, implicitTLS: settings.implicitTLS ? tls : nil, timeout: timeout
        )
        do {
            try await converse(connection, message)
        } catch {
            await connection.close()
            throw error
        }
        await connection.close()
    }

    private func converse(_ connection: SMTPConnection, _ message: MIMEMessage) async throws {
        try await connection.expect([220], from: "the greeting")
        var capabilities = try await hello(connection)
        if !settings.implicitTLS {
            if capabilities.contains("STARTTLS") {
                try await connection.send("STARTTLS", expecting: [220])
                try await connection.startTLS(context: tls, host: settings.host)
                capabilities = try await hello(connection)
            } else if settings.username != nil || settings.requiresTLS {
                throw SMTPError.tlsRequired
            }
        }
        if let username = settings.username {
            let password = settings.password ?? ""
            let mechanisms = capabilities.first { $0.hasPrefix("AUTH ") }.map { Set($0.split(separator: " ").dropFirst().map(String.init)) } ?? []
            if mechanisms.contains("PLAIN") {
                let token = Data("\0\(username)\0\(password)".utf8).base64EncodedString()
                try await connection.send("AUTH PLAIN \(token)", expecting: [235], shown: "AUTH PLAIN")
            } else if mechanisms.contains("LOGIN") {
                try await connection.send("AUTH LOGIN", expecting: [334])
                try await connection.send(Data(username.utf8).base64EncodedString(), expecting: [334], shown: "the user name")
                try await connection.send(Data(password.utf8).base64EncodedString(), expecting: [235], shown: "the password")
            } else {
                throw SMTPError.noSupportedAuthentication
            }
        }
        try await connection.send("MAIL FROM:<\(Self.address(in: message.from))>", expecting: [250])
        try await connection.send("RCPT TO:<\(message.email.recipient)>", expecting: [250, 251])
        try await connection.send("DATA", expecting: [354])
        try await connection.sendData(Self.dotStuffed(message.text) + ".\r\n", expecting: [250])
        _ = try? await connection.send("QUIT", expecting: [221])
    }

    /// EHLO, and the extensions the server lists (upper-cased).
    private func hello(_ connection: SMTPConnection) async throws -> [String] {
        let reply = try await connection.send("EHLO \(clientName)", expecting: [250])
        return reply.lines.dropFirst().map { $0.uppercased() }
    }

    /// `Agora <no-reply@agora.example>` → `no-reply@agora.example`.
    static func address(in header: String) -> String {
        guard let open = header.lastIndex(of: "<"), let close = header.lastIndex(of: ">"), open < close else {
            return header.trimmingCharacters(in: .whitespaces)
        }
        return String(header[header.index(after: open)..<close])
    }

    /// Lines that start with a dot get a second one (RFC 5321 §4.5.2); the text ends with CRLF.
    static func dotStuffed(_ text: String) -> String {
        var lines = text.components(separatedBy: "\r\n")
        if lines.last == "" { lines.removeLast() }
        return lines.map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n") + "\r\n"
    }
}

/// A mail setting that cannot work, named so the operator can fix it.
public struct MailSettingsError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
