import AgoraDomain
import AgoraWorkflows

extension OpenAPIDocument {
    /// `/api/admin/email-templates`: the messages the service sends, edited in place of their files.
    static let emailTemplatePaths = #"""
    "/api/admin/email-templates": {
      "get": {
        "operationId": "listEmailTemplates", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with content.edit: every message the service sends, what it is for, its published version in force (none while its file is) and its newest version",
        "responses": { "200": { "description": "The messages", "content": { "application/json": { "schema": { "type": "object", "required": ["templates"], "properties": { "templates": { "type": "array", "items": {
          "type": "object", "required": ["key", "purpose"], "properties": { "key": { "type": "string" }, "purpose": { "type": "string" }, "published_version": { "type": "integer" }, "latest_version": { "type": "integer" }, "latest_status": { "type": "string", "enum": [\#(quoted(EmailTemplateStatus.allCases.map(\.rawValue)))] }, "updated_at": { "type": "string", "format": "date-time" } } } } } } } } },
          "401": \#(problem), "403": \#(problem) }
      }
    },
    "/api/admin/email-templates/{key}": {
      "get": {
        "operationId": "getEmailTemplate", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with content.edit: a message to edit — its file's version, the newest saved (or the version asked for), the names it can use and its history",
        "parameters": [\#(keyParameter), { "name": "version", "in": "query", "schema": { "type": "integer", "minimum": 1 } }],
        "responses": { "200": \#(templateResponse), "400": \#(problem), "401": \#(problem), "403": \#(problem), "404": \#(problem) }
      },
      "put": {
        "operationId": "saveEmailTemplate", "tags": ["admin"], "security": [{ "bearer": [] }], "parameters": [\#(keyParameter)],
        "summary": "Staff with content.edit: saves a new version, draft or published (in force at once for every email of its kind); each part must parse, and the HTML may not write a value unescaped (the fault's line and column are named)",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["subject", "text_body", "html_body", "status"], "properties": {
          \#(partProperties),
          "status": { "type": "string", "enum": [\#(quoted(EmailTemplateStatus.allCases.map(\.rawValue)))] },
          "locale": { "type": "string", "enum": [\#(quoted(EmailLocale.allCases.map(\.rawValue)))] } } } } } },
        "responses": { "200": \#(templateResponse), "401": \#(problem), "403": \#(problem), "404": \#(problem), "422": \#(problem) }
      }
    },
    "/api/admin/email-templates/{key}/preview": {
      "post": {
        "operationId": "previewEmailTemplate", "tags": ["admin"], "security": [{ "bearer": [] }], "parameters": [\#(keyParameter)],
        "summary": "Staff with content.edit: the message written from sample values with this edit (not saved), or with the version in force for an empty object",
        "requestBody": \#(trialBody),
        "responses": { "200": { "description": "The message", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/EmailTemplateParts" } } } }, "401": \#(problem), "403": \#(problem), "404": \#(problem), "422": \#(problem) }
      }
    },
    "/api/admin/email-templates/{key}/test": {
      "post": {
        "operationId": "testEmailTemplate", "tags": ["admin"], "security": [{ "bearer": [] }], "parameters": [\#(keyParameter)],
        "summary": "Staff with content.edit: sends the message written from sample values (this edit, or the version in force) to the editor's own address, its subject marked as a test",
        "requestBody": \#(trialBody),
        "responses": { "200": { "description": "Queued", "content": { "application/json": { "schema": { "type": "object", "required": ["message", "to"], "properties": { "message": { "type": "string" }, "to": { "type": "string" } } } } } }, "401": \#(problem), "403": \#(problem), "404": \#(problem), "422": \#(problem) }
      }
    },
    """#

    static let emailTemplateSchemas = #"""
    "EmailTemplateParts": { "type": "object", "required": ["subject", "text_body", "html_body"], "properties": { "subject": { "type": "string" }, "text_body": { "type": "string" }, "html_body": { "type": "string" } } },
    "EmailTemplate": { "type": "object", "required": ["key", "locale", "purpose", "variables", "file", "current", "versions"], "properties": {
      "key": { "type": "string" }, "locale": { "type": "string" }, "purpose": { "type": "string" }, "variables": { "type": "array", "items": { "type": "string" } },
      "file": { "$ref": "#/components/schemas/EmailTemplateParts" }, "current": { "$ref": "#/components/schemas/EmailTemplateParts" },
      "published_version": { "type": "integer" }, "current_version": { "type": "integer" }, "current_status": { "type": "string" },
      "versions": { "type": "array", "items": { "type": "object", "required": ["version", "status", "subject", "created_at"], "properties": { "version": { "type": "integer" }, "status": { "type": "string" }, "subject": { "type": "string" }, "changed_by": { "type": "integer" }, "created_at": { "type": "string", "format": "date-time" } } } } } },
    """#

    private static let keyParameter = #"{ "name": "key", "in": "path", "required": true, "schema": { "type": "string", "enum": [\#(quoted(EmailTemplates.required.sorted()))] } }"#

    private static let templateResponse = ##"{ "description": "The message", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/EmailTemplate" } } } }"##

    private static let partProperties = #"""
    "subject": { "type": "string", "minLength": 1, "maxLength": \#(EmailTemplateContent.subjectLength.upperBound), "pattern": "^[^\\u0000-\\u001f\\u007f]*\\S[^\\u0000-\\u001f\\u007f]*$" },
          "text_body": { "type": "string", "minLength": 1, "maxLength": \#(EmailTemplateContent.textLength.upperBound), "pattern": "\\S" },
          "html_body": { "type": "string", "minLength": 1, "maxLength": \#(EmailTemplateContent.htmlLength.upperBound), "pattern": "\\S" }
    """#

    private static let trialBody = #"""
    { "required": true, "content": { "application/json": { "schema": { "oneOf": [
          { "type": "object", "additionalProperties": false, "maxProperties": 0 },
          { "type": "object", "additionalProperties": false, "required": ["subject", "text_body", "html_body"], "properties": { \#(partProperties) } }
        ] } } } }
    """#
}
