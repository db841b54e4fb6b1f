import AgoraDomain

extension OpenAPIDocument {
    /// `/api/notifications`: the signed-in person's in-app notifications.
    static let notificationPaths = #"""
    "/api/notifications": {
      "get": {
        "operationId": "listNotifications", "tags": ["notifications"], "security": [{ "bearer": [] }], "summary": "The signed-in person's in-app notifications, newest first, and how many are unread",
        "parameters": [{ "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 100, "default": 20 } }],
        "responses": { "200": { "description": "Notifications", "content": { "application/json": { "schema": { "type": "object", "required": ["notifications", "unread"], "properties": { "unread": { "type": "integer" }, "notifications": { "type": "array", "items": { "type": "object", "required": ["id", "type", "title", "message", "read", "created_at"], "properties": { "id": { "type": "integer" }, "type": { "type": "string", "enum": [\#(quoted(NotificationKind.allCases.map(\.rawValue)))] }, "title": { "type": "string" }, "message": { "type": "string" }, "link": { "type": "string" }, "read": { "type": "boolean" }, "created_at": { "type": "string", "format": "date-time" } } } } } } } } }, "400": \#(problem), "401": \#(problem) }
      }
    },
    "/api/notifications/read": {
      "post": {
        "operationId": "markNotificationsRead", "tags": ["notifications"], "security": [{ "bearer": [] }], "summary": "Marks the signed-in person's notifications up to an id read",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["up_to"], "properties": { "up_to": \#(wholeNumber(minimum: 1)) } } } } },
        "responses": { "204": { "description": "Marked" }, "401": \#(problem), "422": \#(problem) }
      }
    },
    """#
}
