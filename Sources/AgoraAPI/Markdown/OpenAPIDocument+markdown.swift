import AgoraDomain

extension OpenAPIDocument {
    /// `/api/markdown/preview`: Markdown rendered as members' text.
    static let markdownPaths = #"""
    "/api/markdown/preview": {
      "post": {
        "operationId": "previewMarkdown", "tags": ["orders"], "security": [{ "bearer": [] }], "summary": "The HTML the service makes of a Markdown text (raw HTML dropped), for live previews",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["markdown"], "properties": { "markdown": \#(multiline(maximumLength: OrderDetails.descriptionLength.upperBound)) } } } } },
        "responses": { "200": { "description": "The HTML", "content": { "application/json": { "schema": { "type": "object", "required": ["html"], "properties": { "html": { "type": "string" } } } } } }, "401": \#(problem), "422": \#(problem) }
      }
    },
    """#
}
