extension QRCode {
    /// The symbol as an SVG image: one path of dark squares on a white square with the four-module quiet zone the
    /// standard asks for, scaled by the viewer. `label` is the image's accessible name.
    public func svg(label: String) -> String {
        let border = 4
        let side = size + 2 * border
        var path = ""
        for y in 0..<size {
            for x in 0..<size where self[x, y] {
                path += "M\(x + border),\(y + border)h1v1h-1z"
            }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" role="img" aria-label="\(Self.escaped(label))" \
            shape-rendering="crispEdges"><rect width="\(side)" height="\(side)" fill="#fff"/><path d="\(path)" fill="#000"/></svg>
            """
    }

    private static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
