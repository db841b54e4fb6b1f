/// Reads Mustache source into nodes. Standalone lines follow the Mustache specification: a line holding only
/// whitespace and one section, inverted, closing, comment, partial, parent, block or delimiter tag leaves nothing
/// in the output, not even its line break.
struct TemplateParser {
    private struct State {
        /// The section being read, which a closing tag must name, and where it opened.
        var sectionName: String?
        var sectionStart = 0
        var isNewLine = true
        /// Inside `{{<parent}}…{{/parent}}`, where only block definitions may stand.
        var isInParent = false
        var isParentTopLevel = false
        /// How far the first line of a block definition inside a parent is indented; later lines lose as much.
        var blockIndentation: Int?
        var open = Array("{{".utf8)
        var close = Array("}}".utf8)

        func entering(section name: String, at start: Int, standalone: Bool) -> State {
            var state = self
            state.sectionName = name
            state.sectionStart = start
            state.isParentTopLevel = false
            if !standalone { state.isNewLine = false }
            return state
        }

        func entering(parent name: String, at start: Int) -> State {
            var state = self
            state.sectionName = name
            state.sectionStart = start
            state.isNewLine = true
            state.isInParent = true
            state.isParentTopLevel = true
            return state
        }
    }

    private let source: [UInt8]
    private let name: String
    private let rules: TemplateRules
    private var position = 0
    private var references: [(name: String, ifMissing: TemplateSyntaxError)] = []

    /// A whole template: its nodes, and for each partial or parent it names the error to report when that
    /// template does not exist.
    struct Parsed {
        let nodes: [TemplateNode]
        let references: [(name: String, ifMissing: TemplateSyntaxError)]
    }

    /// Parses a whole template; `name` goes into errors.
    static func parse(_ text: String, name: String, rules: TemplateRules = .standard) throws(TemplateSyntaxError) -> Parsed {
        var parser = TemplateParser(source: Array(text.utf8), name: name, rules: rules)
        let nodes = try parser.parse(State())
        return Parsed(nodes: rules == .plainText ? [.contentType(escapes: false)] + nodes : nodes, references: parser.references)
    }

    private init(source: [UInt8], name: String, rules: TemplateRules) {
        self.source = source
        self.name = name
        self.rules = rules
    }

    /// Refuses a tag that would write a value unescaped where `rules` keep every value escaped.
    private func requireEscaping(_ tag: String, at tagStart: Int) throws(TemplateSyntaxError) {
        guard rules == .escapedOnly else { return }
        throw error("\(tag) writes a value without escaping, which this template may not do; use {{name}}", at: tagStart)
    }

    private var isAtEnd: Bool { position == source.count }
    private var current: UInt8 { position < source.count ? source[position] : 0 }

