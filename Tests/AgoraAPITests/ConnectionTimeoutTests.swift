@testable import AgoraAPI
import AgoraTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

extension MachineBound {
    @Suite("Connection timeouts and request deadlines", .serialized)
    struct ConnectionTimeoutTests {
        /// A connection that sends the start of a request and then nothing, as slowloris does.
        func slowConnection(port: Int) throws -> Int32 {
            let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard socket >= 0 else { throw TestSetupError("no socket") }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { throw TestSetupError("cannot connect") }
            let start = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
            _ = start.withCString { send(socket, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
            return socket
        }

        /// Whether the server closed the connection (an end of stream or a reset), without waiting for it.
        func isClosed(_ socket: Int32) -> Bool {
            var byte: UInt8 = 0
            while true {
                let read = recv(socket, &byte, 1, Int32(MSG_DONTWAIT))
                if read == 0 { return true }
                if read < 0 { return errno != EAGAIN && errno != EWOULDBLOCK }
            }
        }

        @Test("200 slow connections do not keep a normal client waiting, and are closed once they stay silent too long")
        func slowloris() async throws {
            let service = try await RunningService(environment: ["AGORA_IDLE_TIMEOUT": "6"])
            defer { service.stop() }
            let port = try #require(service.baseURL.port)
            var sockets: [Int32] = []
            defer { for socket in sockets { close(socket) } }
            for _ in 0..<200 { sockets.append(try slowConnection(port: port)) }
            #expect(try await service.request("GET", "/api/health").0 == 200)
            #expect(sockets.filter(isClosed).isEmpty, "served while every slow connection was still open")
            // Closed after the idle timeout: waited for, however busy the machine, up to a generous bound.
            let bound = ContinuousClock.now + .seconds(60)
            while sockets.filter(isClosed).count < sockets.count, ContinuousClock.now < bound {
                try await Task.sleep(for: .milliseconds(250))
            }
            #expect(sockets.filter(isClosed).count == 200, "every silent connection is closed after the idle timeout")
            #expect(try await service.request("GET", "/api/health").0 == 200)
        }

        @Test("a request past its deadline is answered 503 request-timeout and its work is cancelled")
        func deadline() async throws {
            let router = Router(context: AgoraRequestContext.self)
            router.add(middleware: ProblemMiddleware(siteDirectory: URL(fileURLWithPath: "/nonexistent")))
            router.add(middleware: RequestDeadlineMiddleware(deadline: .milliseconds(300)))
            let cancelled = Flag()
            router.get("slow") { _, _ -> String in
                do {
                    try await Task.sleep(for: .seconds(30))
                } catch {
                    cancelled.set()
                    throw error
                }
                return "done"
            }
            router.get("quick") { _, _ in "done" }
            try await Application(router: router).test(.router) { client in
                let quick = try await client.execute(uri: "/quick", method: .get)
                #expect(quick.status == .ok)
                let started = ContinuousClock.now
                let slow = try await client.execute(uri: "/slow", method: .get)
                #expect(slow.status == .serviceUnavailable)
                #expect(slow.problemType == "urn:agora:problem:request-timeout")
                #expect(ContinuousClock.now - started < .seconds(10))
                try await Task.sleep(for: .milliseconds(100))
                #expect(cancelled.isSet)
            }
        }

        /// A flag set from another task.
        final class Flag: Sendable {
            private let value = Mutex(false)
            var isSet: Bool { value.withLock { $0 } }
            func set() { value.withLock { $0 = true } }
        }
    }
}
