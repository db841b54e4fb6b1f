import AgoraDomain

extension OpenAPIDocument {
    static let bulkPaths = #"""
    "/api/admin/bulk/preview": {
      "post": {
        "operationId": "previewBulkOperation", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with users.suspend (and users.edit to confirm addresses): how many accounts the users page's filter matches, how many the action applies to (customers not already in the state it leads to), and a few of them",
        "parameters": [\#(accountFilters)],
        "requestBody": \#(bulkBody),
        "responses": {
          "200": { "description": "The preview", "content": { "application/json": { "schema": { "type": "object", "required": ["action", "matching", "applicable", "undoable", "sample"], "properties": {
            "action": { "type": "string" }, "matching": { "type": "integer" }, "applicable": { "type": "integer" }, "undoable": { "type": "boolean" },
            "sample": { "type": "array", "items": { "type": "object", "required": ["id", "name", "email"], "properties": {
              "id": { "type": "integer" }, "name": { "type": "string" }, "email": { "type": "string" }
            } } }
          } } } } },
          "400": \#(problem), "401": \#(problem), "403": \#(problem), "422": \#(problem)
        }
      }
    },
    "/api/admin/bulk": {
      "get": {
        "operationId": "listBulkOperations", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with users.suspend: the newest bulk operations and how far each got",
        "responses": {
          "200": { "description": "The operations", "content": { "application/json": { "schema": { "type": "object", "required": ["operations"], "properties": {
            "operations": { "type": "array", "items": { "$ref": "#/components/schemas/BulkOperation" } }
          } } } } },
          "401": \#(problem), "403": \#(problem)
        }
      },
      "post": {
        "operationId": "startBulkOperation", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with users.suspend (and users.edit to confirm addresses), signed in again within minutes: start the action on every account the preview counts; a worker changes them a chunk per transaction, each with its audit entry and email; 422 when none applies",
        "parameters": [\#(accountFilters)],
        "requestBody": \#(bulkBody),
        "responses": {
          "202": { "description": "Started", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/BulkOperation" } } } },
          "400": \#(problem), "401": \#(problem), "403": \#(problem), "422": \#(problem)
        }
      }
    },
    "/api/admin/bulk/{operationId}": {
      "get": {
        "operationId": "getBulkOperation", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with users.suspend: one bulk operation and its progress",
        "parameters": [{ "name": "operationId", "in": "path", "required": true, "schema": { "type": "integer" } }],
        "responses": {
          "200": { "description": "The operation", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/BulkOperation" } } } },
          "401": \#(problem), "403": \#(problem), "404": \#(problem)
        }
      }
    },
    "/api/admin/bulk/{operationId}/undo": {
      "post": {
        "operationId": "undoBulkOperation", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with the action's permission, signed in again within minutes: put back what a finished suspension operation did (the suspensions it opened that are still in force are lifted, each audited with the reason); 409 when the action cannot be undone, is still running, or was undone",
        "parameters": [{ "name": "operationId", "in": "path", "required": true, "schema": { "type": "integer" } }],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["reason"], "properties": {
          "reason": \#(multiline(maximumLength: 2_000))
        } } } } },
        "responses": {
          "202": { "description": "The undo started", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/BulkOperation" } } } },
          "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem)
        }
      }
    },
    """#

    private static let bulkBody = #"""
    { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["action"], "properties": {
      "action": { "type": "string", "enum": [\#(quoted(BulkAction.allCases.map(\.rawValue)))] },
      "kind": { "type": "string", "enum": [\#(quoted(SuspensionKind.allCases.map(\.rawValue)))], "description": "For suspend" },
      "days": { "type": "integer", "minimum": 1, "maximum": \#(SuspensionDecision.longestSuspensionDays), "description": "For a suspension of kind suspend" },
      "reason": \#(multiline(maximumLength: 2_000))
    } } } } }
    """#

    static let bulkSchemas = #"""
    "BulkOperation": {
      "type": "object",
      "required": ["id", "action", "reason", "filter", "status", "total", "changed", "skipped", "reverted", "revert_skipped", "can_be_undone", "started_by", "created_at", "last_error"],
      "properties": {
        "id": { "type": "integer" }, "action": { "type": "string", "enum": [\#(quoted(BulkAction.allCases.map(\.rawValue)))] },
        "kind": { "type": "string" }, "days": { "type": "integer" }, "reason": { "type": "string" }, "filter": { "type": "string" },
        "status": { "type": "string", "enum": [\#(quoted(BulkOperationStatus.allCases.map(\.rawValue)))] },
        "total": { "type": "integer" }, "changed": { "type": "integer" }, "skipped": { "type": "integer" }, "reverted": { "type": "integer" },
        "revert_skipped": { "type": "integer" }, "can_be_undone": { "type": "boolean" }, "started_by": { "type": "integer" }, "undone_by": { "type": "integer" },
        "created_at": { "type": "string", "format": "date-time" }, "finished_at": { "type": "string", "format": "date-time" },
        "undone_at": { "type": "string", "format": "date-time" }, "last_error": { "type": "string" }
      }
    },
    """#
}
