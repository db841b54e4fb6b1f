import AgoraDomain

/// The OpenAPI 3.1 description of every `/api` route, served at `GET /api/openapi.json`. A test checks that the
/// paths and methods here are exactly the routes the router has. Each area adds its paths and schemas as JSON
/// fragments in its own folder, beside its routes (`Auth/Routes/OpenAPIDocument+auth.swift`); the numbers of the
/// domain rules are interpolated from the domain.
enum OpenAPIDocument {
    static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "Agora API",
        "version": "0.1.0",
        "description": "The companion service of the Agora marketplace. Errors are RFC 9457 problem documents."
      },
      "paths": {
        "/api/health": {
          "get": {
            "operationId": "getHealth",
            "summary": "Whether the service and its database answer, and which schema they run",
            "responses": {
              "200": {
                "description": "Healthy",
                "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Health" } } }
              },
              "503": {
                "description": "Migrations pending, or the database does not answer",
                "content": {
                  "application/json": { "schema": { "$ref": "#/components/schemas/Health" } },
                  "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } }
                }
              }
            }
          }
        },
        "/api/dev/events": {
          "get": {
            "operationId": "getLiveReloadEvents",
            "summary": "Server-sent events of watch mode (agora serve --watch only): reload, or error with the build's message",
            "responses": { "200": { "description": "An event stream", "content": { "text/event-stream": {} } } }
          }
        },
        "/api/dev/live-reload.js": {
          "get": {
            "operationId": "getLiveReloadScript",
            "summary": "The script watch-mode pages load (agora serve --watch only)",
            "responses": { "200": { "description": "JavaScript", "content": { "text/javascript": {} } } }
          }
        },
        "/metrics": {
          "get": {
            "operationId": "getMetrics", "tags": ["operations"],
            "summary": "The service's metrics in the Prometheus text format: requests by route pattern, the site-changes queue and the email outbox. Only for AGORA_METRICS_ALLOW's addresses (this machine by default) or with AGORA_METRICS_TOKEN as a bearer token; anyone else gets 404",
            "responses": { "200": { "description": "Metrics", "content": { "text/plain": {} } }, "404": { "$ref": "#/components/responses/Problem" } }
          }
        },
        "/api/openapi.json": {
          "get": {
            "operationId": "getOpenAPIDocument",
            "summary": "This document",
            "responses": { "200": { "description": "The OpenAPI document", "content": { "application/json": {} } } }
          }
        },
        \#(searchPaths)
        \#(publicPaths)
        \#(orderPaths)
        \#(projectPaths)
        \#(hourlyPaths)
        \#(reviewPaths)
        \#(meetingPaths)
        \#(paymentPaths)
        \#(statementPaths)
        \#(chatPaths)
        \#(notificationPaths)
        \#(emailTemplatePaths)
        \#(markdownPaths)
        \#(adminPaths)
        \#(bulkPaths)
        \#(profilePaths)
        \#(portfolioPaths)
        \#(verificationPaths)
        \#(skillPaths)
        \#(clientPaths)
        \#(settingsPaths)
        \#(moderationPaths)
        \#(twoFactorPaths)
        \#(authPaths)
      },
      "components": {
        \#(sharedResponses)
        "schemas": {
          "Health": {
            "type": "object",
            "required": ["status", "version", "database"],
            "properties": {
              "status": { "type": "string", "enum": ["ok", "migrations pending"] },
              "version": { "type": "string" },
              "database": {
                "type": "object",
                "required": ["engine", "migrations_applied", "migrations_pending"],
                "properties": {
                  "engine": { "type": "string", "enum": ["sqlite", "postgresql"] },
                  "migrations_applied": { "type": "array", "items": { "type": "integer" } },
                  "migrations_pending": { "type": "array", "items": { "type": "integer" } }
                }
              }
            }
          },
          "Problem": {
            "type": "object",
            "required": ["type", "title", "status"],
            "properties": {
              "type": { "type": "string", "format": "uri-reference" },
              "title": { "type": "string" },
              "status": { "type": "integer" },
              "detail": { "type": "string" },
              "instance": { "type": "string" },
              "request_id": { "type": "string" },
              "retry_after": { "type": "integer", "description": "Seconds to wait, also in the Retry-After header" },
              "second_factor": {
                "type": "object", "description": "second-factor-required: the challenge to send back with the code",
                "required": ["challenge", "expires_at"],
                "properties": { "challenge": { "type": "string" }, "expires_at": { "type": "string", "format": "date-time" } }
              },
              "captcha": {
                "type": "object", "description": "captcha-required: the challenge the next attempt answers",
                "required": ["mode"],
                "properties": { "mode": { "type": "string" }, "challenge": { "type": "string" }, "difficulty": { "type": "integer" }, "site_key": { "type": "string" } }
              },
              "errors": {
                "type": "array",
                "items": {
                  "type": "object",
                  "required": ["field", "message"],
                  "properties": { "field": { "type": "string" }, "message": { "type": "string" } }
                }
              }
            }
          },
          \#(searchSchemas)
          \#(publicSchemas)
          \#(orderSchemas)
          \#(projectSchemas)
          \#(hourlySchemas)
          \#(reviewSchemas)
          \#(meetingSchemas)
          \#(notificationSchemas)
          \#(emailTemplateSchemas)
          \#(paymentSchemas)
          \#(statementSchemas)
          \#(chatSchemas)
          \#(adminSchemas)
          \#(bulkSchemas)
          \#(profileSchemas)
          \#(portfolioSchemas)
          \#(verificationSchemas)
          \#(skillSchemas)
          \#(clientSchemas)
          \#(settingsSchemas)
          \#(moderationSchemas)
          \#(authSchemas)
        },
        "securitySchemes": {
          "bearer": { "type": "http", "scheme": "bearer", "bearerFormat": "JWT" },
          "refreshCookie": { "type": "apiKey", "in": "cookie", "name": "agora_refresh" }
        }
      }
    }
    """#

    /// A response that is a problem document.
    static let problem = ##"{ "$ref": "#/components/responses/Problem" }"##

    /// A one-line string field as `JSONObjectBody.string` reads it: no control character, at most so many scalars.
    static func oneLine(maximumLength: Int) -> String {
        #"{ "type": "string", "maxLength": \#(maximumLength), "pattern": \#(JSONString.literal(JSONObjectBody.oneLinePattern)) }"#
    }

    /// A multi-line string field as `JSONObjectBody.string(multiline: true)` reads it.
    static func multiline(maximumLength: Int) -> String {
        #"{ "type": "string", "maxLength": \#(maximumLength), "pattern": \#(JSONString.literal(JSONObjectBody.multilinePattern)) }"#
    }

    /// A required multi-line text within `length` characters.
    static func multiline(length: ClosedRange<Int>) -> String {
        #"{ "type": "string", "minLength": \#(length.lowerBound), "maxLength": \#(length.upperBound), "pattern": \#(JSONString.literal(JSONObjectBody.multilinePattern)) }"#
    }

    /// A whole-number field as `JSONObjectBody.integer` reads it, at least `minimum`.
    static func wholeNumber(minimum: Int) -> String {
        #"{ "type": "integer", "minimum": \#(minimum), "maximum": \#(Int(JSONObjectBody.largestWholeNumber)) }"#
    }

    /// JSON strings for an `enum` list.
    static func quoted(_ values: [String]) -> String {
        values.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
