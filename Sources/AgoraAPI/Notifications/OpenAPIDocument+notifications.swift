import AgoraDomain

extension OpenAPIDocument {
    /// `/api/notifications`, `/api/notification-preferences` and `/api/notification-kinds`: the signed-in person's
    /// own notifications and what they want to be told where.
    static let notificationPaths = #"""
    "/api/notifications": {
      "get": {
        "operationId": "listNotifications", "tags": ["notifications"], "security": [{ "bearer": [] }], "summary": "A page of the signed-in person's notifications, newest first (the inbox, or the archive), with the inbox's unread count",
        "parameters": [
          { "name": "unread", "in": "query", "schema": { "type": "string", "enum": ["true", "false"] } },
          { "name": "archived", "in": "query", "schema": { "type": "string", "enum": ["true", "false"] } },
          { "name": "category", "in": "query", "schema": { "type": "string", "enum": [\#(quoted(NotificationCategory.allCases.map(\.rawValue)))] } },
          { "name": "q", "in": "query", "description": "Text in the title or message", "schema": { "type": "string", "maxLength": 100 } },
          { "name": "before", "in": "query", "description": "The previous page's next_before", "schema": { "type": "integer", "minimum": 1 } },
          { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 100, "default": 20 } }
        ],
        "responses": { "200": { "description": "Notifications", "content": { "application/json": { "schema": { "type": "object", "required": ["notifications", "unread"], "properties": { "unread": { "type": "integer" }, "next_before": { "type": "integer" }, "notifications": { "type": "array", "items": { "$ref": "#/components/schemas/Notification" } } } } } } }, "400": \#(problem), "401": \#(problem) }
      }
    },
    "/api/notifications/read": {
      "post": {
        "operationId": "markNotificationsRead", "tags": ["notifications"], "security": [{ "bearer": [] }], "summary": "Marks the signed-in person's notifications read: these ids, every one up to an id, or all; answers the unread count left",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "oneOf": [
          { "type": "object", "additionalProperties": false, "required": ["ids"], "properties": { "ids": { "type": "array", "maxItems": 100, "items": \#(wholeNumber(minimum: 1)) } } },
          { "type": "object", "additionalProperties": false, "required": ["up_to"], "properties": { "up_to": \#(wholeNumber(minimum: 1)) } },
          { "type": "object", "additionalProperties": false, "required": ["all"], "properties": { "all": { "type": "boolean", "enum": [true] } } }
        ] } } } },
        "responses": { "200": { "description": "Marked", "content": { "application/json": { "schema": { "type": "object", "required": ["unread"], "properties": { "unread": { "type": "integer" } } } } } }, "401": \#(problem), "422": \#(problem) }
      }
    },
    "/api/notifications/{id}/archive": {
      "post": {
        "operationId": "archiveNotification", "tags": ["notifications"], "security": [{ "bearer": [] }], "summary": "Moves one of the signed-in person's notifications to their archive (read)",
        "parameters": [{ "name": "id", "in": "path", "required": true, "schema": \#(wholeNumber(minimum: 1)) }],
        "responses": { "200": { "description": "Archived", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Notification" } } } }, "401": \#(problem), "404": \#(problem) }
      }
    },
    "/api/notification-preferences": {
      "get": {
        "operationId": "getNotificationPreferences", "tags": ["notifications"], "security": [{ "bearer": [] }], "summary": "The channels on for each category, quiet hours, time zone and digest frequency",
        "responses": { "200": { "description": "Preferences", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/NotificationPreferences" } } } }, "401": \#(problem) }
      },
      "put": {
        "operationId": "updateNotificationPreferences", "tags": ["notifications"], "security": [{ "bearer": [] }],
        "summary": "Replaces the preferences: channels per category (categories left out keep their defaults), quiet hours (null for none) in the time zone, digest frequency",
        "description": "time_zone must be an IANA zone name; quiet hours' start and end must differ; account_security must keep in_app and email (security notices cannot be turned off)",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["time_zone", "digest"], "properties": {
          "channels": { "type": "object", "additionalProperties": false, "properties": { \#(NotificationCategory.allCases.map { #""\#($0.rawValue)": { "type": "array", "maxItems": 3, "items": { "type": "string", "enum": [\#(quoted(NotificationChannel.allCases.map(\.rawValue)))] } }"# }.joined(separator: ", ")) } },
          "quiet_hours": { "oneOf": [{ "type": "null" }, { "type": "object", "additionalProperties": false, "required": ["start", "end"], "properties": { "start": \#(clockTime), "end": \#(clockTime) } }] },
          "time_zone": { "type": "string", "maxLength": 64, "examples": ["Europe/Paris"] },
          "digest": { "type": "string", "enum": [\#(quoted(DigestFrequency.allCases.map(\.rawValue)))] },
          "optional_mail": { "type": "boolean", "description": "false stops every optional email to the address; true takes it again; left out, unchanged" }
        } } } } },
        "responses": { "200": { "description": "Saved", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/NotificationPreferences" } } } }, "401": \#(problem), "422": \#(problem) }
      }
    },
    "/api/notification-kinds": {
      "get": {
        "operationId": "listNotificationKinds", "tags": ["notifications"], "security": [{ "bearer": [] }], "summary": "Every kind of notification with its category, channels, whether it is critical and its email template; the categories with their defaults",
        "responses": { "200": { "description": "Kinds", "content": { "application/json": { "schema": { "type": "object", "required": ["kinds", "categories", "channels"], "properties": {
          "kinds": { "type": "array", "items": { "type": "object", "required": ["kind", "category", "channels", "critical", "email_template"], "properties": { "kind": { "type": "string" }, "category": { "type": "string" }, "channels": { "type": "array", "items": { "type": "string" } }, "critical": { "type": "boolean" }, "email_template": { "type": "string" } } } },
          "categories": { "type": "array", "items": { "type": "object", "required": ["category", "label", "critical", "default_channels"], "properties": { "category": { "type": "string" }, "label": { "type": "string" }, "critical": { "type": "boolean" }, "default_channels": { "type": "array", "items": { "type": "string" } } } } },
          "channels": { "type": "array", "items": { "type": "string" } }
        } } } } }, "401": \#(problem) }
      }
    },
    "/api/admin/notifications/analytics": {
      "get": {
        "operationId": "notificationAnalytics", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with analytics.read: per kind, over the notifications written in the last days, how many were written, shown in the app and read, what became of their emails, how many went into digests; addresses that stopped all optional mail, and one-click unsubscribes per kind's category and per scope",
        "parameters": [{ "name": "days", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 365, "default": 30 } }],
        "responses": { "200": { "description": "The figures", "content": { "application/json": { "schema": { "type": "object", "required": ["days", "since", "kinds", "unsubscribes", "unsubscribes_by_scope"], "properties": {
          "days": { "type": "integer" }, "since": { "type": "string", "format": "date-time" }, "unsubscribes": { "type": "integer" },
          "unsubscribes_by_scope": { "type": "array", "items": { "type": "object", "required": ["scope", "label", "addresses"], "properties": { "scope": { "type": "string" }, "label": { "type": "string" }, "addresses": { "type": "integer" } } } },
          "kinds": { "type": "array", "items": { "type": "object", "required": ["kind", "category", "written", "shown_in_app", "read", "emails", "digested", "unsubscribes"], "properties": {
            "kind": { "type": "string" }, "category": { "type": "string" }, "written": { "type": "integer" }, "shown_in_app": { "type": "integer" }, "read": { "type": "integer" },
            "read_rate": { "type": "number", "minimum": 0, "maximum": 1 }, "digested": { "type": "integer" }, "unsubscribes": { "type": "integer" },
            "emails": { "type": "object", "required": ["queued", "sent", "failed", "suppressed"], "properties": { "queued": { "type": "integer" }, "sent": { "type": "integer" }, "failed": { "type": "integer" }, "suppressed": { "type": "integer" } } } } } }
        } } } } }, "400": \#(problem), "401": \#(problem), "403": \#(problem), "422": \#(problem) }
      }
    },
    "/api/admin/announcements": {
      "get": {
        "operationId": "listAnnouncements", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with announcements.send: the latest marketplace news sent, newest first",
        "parameters": [{ "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 100 } }],
        "responses": { "200": { "description": "Sent news", "content": { "application/json": { "schema": { "type": "object", "required": ["announcements"], "properties": { "announcements": { "type": "array", "items": { "$ref": "#/components/schemas/Announcement" } } } } } } }, "400": \#(problem), "401": \#(problem), "403": \#(problem) }
      },
      "post": {
        "operationId": "sendAnnouncement", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with announcements.send: marketplace news to a segment of members, in the app and by email as each chose; once per Idempotency-Key, audited",
        "parameters": [\#(idempotencyKeyHeader)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["title", "message"], "properties": {
          "title": { "type": "string", "minLength": 1, "maxLength": \#(AnnouncementDraft.titleLength.upperBound), "pattern": "^[^\\u0000-\\u001f\\u007f]*\\S[^\\u0000-\\u001f\\u007f]*$" },
          "message": { "type": "string", "minLength": 1, "maxLength": \#(AnnouncementDraft.messageLength.upperBound), "pattern": "\\S" },
          "link": { "type": "string", "description": "A page of the site, such as /categories/design/", "pattern": "^/(?!/)[^\\s\\\\]*$", "maxLength": \#(AnnouncementDraft.linkLength.upperBound) },
          "segment": { "type": "string", "enum": [\#(quoted(AnnouncementSegment.allCases.map(\.rawValue)))] },
          "country": { "type": "string", "description": "ISO 3166-1 alpha-2: only members in this country" } } } } } },
        "responses": { "201": { "description": "Sent", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Announcement" } } } }, "400": \#(problem), "401": \#(problem), "403": \#(problem), "409": \#(problem), "422": \#(problem) }
      }
    },
    """#

    /// The schemas of notifications and preferences.
    static let notificationSchemas = #"""
    "Notification": { "type": "object", "required": ["id", "type", "category", "title", "message", "read", "archived", "created_at", "count", "actions"], "properties": { "id": { "type": "integer" }, "type": { "type": "string", "enum": [\#(quoted(NotificationKind.allCases.map(\.rawValue)))] }, "category": { "type": "string", "enum": [\#(quoted(NotificationCategory.allCases.map(\.rawValue)))] }, "title": { "type": "string" }, "message": { "type": "string" }, "link": { "type": "string" }, "read": { "type": "boolean" }, "archived": { "type": "boolean" }, "created_at": { "type": "string", "format": "date-time" }, "group": { "type": "string", "description": "The burst it gathers (messages from one member in one project): a newer notification of the same group replaces it" }, "count": { "type": "integer", "minimum": 1, "description": "How many events it stands for" }, "subject": { "type": "object", "required": ["type", "id"], "description": "What the actions act on", "properties": { "type": { "type": "string", "enum": ["project", "proposal"] }, "id": { "type": "integer" } } }, "actions": { "type": "array", "description": "What the bell offers: view (open the link), reply (a message in the subject project's room), accept (the subject proposal)", "items": { "type": "string", "enum": [\#(quoted(NotificationAction.allCases.map(\.rawValue)))] } } } },
    "Announcement": { "type": "object", "required": ["id", "title", "message", "segment", "recipients", "emails", "created_at"], "properties": { "id": { "type": "integer" }, "title": { "type": "string" }, "message": { "type": "string" }, "link": { "type": "string" }, "segment": { "type": "string" }, "country": { "type": "string" }, "recipients": { "type": "integer" }, "emails": { "type": "integer" }, "created_at": { "type": "string", "format": "date-time" } } },
    "NotificationPreferences": { "type": "object", "required": ["categories", "time_zone", "digest", "optional_mail"], "properties": {
      "categories": { "type": "array", "items": { "type": "object", "required": ["category", "label", "channels", "critical"], "properties": { "category": { "type": "string" }, "label": { "type": "string" }, "channels": { "type": "array", "items": { "type": "string" } }, "critical": { "type": "boolean" } } } },
      "quiet_hours": { "type": "object", "required": ["start", "end"], "properties": { "start": { "type": "string" }, "end": { "type": "string" } } },
      "time_zone": { "type": "string" }, "digest": { "type": "string" }, "optional_mail": { "type": "boolean" } } },
    """#

    /// A local time of day, `HH:MM`.
    static let clockTime = #"{ "type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$", "examples": ["22:00"] }"#
}
