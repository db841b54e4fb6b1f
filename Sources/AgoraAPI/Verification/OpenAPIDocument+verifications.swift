import AgoraDomain

extension OpenAPIDocument {
    private static let verification = ##"{ "description": "The request", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Verification" } } } }"##
    private static let document = ##"{ "description": "The document, decrypted, as a download", "content": { "application/octet-stream": {} } }"##

    static let verificationPaths = #"""
    "/api/verifications": {
      "get": {
        "operationId": "listVerifications", "tags": ["verifications"], "security": [{ "bearer": [] }],
        "summary": "The signed-in provider's verification requests, newest first, and each kind with whether a request can be sent now",
        "responses": { "200": { "description": "The requests", "content": { "application/json": { "schema": { "type": "object", "required": ["kinds", "requests"], "properties": {
          "kinds": { "type": "array", "items": { "type": "object", "required": ["kind", "title", "takes_document"], "properties": {
            "kind": { "type": "string" }, "title": { "type": "string" }, "takes_document": { "type": "boolean" }, "badge": { "type": "string" }, "blocked_by": { "type": "string" }
          } } },
          "requests": { "type": "array", "items": { "$ref": "#/components/schemas/Verification" } }
        } } } } }, "401": \#(problem), "403": \#(problem) }
      },
      "post": {
        "operationId": "requestVerification", "tags": ["verifications"], "security": [{ "bearer": [] }],
        "summary": "Send a document to be verified (multipart/form-data: `kind` — \#(VerificationKind.withDocuments.map(\.rawValue).joined(separator: ", ")) — an optional `note`, and `file`, at most \#(VerificationRules.maximumDocumentBytes / 1_048_576) MB of \#(VerificationRules.documentTypesDescribed), read from its content). The document is encrypted at rest (AES-256-GCM), never public, and deleted \#(Int(VerificationRules.documentRetention / 86_400)) days after the decision. 409 while a request of the kind waits or an approval holds",
        "requestBody": { "required": true, "content": { "multipart/form-data": { "schema": { "type": "object", "required": ["kind", "file"], "properties": {
          "kind": { "type": "string", "enum": [\#(quoted(VerificationKind.withDocuments.map(\.rawValue)))] }, "note": { "type": "string" }, "file": { "type": "string", "format": "binary" }
        } } } } },
        "responses": { "201": \#(verification), "400": \#(problem), "401": \#(problem), "403": \#(problem), "409": \#(problem), "413": \#(problem), "415": \#(problem), "422": \#(problem), "429": \#(problem) }
      }
    },
    "/api/verifications/{id}/document": {
      "get": {
        "parameters": [\#(idParameter)], "operationId": "downloadVerificationDocument", "tags": ["verifications"], "security": [{ "bearer": [] }],
        "summary": "The owner's document, while it is kept",
        "responses": { "200": \#(document), "401": \#(problem), "403": \#(problem), "404": \#(problem) }
      }
    },
    "/api/verifications/{id}/appeal": {
      "post": {
        "parameters": [\#(idParameter)], "operationId": "appealVerification", "tags": ["verifications"], "security": [{ "bearer": [] }],
        "summary": "Appeal a refusal once, within \#(Int(VerificationRules.appealWindow / 86_400)) days, with a statement of \#(VerificationRules.statementLength.lowerBound)–\#(VerificationRules.statementLength.upperBound) characters; staff decide it like a first request",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["statement"], "properties": { "statement": { "type": "string" } } } } } },
        "responses": { "200": \#(verification), "400": \#(problem), "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem) }
      }
    },
    "/api/admin/verifications": {
      "get": {
        "operationId": "listVerificationsToReview", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "(users.edit) Requests waiting for staff (first requests and appeals), oldest first, or those of one `status`",
        "parameters": [{ "name": "status", "in": "query", "schema": { "type": "string", "enum": [\#(quoted(VerificationRequestStatus.allCases.map(\.rawValue)))] } }],
        "responses": { "200": { "description": "The requests", "content": { "application/json": { "schema": { "type": "object", "required": ["verifications"], "properties": {
          "verifications": { "type": "array", "items": { "$ref": "#/components/schemas/Verification" } }
        } } } } }, "401": \#(problem), "403": \#(problem), "422": \#(problem) }
      }
    },
    "/api/admin/verifications/{id}/document": {
      "get": {
        "parameters": [\#(idParameter)], "operationId": "downloadVerificationDocumentForReview", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "(users.edit) A request's document, while it is kept",
        "responses": { "200": \#(document), "401": \#(problem), "403": \#(problem), "404": \#(problem) }
      }
    },
    "/api/admin/verifications/{id}/approve": {
      "post": {
        "parameters": [\#(idParameter)], "operationId": "approveVerification", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "(users.edit) Approve a waiting request, with an optional reason: audited, the owner emailed, the badge on the public pages; it holds for the kind's validity",
        "requestBody": { "content": { "application/json": { "schema": { "type": "object", "properties": { "reason": { "type": "string" } } } } } },
        "responses": { "200": \#(verification), "400": \#(problem), "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem) }
      }
    },
    "/api/admin/verifications/{id}/reject": {
      "post": {
        "parameters": [\#(idParameter)], "operationId": "rejectVerification", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "(users.edit) Refuse a waiting request with the reason the owner is told: audited and emailed",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["reason"], "properties": { "reason": { "type": "string" } } } } } },
        "responses": { "200": \#(verification), "400": \#(problem), "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem) }
      }
    },
    """#

    static let verificationSchemas = #"""
    "Verification": {
      "type": "object", "required": ["id", "user_id", "kind", "kind_title", "status", "note", "reason", "appeal_statement", "created_at"],
      "properties": {
        "id": { "type": "integer" }, "user_id": { "type": "integer" },
        "kind": { "type": "string", "enum": [\#(quoted(VerificationKind.allCases.map(\.rawValue)))] }, "kind_title": { "type": "string" },
        "status": { "type": "string", "enum": [\#(quoted(VerificationRequestStatus.allCases.map(\.rawValue)))] }, "note": { "type": "string" },
        "document": { "type": "object", "required": ["name", "type", "byte_size"], "properties": {
          "name": { "type": "string" }, "type": { "type": "string" }, "byte_size": { "type": "integer" }, "url": { "type": "string" }
        } },
        "reason": { "type": "string" }, "appeal_statement": { "type": "string" }, "appealable_until": { "type": "string", "format": "date-time" },
        "created_at": { "type": "string", "format": "date-time" }, "decided_at": { "type": "string", "format": "date-time" },
        "appealed_at": { "type": "string", "format": "date-time" }, "expires_at": { "type": "string", "format": "date-time" }
      }
    },
    """#
}
