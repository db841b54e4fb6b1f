import AgoraDomain
import AgoraStore

extension OpenAPIDocument {
    /// A project's chat, for its two members; someone else's room answers 404.
    static let chatPaths = #"""
    "/api/projects/{id}/messages": {
      "get": {
        "operationId": "listMessages", "tags": ["chat"], "security": [{ "bearer": [] }],
        "summary": "The room's newest messages (or those before a message), oldest first, with where each side has read up to and the room's latest event number",
        "parameters": [\#(idParameter),
          { "name": "before", "in": "query", "schema": { "type": "integer", "minimum": 1 }, "description": "The next_before of the page after it" },
          { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 100, "default": \#(ChatRules.defaultPageSize) } }],
        "responses": { "200": { "description": "A page", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ChatPage" } } } }, "400": \#(problem), "401": \#(problem), "404": \#(problem) }
      },
      "post": {
        "operationId": "sendMessage", "tags": ["chat"], "security": [{ "bearer": [] }],
        "summary": "A member writes to the room (Markdown: bold, italic, code, links; raw HTML dropped); at most \#(ChatRules.floodMessages) messages in \#(Int(ChatRules.floodWindow)) seconds per member and room",
        "parameters": [\#(idParameter)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["body"], "properties": {
          "body": { "type": "string", "minLength": \#(ChatRules.bodyLength.lowerBound), "maxLength": \#(ChatRules.bodyLength.upperBound), "description": "Counted without the spaces around it" },
          "reply_to": { "type": "integer", "minimum": 1, "description": "A message of the same room" }
        } } } } },
        "responses": { "201": \#(messageResponse), "401": \#(problem), "404": \#(problem), "415": \#(problem), "422": \#(problem), "429": \#(problem) }
      }
    },
    "/api/projects/{id}/messages/files": {
      "post": {
        "operationId": "shareMessageFile", "tags": ["chat"], "security": [{ "bearer": [] }],
        "summary": "A member shares one file in the room (multipart/form-data, one part named file; at most \#(OrderFileLimits.maximumMegabytes) MB): a message of kind file whose body is the file's name; its type is read from its content: \#(AttachmentType.described). Counts in the flood limit and the daily bytes",
        "parameters": [\#(idParameter)],
        "requestBody": { "required": true, "content": { "multipart/form-data": { "schema": { "type": "object", "required": ["file"], "properties": { "file": { "type": "string", "format": "binary" } } } } } },
        "responses": { "201": \#(messageResponse), "400": \#(problem), "401": \#(problem), "404": \#(problem), "413": \#(problem), "415": \#(problem), "422": \#(problem), "429": \#(problem) }
      }
    },
    "/api/messages/{id}/file": {
      "get": {
        "operationId": "downloadMessageFile", "tags": ["chat"], "security": [{ "bearer": [] }],
        "summary": "Download the file a message shares, for the room's members (not once deleted, nor while moderation hides it from the asker); always as an attachment",
        "parameters": [\#(idParameter)],
        "responses": { "200": { "description": "The file", "content": { "application/octet-stream": {} } }, "401": \#(problem), "404": \#(problem) }
      }
    },
    "/api/projects/{id}/messages/read": {
      "post": {
        "operationId": "readMessages", "tags": ["chat"], "security": [{ "bearer": [] }],
        "summary": "The member has read the room up to a message; a position never moves back",
        "parameters": [\#(idParameter)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["message_id"], "properties": {
          "message_id": { "type": "integer", "minimum": 1 }
        } } } } },
        "responses": { "200": { "description": "Where each side has read up to", "content": { "application/json": { "schema": { "type": "object", "required": ["read_up_to"], "properties": { "read_up_to": { "$ref": "#/components/schemas/ReadPositions" } } } } } }, "401": \#(problem), "404": \#(problem), "415": \#(problem), "422": \#(problem) }
      }
    },
    "/api/projects/{id}/messages/search": {
      "get": {
        "operationId": "searchMessages", "tags": ["chat"], "security": [{ "bearer": [] }],
        "summary": "Messages holding every word of q as a whole word (case and accents ignored; no prefixes: the index holds keyed hashes of whole words), newest first",
        "parameters": [\#(idParameter),
          { "name": "q", "in": "query", "required": true, "schema": { "type": "string", "maxLength": \#(ChatRules.searchMaximumLength) }, "description": "One to \#(SearchWords.maximumQueryWords) words of at least \#(SearchWords.minimumLength) letters or digits" },
          { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 100, "default": 20 } }],
        "responses": { "200": { "description": "Found", "content": { "application/json": { "schema": { "type": "object", "required": ["messages"], "properties": { "messages": { "type": "array", "items": { "$ref": "#/components/schemas/ChatMessage" } } } } } } }, "400": \#(problem), "401": \#(problem), "404": \#(problem), "422": \#(problem) }
      }
    },
    "/api/messages/{id}": {
      "patch": {
        "operationId": "editMessage", "tags": ["chat"], "security": [{ "bearer": [] }],
        "summary": "Its author changes a message within \#(Int(ChatRules.editWindow / 60)) minutes of sending it",
        "parameters": [\#(idParameter)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["body"], "properties": {
          "body": { "type": "string", "minLength": \#(ChatRules.bodyLength.lowerBound), "maxLength": \#(ChatRules.bodyLength.upperBound) }
        } } } } },
        "responses": { "200": \#(messageResponse), "401": \#(problem), "404": \#(problem), "409": \#(problem), "415": \#(problem), "422": \#(problem) }
      },
      "delete": {
        "operationId": "deleteMessage", "tags": ["chat"], "security": [{ "bearer": [] }],
        "summary": "Its author deletes a message: its text goes, a \"message deleted\" line stays",
        "parameters": [\#(idParameter)],
        "responses": { "200": \#(messageResponse), "401": \#(problem), "404": \#(problem), "409": \#(problem) }
      }
    },
    """#

    private static let messageResponse = ##"{ "description": "The message", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ChatMessage" } } } }"##

    static let chatSchemas = #"""
    "ChatMessage": {
      "type": "object", "required": ["id", "kind", "mine", "created_at", "deleted", "hidden"],
      "properties": {
        "id": { "type": "integer" }, "kind": { "type": "string", "enum": [\#(quoted(MessageKind.allCases.map(\.rawValue)))] },
        "sender": { "type": "string", "enum": [\#(quoted(ProjectRole.allCases.map(\.rawValue)))], "description": "Absent for the service's lines" },
        "mine": { "type": "boolean" }, "body": { "type": "string", "description": "Absent once deleted; a shared file's name" },
        "file": { "type": "object", "description": "On a message of kind file", "required": ["name", "media_type", "byte_size", "url"], "properties": {
          "name": { "type": "string" }, "media_type": { "type": "string" }, "byte_size": { "type": "integer" }, "url": { "type": "string" } } },
        "body_html": { "type": "string", "description": "Rendered by the site's Markdown engine; raw HTML dropped" },
        "reply_to": { "type": "integer" }, "created_at": { "type": "string", "format": "date-time" }, "edited_at": { "type": "string", "format": "date-time" },
        "deleted": { "type": "boolean" }, "hidden": { "type": "boolean", "description": "Moderation hides it: only its author reads its body" }, "editable_until": { "type": "string", "format": "date-time", "description": "On the reader's own messages, while they may edit or delete them" }
      }
    },
    "ReadPositions": {
      "type": "object", "properties": { "client": { "type": "integer" }, "provider": { "type": "integer" } }
    },
    "ChatPage": {
      "type": "object", "required": ["messages", "read_up_to", "sequence"],
      "properties": {
        "messages": { "type": "array", "items": { "$ref": "#/components/schemas/ChatMessage" } },
        "next_before": { "type": "integer" }, "read_up_to": { "$ref": "#/components/schemas/ReadPositions" },
        "sequence": { "type": "integer", "description": "The room's latest event number, where a live connection picks up" }
      }
    },
    """#
}
