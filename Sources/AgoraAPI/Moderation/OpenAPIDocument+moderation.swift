import AgoraDomain
import AgoraStore

extension OpenAPIDocument {
    /// Reports, the author's decisions and appeals, and the moderation queue (`moderation.decide`).
    static let moderationPaths = #"""
    "/api/reports": {
      "post": {
        "operationId": "reportContent", "tags": ["moderation"], "security": [{ "bearer": [] }],
        "summary": "Report something the member can see (404 otherwise); once per member and item (409), never one's own (409)",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["subject", "id", "reason"], "properties": {
          "subject": { "type": "string", "enum": [\#(quoted(ModerationSubject.allCases.map(\.rawValue)))] },
          "id": { "type": "integer", "minimum": 1 },
          "reason": { "type": "string", "enum": [\#(quoted(ReportReason.allCases.map(\.rawValue)))] },
          "detail": \#(multiline(maximumLength: ReportRoutes.ReportInput.detailLength))
        } } } } },
        "responses": { "201": { "description": "Received" }, "401": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem) }
      }
    },
    "/api/messages/{id}/report": {
      "post": {
        "operationId": "reportMessage", "tags": ["moderation", "chat"], "security": [{ "bearer": [] }],
        "summary": "The other member of a room reports one of its messages (404 for a message they cannot read); its text goes with the report for the moderator to read; once per member (409), never one's own (409)",
        "parameters": [\#(idParameter)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["reason"], "properties": {
          "reason": { "type": "string", "enum": [\#(quoted(ReportReason.allCases.map(\.rawValue)))] },
          "detail": \#(multiline(maximumLength: ReportRoutes.ReportInput.detailLength))
        } } } } },
        "responses": { "201": { "description": "Received" }, "401": \#(problem), "404": \#(problem), "409": \#(problem), "415": \#(problem), "422": \#(problem) }
      }
    },
    "/api/moderation/decisions": {
      "get": {
        "operationId": "listMyModerationDecisions", "tags": ["moderation"], "security": [{ "bearer": [] }],
        "summary": "The decisions taken against what the signed-in member wrote, newest first, with their appeals",
        "responses": {
          "200": { "description": "The decisions", "content": { "application/json": { "schema": { "type": "object", "required": ["decisions"], "properties": { "decisions": { "type": "array", "items": {
            "type": "object", "required": ["id", "subject", "subject_id", "excerpt", "reason", "appealable"],
            "properties": {
              "id": { "type": "integer" }, "subject": { "type": "string" }, "subject_id": { "type": "integer" }, "excerpt": { "type": "string" },
              "decision": { "type": "string", "enum": [\#(quoted(ModerationDecision.allCases.map(\.rawValue)))] }, "reason": { "type": "string" },
              "decided_at": { "type": "string", "format": "date-time" }, "appeal_statement": { "type": "string" },
              "appeal_outcome": { "type": "string", "enum": [\#(quoted(AppealOutcome.allCases.map(\.rawValue)))] }, "appeal_reason": { "type": "string" },
              "appealable": { "type": "boolean" }
            }
          } } } } } } },
          "401": \#(problem)
        }
      }
    },
    "/api/moderation/decisions/{id}/appeal": {
      "post": {
        "operationId": "appealModerationDecision", "tags": ["moderation"], "security": [{ "bearer": [] }],
        "summary": "The author's appeal against a decision, once, within \#(Int(ModerationRepository.appealWindow / 86_400)) days (409 after); another moderator hears it",
        "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } }],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["statement"], "properties": { "statement": \#(multiline(maximumLength: 2_000)) } } } } },
        "responses": { "201": { "description": "Received" }, "401": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem) }
      }
    },
    "/api/admin/moderation/items": {
      "get": {
        "operationId": "listModerationQueue", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with moderation.decide: the queue, highest score or longest waiting first",
        "parameters": [
          { "name": "status", "in": "query", "schema": { "type": "string" }, "description": "Comma-separated: \#(ModerationStatus.allCases.map(\.rawValue).joined(separator: ", ")); the waiting ones by default" },
          { "name": "subject", "in": "query", "schema": { "type": "string", "enum": [\#(quoted(ModerationSubject.allCases.map(\.rawValue)))] } },
          { "name": "kind", "in": "query", "schema": { "type": "string", "enum": [\#(quoted(FlagKind.allCases.map(\.rawValue)))] } },
          { "name": "claimable", "in": "query", "schema": { "type": "string", "enum": ["true", "false"] } },
          { "name": "sort", "in": "query", "schema": { "type": "string", "enum": [\#(quoted(ModerationQuery.Order.allCases.map(\.rawValue)))] } },
          { "name": "offset", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 100000 } },
          { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": \#(ModerationAdminRoutes.maximumLimit) } }
        ],
        "responses": {
          "200": { "description": "Items", "content": { "application/json": { "schema": { "type": "object", "required": ["items"], "properties": { "items": { "type": "array", "items": { "$ref": "#/components/schemas/ModerationItem" } } } } } } },
          "400": \#(problem), "401": \#(problem), "403": \#(problem)
        }
      }
    },
    "/api/admin/moderation/items/{id}": {
      "get": {
        "operationId": "getModerationItem", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with moderation.decide: one item with its flags and appeal",
        "parameters": [\#(moderationItemID)],
        "responses": { "200": \#(moderationItem), "401": \#(problem), "403": \#(problem), "404": \#(problem) }
      }
    },
    "/api/admin/moderation/items/{id}/claim": {
      "post": {
        "operationId": "claimModerationItem", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with moderation.decide: claim an item for \#(Int(ModerationRepository.claimLifetime / 60)) minutes; 409 when another moderator holds it or it is decided",
        "parameters": [\#(moderationItemID)],
        "responses": { "200": \#(moderationItem), "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem) }
      },
      "delete": {
        "operationId": "releaseModerationItem", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with moderation.decide: let go of one's claim",
        "parameters": [\#(moderationItemID)],
        "responses": { "204": { "description": "Released" }, "401": \#(problem), "403": \#(problem) }
      }
    },
    "/api/admin/moderation/items/{id}/decision": {
      "post": {
        "operationId": "decideModerationItem", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with moderation.decide: approve, edit (with the corrected text), remove, warn or suspend (1–\#(ModerationRepository.longestSuspensionDays) days); a reason for all but an approval. Escalated items need moderation.escalations (409). Audited; the author is told",
        "parameters": [\#(moderationItemID)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["decision"], "properties": {
          "decision": { "type": "string", "enum": [\#(quoted(ModerationDecision.allCases.map(\.rawValue)))] },
          "reason": \#(multiline(maximumLength: 2_000)), "replacement": \#(multiline(maximumLength: OrderDetails.descriptionLength.upperBound)),
          "days": { "type": "integer", "minimum": 1, "maximum": \#(ModerationRepository.longestSuspensionDays) }
        } } } } },
        "responses": { "200": \#(moderationItem), "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem) }
      }
    },
    "/api/admin/moderation/items/{id}/escalation": {
      "post": {
        "operationId": "escalateModerationItem", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with moderation.decide: pass an item to the administrators, with why (audited)",
        "parameters": [\#(moderationItemID)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["reason"], "properties": { "reason": \#(multiline(maximumLength: 2_000)) } } } } },
        "responses": { "200": \#(moderationItem), "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem) }
      }
    },
    "/api/admin/moderation/items/{id}/appeal-decision": {
      "post": {
        "operationId": "decideModerationAppeal", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with moderation.decide, other than who decided (409): uphold the decision or overturn it (the content shows again). Audited; the author is told",
        "parameters": [\#(moderationItemID)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["outcome", "reason"], "properties": {
          "outcome": { "type": "string", "enum": [\#(quoted(AppealOutcome.allCases.map(\.rawValue)))] }, "reason": \#(multiline(maximumLength: 2_000))
        } } } } },
        "responses": { "200": \#(moderationItem), "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem) }
      }
    },
    "/api/admin/moderation/decisions": {
      "post": {
        "operationId": "decideModerationItems", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with moderation.decide: approve or remove up to \#(ModerationAdminRoutes.maximumBulk) items, each on its own (one audit entry each); items that cannot be decided are skipped and named",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["item_ids", "decision"], "properties": {
          "item_ids": { "type": "array", "minItems": 1, "maxItems": \#(ModerationAdminRoutes.maximumBulk), "items": { "type": "integer", "minimum": 1 } },
          "decision": { "type": "string", "enum": [\#(quoted(ModerationDecision.bulk.map(\.rawValue)))] }, "reason": \#(multiline(maximumLength: 2_000))
        } } } } },
        "responses": {
          "200": { "description": "What was decided and what was skipped", "content": { "application/json": { "schema": { "type": "object", "required": ["decided", "skipped"], "properties": {
            "decided": { "type": "array", "items": { "type": "integer" } },
            "skipped": { "type": "array", "items": { "type": "object", "required": ["id", "reason"], "properties": { "id": { "type": "integer" }, "reason": { "type": "string" } } } }
          } } } } },
          "401": \#(problem), "403": \#(problem), "422": \#(problem)
        }
      }
    },
    "/api/admin/moderation/analytics": {
      "get": {
        "operationId": "getModerationAnalytics", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with moderation.decide: the queue's size and age, decisions and the median time to one, outcomes per moderator, appeals",
        "parameters": [{ "name": "days", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": \#(ModerationAdminRoutes.maximumDays), "default": 30 } }],
        "responses": {
          "200": { "description": "The figures", "content": { "application/json": { "schema": { "type": "object", "required": ["days", "waiting", "decided", "moderators", "appeals"], "properties": {
            "days": { "type": "integer" }, "waiting": { "type": "object", "additionalProperties": { "type": "integer" } },
            "oldest_waiting_at": { "type": "string", "format": "date-time" }, "decided": { "type": "integer" },
            "median_minutes_to_decision": { "type": "number" },
            "moderators": { "type": "array", "items": { "type": "object", "required": ["staff_id", "decisions"], "properties": { "staff_id": { "type": "integer" }, "decisions": { "type": "object", "additionalProperties": { "type": "integer" } } } } },
            "appeals": { "type": "object", "additionalProperties": { "type": "integer" } }
          } } } } },
          "400": \#(problem), "401": \#(problem), "403": \#(problem)
        }
      }
    },
    """#

    private static let moderationItemID = #"{ "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } }"#
    private static let moderationItem = ##"{ "description": "The item", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ModerationItem" } } } }"##

    static let moderationSchemas = #"""
    "ModerationItem": {
      "type": "object",
      "required": ["id", "subject", "subject_id", "excerpt", "status", "score", "held", "escalation_reason", "decision_reason", "created_at"],
      "properties": {
        "id": { "type": "integer" }, "subject": { "type": "string", "enum": [\#(quoted(ModerationSubject.allCases.map(\.rawValue)))] },
        "subject_id": { "type": "integer" }, "author_id": { "type": "integer" }, "excerpt": { "type": "string" },
        "status": { "type": "string", "enum": [\#(quoted(ModerationStatus.allCases.map(\.rawValue)))] },
        "score": { "type": "number", "description": "In points; the content is held from moderation.hide-threshold" }, "held": { "type": "boolean" },
        "claimed_by": { "type": "integer" }, "claimed_at": { "type": "string", "format": "date-time" },
        "escalated_at": { "type": "string", "format": "date-time" }, "escalation_reason": { "type": "string" },
        "decision": { "type": "string", "enum": [\#(quoted(ModerationDecision.allCases.map(\.rawValue)))] }, "decision_reason": { "type": "string" },
        "decided_by": { "type": "integer" }, "decided_at": { "type": "string", "format": "date-time" }, "created_at": { "type": "string", "format": "date-time" },
        "flags": { "type": "array", "items": { "type": "object", "required": ["id", "kind", "reason", "detail", "weight", "created_at"], "properties": {
          "id": { "type": "integer" }, "kind": { "type": "string", "enum": [\#(quoted(FlagKind.allCases.map(\.rawValue)))] }, "reporter_id": { "type": "integer" },
          "reason": { "type": "string" }, "detail": { "type": "string" }, "weight": { "type": "number" }, "upheld": { "type": "boolean" },
          "created_at": { "type": "string", "format": "date-time" }
        } } },
        "appeal": { "type": "object", "required": ["statement", "reason", "created_at"], "properties": {
          "statement": { "type": "string" }, "outcome": { "type": "string", "enum": [\#(quoted(AppealOutcome.allCases.map(\.rawValue)))] },
          "reason": { "type": "string" }, "decided_by": { "type": "integer" }, "created_at": { "type": "string", "format": "date-time" },
          "decided_at": { "type": "string", "format": "date-time" }
        } }
      }
    },
    """#
}
