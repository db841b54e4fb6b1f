import NIOCore

/// MultipartKit's parser looks each byte of a part's header name up in a table of 128 entries, and traps on a byte
/// of 128 or more: one crafted upload would stop the whole service. This runs the parser's own state machine
/// (preamble, delimiter, header lines, body, epilogue, byte for byte as `MultipartParser` moves) ahead of it and
/// refuses such a name before the parser sees it. (`make fuzz` found it; the input is kept in
/// `Fuzz/Regressions/multipart/`.)
struct MultipartHeaderNameGuard {
    private enum State {
        case preamble(matched: Int)
        case beforeHeaders(expectingLineFeed: Bool)
        case headerName(empty: Bool)
        case headerValue
        case afterHeaderValue
        case afterHeaders
        case body
        case delimiter(matched: Int)
        /// The epilogue, or a syntax error the parser stops at: nothing after it reaches a header.
        case done
    }

    /// `CRLF--boundary`, as the parser matches it.
    private let delimiter: [UInt8]
    private var state = State.preamble(matched: 0)

    init(boundary: String) {
        delimiter = Array("\r\n--\(boundary)".utf8)
    }

    /// Whether the next piece of the body keeps every header name to ASCII.
    mutating func accepts(_ buffer: ByteBuffer) -> Bool {
        for byte in buffer.readableBytesView {
            if case .done = state { return true }
            guard read(byte) else { return false }
        }
        return true
    }

    private mutating func read(_ byte: UInt8) -> Bool {
        let carriageReturn = UInt8(ascii: "\r"), lineFeed = UInt8(ascii: "\n")
        switch state {
        case .preamble(let matched):
            var next: Int
            if matched == 0, byte == delimiter[2] {
                next = 3
            } else if byte == delimiter[matched] {
                next = matched + 1
            } else if matched > 0, byte == delimiter[0] {
                next = 1
            } else {
                next = 0
            }
            state = next >= delimiter.count ? .beforeHeaders(expectingLineFeed: false) : .preamble(matched: next)
        case .beforeHeaders(let expectingLineFeed):
            if !expectingLineFeed, byte == carriageReturn {
                state = .beforeHeaders(expectingLineFeed: true)
            } else if expectingLineFeed, byte == lineFeed {
                state = .headerName(empty: true)
            } else {
                state = .done
            }
        case .headerName(let empty):
            if byte >= 0x80 { return false }
            if byte == UInt8(ascii: ":"), !empty {
                state = .headerValue
            } else if byte == carriageReturn, empty {
                state = .afterHeaders
            } else {
                state = .headerName(empty: false)
            }
        case .headerValue:
            if byte == carriageReturn { state = .afterHeaderValue }
        case .afterHeaderValue:
            state = byte == lineFeed ? .headerName(empty: true) : .done
        case .afterHeaders:
            state = byte == lineFeed ? .body : .done
        case .body:
            if byte == delimiter[0] { state = .delimiter(matched: 1) }
        case .delimiter(let matched):
            if matched >= delimiter.count {
                if byte == carriageReturn {
                    state = .beforeHeaders(expectingLineFeed: true)
                } else {
                    state = .done
                }
            } else if byte == delimiter[matched] {
                state = .delimiter(matched: matched + 1)
            } else {
                state = byte == delimiter[0] ? .delimiter(matched: 1) : .body
            }
        case .done:
            break
        }
        return true
    }
}
