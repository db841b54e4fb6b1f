/// Renders parsed templates into UTF-8 bytes: one output buffer for the whole page, a stack of the values
/// sections entered, and the block overrides of the parents being rendered.
struct TemplateRenderer {
    let templates: [String: [TemplateNode]]
    private(set) var output: [UInt8] = []
    private var stack: [TemplateValue]
    private var overrides: [String: [TemplateNode]] = [:]
    private var indentation: [UInt8] = []

    init(templates: [String: [TemplateNode]], value: TemplateValue, capacity: Int) {
        self.templates = templates
        stack = [value]
        output.reserveCapacity(capacity)
    }

    /// Renders one template's nodes. Escaping starts on and a `{{% CONTENT_TYPE }}` tag changes it for the rest
    /// of these nodes; partials start over with escaping on, sections and blocks keep what they are given.
    mutating func render(_ nodes: [TemplateNode], escapes initial: Bool = true) {
        var escapes = initial
        guard !indentation.isEmpty else {
            for node in nodes { render(node, escapes: &escapes) }
            return
        }
        // Inside an indented partial, whatever a node renders after a line break of this template's own output
        // starts with the partial's indentation.
        let start = output.count
        for node in nodes {
            let before = output.count
            let afterLineBreak = before > start && output[before - 1] == UInt8(ascii: "\n")
            render(node, escapes: &escapes)
            if afterLineBreak, output.count > before {
                output.insert(contentsOf: indentation, at: before)
            }
        }
    }

    private mutating func render(_ node: TemplateNode, escapes: inout Bool) {
        switch node {
        case .text(let bytes):
            output.append(contentsOf: bytes)
        case .variable(let name, let escaped):
            guard let value = lookup(name) else { return }
            write(value, escaped: escaped && escapes)
        case .section(let name, let content, let inverted):
            let value = lookup(name)
            if inverted {
                if value?.isEmpty ?? true { render(content, escapes: escapes) }
            } else if let value {
                enter(value, content, escapes: escapes)
            }
        case .partial(let name, let partialIndentation):
            guard let partial = templates[name] else { return }
            withIndentation(partialIndentation) { $0.render(partial) }
        case .parent(let name, let parentIndentation, let blocks):
            guard let parent = templates[name] else { return }
            let saved = overrides
            // The outermost definition of a block wins: a page's block overrides its parent's parent's default.
            overrides.merge(blocks) { outer, _ in outer }
            withIndentation(parentIndentation) { $0.render(parent) }
            overrides = saved
        case .block(let name, let defaultContent, let blockIndentation):
            let content = overrides[name] ?? defaultContent
            withIndentation(blockIndentation) { $0.render(content, escapes: escapes) }
        case .contentType(let escaping):
            escapes = escaping
        }
    }

    private mutating func enter(_ value: TemplateValue, _ content: [TemplateNode], escapes: Bool) {
        switch value {
        case .flag(let shown):
            if shown { render(content, escapes: escapes) }
        case .list(let items):
            for item in items {
                stack.append(item)
                render(content, escapes: escapes)
                stack.removeLast()
            }
        case .text, .number, .fields:
            stack.append(value)
            render(content, escapes: escapes)
            stack.removeLast()
        }
    }

    private mutating func withIndentation(_ added: [UInt8]?, _ body: (inout TemplateRenderer) -> Void) {
        guard let added, !added.isEmpty else { return body(&self) }
        let saved = indentation
        indentation += added
        body(&self)
        indentation = saved
    }

    /// Mustache's lookup: the first name from the innermost value outwards, the rest of a dotted path inside
    /// what was found.
    private func lookup(_ name: TemplateName) -> TemplateValue? {
        guard let first = name.path.first else { return stack.last }
        var found: TemplateValue?
        if name.isAnchored {
            found = stack.last?.child(named: first)
        } else {
            var index = stack.count - 1
            while index >= 0 {
                if let value = stack[index].child(named: first) {
                    found = value
                    break
                }
                index -= 1
            }
        }
        var position = 1
        while position < name.path.count, let value = found {
            found = value.child(named: name.path[position])
            position += 1
        }
        return found
    }

    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .text(let text):
            if escaped { HTMLEscaping.append(text, to: &output) } else { output.append(contentsOf: text.utf8) }
        case .number(let number):
            output.append(contentsOf: String(number).utf8)
        case .flag(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .list, .fields:
            break
        }
    }
}

extension TemplateValue {
    /// What an inverted section treats as empty: `false` and an empty list (a missing name too).
    fileprivate var isEmpty: Bool {
        switch self {
        case .flag(let flag): !flag
        case .list(let items): items.isEmpty
        case .text, .number, .fields: false
        }
    }
}