    private mutating func parse(_ initial: State) throws(TemplateSyntaxError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var state = initial
        var whitespaceBefore: ArraySlice<UInt8> = []
        while !isAtEnd {
            if state.isNewLine {
                let whitespace = read(while: Self.isBlank)
                if state.isInParent, !state.isParentTopLevel {
                    if let indentation = state.blockIndentation {
                        whitespaceBefore = whitespace.dropFirst(indentation)
                    } else {
                        state.blockIndentation = whitespace.count
                    }
                } else {
                    whitespaceBefore = whitespace
                }
            }
            let (text, foundTag) = readTextUntilTagOrNewline(state)
            if !foundTag, let newline = readNewline() {
                nodes.append(.text(Array(whitespaceBefore) + text + newline))
                state.isNewLine = true
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(Array(whitespaceBefore) + text))
                whitespaceBefore = []
                state.isNewLine = false
            }
            guard foundTag else { break }
            let tagStart = position - state.open.count
            var isStandalone = false
            func flushWhitespace() {
                if !whitespaceBefore.isEmpty {
                    nodes.append(.text(Array(whitespaceBefore)))
                    whitespaceBefore = []
                }
            }
            switch current {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let inverted = current == UInt8(ascii: "^")
                position += 1
                let tag = try readName(state, at: tagStart)
                isStandalone = finishesStandalone(state)
                if !isStandalone { flushWhitespace() }
                let content = try parse(state.entering(section: tag, at: tagStart, standalone: isStandalone))
                nodes.append(.section(TemplateName(tag), content, inverted: inverted))
            case UInt8(ascii: "/"):
                position += 1
                let tag = try readName(state, at: tagStart)
                guard let open = state.sectionName else {
                    throw error("`\(String(decoding: state.open, as: UTF8.self))/\(tag)\(String(decoding: state.close, as: UTF8.self))` closes a section that was never opened", at: tagStart)
                }
                guard tag == open else {
                    throw error("the section `\(open)` is closed as `\(tag)`", at: tagStart)
                }
                if !finishesStandalone(state) { flushWhitespace() }
                return nodes
            case UInt8(ascii: "!"):
                position += 1
                guard skip(past: state.close) else { throw error("a comment is not closed with \(String(decoding: state.close, as: UTF8.self))", at: tagStart) }
                isStandalone = finishesStandalone(state)
            case UInt8(ascii: "{"):
                try requireEscaping("{{{…}}}", at: tagStart)
                flushWhitespace()
                position += 1
                let tag = try readName(state, at: tagStart)
                guard current == UInt8(ascii: "}") else { throw error("a tag opened with {{{ is not closed with }}}", at: tagStart) }
                position += 1
                nodes.append(.variable(TemplateName(tag), escaped: false))
            case UInt8(ascii: "&"):
                try requireEscaping("{{& …}}", at: tagStart)
                flushWhitespace()
                position += 1
                nodes.append(.variable(TemplateName(try readName(state, at: tagStart)), escaped: false))
            case UInt8(ascii: ">"), UInt8(ascii: "<"):
                let isParent = current == UInt8(ascii: "<")
                position += 1
                let partial = try readPartialName(state, at: tagStart)
                references.append((partial, error("no template named `\(partial)` (\(partial).mustache)", at: tagStart)))
                let indentation = Array(whitespaceBefore)
                flushWhitespace()
                isStandalone = finishesStandalone(state)
                guard isParent else {
                    nodes.append(.partial(partial, indentation: isStandalone ? indentation : nil))
                    break
                }
                var blocks: [String: [TemplateNode]] = [:]
                for node in try parse(state.entering(parent: partial, at: tagStart)) {
                    switch node {
                    case .block(let block, let content, _): blocks[block] = content
                    case .text: continue
                    default: throw error("only {{$block}} definitions may stand inside {{<\(partial)}}", at: tagStart)
                    }
                }
                nodes.append(.parent(partial, indentation: indentation, blocks: blocks))
            case UInt8(ascii: "$"):
                position += 1
                let block = try readName(state, at: tagStart)
                let indentation = Array(whitespaceBefore)
                if !state.isParentTopLevel { flushWhitespace() }
                isStandalone = finishesStandalone(state)
                let content = try parse(state.entering(section: block, at: tagStart, standalone: isStandalone))
                nodes.append(.block(block, defaultContent: content, indentation: state.isParentTopLevel ? [] : indentation))
            case UInt8(ascii: "="):
                position += 1
                state = try readDelimiters(state, at: tagStart)
                isStandalone = finishesStandalone(state)
            case UInt8(ascii: "%"):
                position += 1
                nodes.append(try readSetting(state, at: tagStart))
                isStandalone = finishesStandalone(state)
            default:
                flushWhitespace()
                nodes.append(.variable(TemplateName(try readName(state, at: tagStart)), escaped: true))
            }
            state.isNewLine = isStandalone
        }
        if let open = state.sectionName {
            throw error("the section `\(open)` is opened but never closed", at: state.sectionStart)
        }
        return nodes
    }

    // MARK: Reading

    private static func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        isBlank(byte) || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private static func isNameCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"):
            true
        default:
            false
        }
    }

    private mutating func read(while accepts: (UInt8) -> Bool) -> ArraySlice<UInt8> {
        let start = position
        while position < source.count, accepts(source[position]) { position += 1 }
        return source[start..<position]
    }

    /// Text up to the next opening delimiter (consumed; `true`) or line break (not consumed), or the end.
    private mutating func readTextUntilTagOrNewline(_ state: State) -> ([UInt8], Bool) {
        let start = position
        let first = state.open[0]
        while position < source.count {
            let byte = source[position]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            if byte == first, startsWith(state.open, at: position) {
                let text = Array(source[start..<position])
                position += state.open.count
                return (text, true)
            }
            position += 1
        }
        return (Array(source[start..<position]), false)
    }

    /// Consumes a line break (`\n`, `\r\n` or `\r`) at the current position.
    private mutating func readNewline() -> [UInt8]? {
        if current == UInt8(ascii: "\n") {
            position += 1
            return [UInt8(ascii: "\n")]
        }
        guard current == UInt8(ascii: "\r") else { return nil }
        position += 1
        if current == UInt8(ascii: "\n") {
            position += 1
            return [UInt8(ascii: "\r"), UInt8(ascii: "\n")]
        }
        return [UInt8(ascii: "\r")]
    }

    private func startsWith(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index + bytes.count <= source.count else { return false }
        for offset in 0..<bytes.count where source[index + offset] != bytes[offset] { return false }
        return true
    }

    private mutating func skip(past bytes: [UInt8]) -> Bool {
        while position < source.count {
            if startsWith(bytes, at: position) {
                position += bytes.count
                return true
            }
            position += 1
        }
        return false
    }

    private mutating func expectClose(_ state: State, at tagStart: Int) throws(TemplateSyntaxError) {
        _ = read(while: Self.isWhitespace)
        guard startsWith(state.close, at: position) else {
            throw error("a tag is not closed with \(String(decoding: state.close, as: UTF8.self))", at: tagStart)
        }
        position += state.close.count
    }

    private mutating func readName(_ state: State, at tagStart: Int) throws(TemplateSyntaxError) -> String {
        _ = read(while: Self.isWhitespace)
        let name = String(decoding: read(while: Self.isNameCharacter), as: UTF8.self)
        if current == UInt8(ascii: "(") {
            throw error("functions in tags, like `\(name)(…)`, are not supported", at: tagStart)
        }
        try expectClose(state, at: tagStart)
        return name
    }

    private mutating func readPartialName(_ state: State, at tagStart: Int) throws(TemplateSyntaxError) -> String {
        _ = read(while: Self.isWhitespace)
        let name = String(decoding: read(while: { Self.isNameCharacter($0) || $0 == UInt8(ascii: "/") }), as: UTF8.self)
        guard !name.isEmpty, !name.hasPrefix("*") else {
            throw error("a partial needs a name (dynamic names with * are not supported)", at: tagStart)
        }
        try expectClose(state, at: tagStart)
        return name
    }

    private mutating func readDelimiters(_ state: State, at tagStart: Int) throws(TemplateSyntaxError) -> State {
        let malformed = error("malformed set-delimiter tag, expected {{=<open> <close>=}}", at: tagStart)
        _ = read(while: Self.isWhitespace)
        let open = read(while: { !Self.isWhitespace($0) })
        _ = read(while: Self.isWhitespace)
        let close = read(while: { !Self.isWhitespace($0) && $0 != UInt8(ascii: "=") })
        _ = read(while: Self.isWhitespace)
        guard !open.isEmpty, !close.isEmpty, current == UInt8(ascii: "=") else { throw malformed }
        position += 1
        guard startsWith(state.close, at: position) else { throw malformed }
        position += state.close.count
        var changed = state
        changed.open = Array(open)
        changed.close = Array(close)
        changed.isParentTopLevel = false
        return changed
    }

    private mutating func readSetting(_ state: State, at tagStart: Int) throws(TemplateSyntaxError) -> TemplateNode {
        _ = read(while: Self.isWhitespace)
        let setting = String(decoding: read(while: Self.isNameCharacter), as: UTF8.self)
        _ = read(while: Self.isWhitespace)
        guard current == UInt8(ascii: ":") else { throw error("malformed {{% SETTING: value }} tag", at: tagStart) }
        position += 1
        _ = read(while: Self.isWhitespace)
        let value = String(decoding: read(while: Self.isNameCharacter), as: UTF8.self)
        try expectClose(state, at: tagStart)
        switch (setting, value) {
        case ("CONTENT_TYPE", "HTML"): return .contentType(escapes: true)
        case ("CONTENT_TYPE", "TEXT"):
            try requireEscaping("{{% CONTENT_TYPE: TEXT }}", at: tagStart)
            return .contentType(escapes: false)
        default: throw error("unknown setting {{% \(setting): \(value) }} (known: CONTENT_TYPE: HTML or TEXT)", at: tagStart)
        }
    }

    /// A tag alone on its line: when the rest of the line is blank, its line break is consumed too. Only a tag at
    /// the start of a line (after blanks) can stand alone.
    private mutating func finishesStandalone(_ state: State) -> Bool {
        guard state.isNewLine else { return false }
        if isAtEnd { return true }
        let start = position
        _ = read(while: Self.isBlank)
        if readNewline() != nil { return true }
        position = start
        return false
    }

    private func error(_ message: String, at index: Int) -> TemplateSyntaxError {
        var lineStart = index
        while lineStart > 0, source[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        var lineEnd = index
        while lineEnd < source.count, source[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        let line = source[..<lineStart].reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let column = String(decoding: source[lineStart..<index], as: UTF8.self).count + 1
        return TemplateSyntaxError(
            template: name, message: message, line: line, column: column,
            lineText: String(decoding: source[lineStart..<lineEnd], as: UTF8.self)
        )
    }
}
