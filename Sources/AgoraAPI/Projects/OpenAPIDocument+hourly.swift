import AgoraDomain

extension OpenAPIDocument {
    /// Hourly work: the provider's time, the weeks of it and their approval, the client ending the work. A project of
    /// someone else's answers 404, a fixed-price project 409, the other member's step 403.
    static let hourlyPaths = #"""
    "/api/projects/{id}/time-entries": {
      "get": {
        "operationId": "listTimeEntries", "tags": ["hourly"], "security": [{ "bearer": [] }],
        "summary": "A week's entries of time, as its timesheet (this week when no week is given)",
        "parameters": [\#(idParameter), \#(weekQuery)],
        "responses": { "200": \#(timesheetResponse), "400": \#(problem), "401": \#(problem), "404": \#(problem), "409": \#(problem) }
      },
      "post": {
        "operationId": "logTime", "tags": ["hourly"], "security": [{ "bearer": [] }],
        "summary": "The provider logs time by hand (marked manual): in this week (Monday to Sunday, UTC), worked by now, not before the project started, within the weekly limit",
        "parameters": [\#(idParameter)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/TimeEntryInput" } } } },
        "responses": { "201": \#(entryResponse), "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem), "415": \#(problem), "422": \#(problem) }
      }
    },
    "/api/projects/{id}/timer/start": {
      "post": {
        "operationId": "startTimer", "tags": ["hourly"], "security": [{ "bearer": [] }],
        "summary": "The provider starts the project's timer (one runs at a time) with what they work on",
        "parameters": [\#(idParameter)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["memo"], "properties": { "memo": \#(memoSchema) } } } } },
        "responses": { "201": \#(entryResponse), "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem), "415": \#(problem), "422": \#(problem) }
      }
    },
    "/api/projects/{id}/timer/stop": {
      "post": {
        "operationId": "stopTimer", "tags": ["hourly"], "security": [{ "bearer": [] }],
        "summary": "The provider stops the timer: it keeps the whole minutes worked, up to \#(HourlyRules.entryMinutes.upperBound), to the end of its week and to the weekly limit; minutes 0 means nothing was kept",
        "parameters": [\#(idParameter)],
        "responses": { "200": \#(entryResponse), "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem) }
      }
    },
    "/api/time-entries/{id}": {
      "patch": {
        "operationId": "changeTimeEntry", "tags": ["hourly"], "security": [{ "bearer": [] }],
        "summary": "The provider corrects an entry of this week (the fields sent replace its own; a changed start or duration marks it manual); a running timer takes a new memo only",
        "parameters": [\#(idParameter)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/TimeEntryInput" } } } },
        "responses": { "200": \#(entryResponse), "401": \#(problem), "404": \#(problem), "409": \#(problem), "415": \#(problem), "422": \#(problem) }
      },
      "delete": {
        "operationId": "removeTimeEntry", "tags": ["hourly"], "security": [{ "bearer": [] }],
        "summary": "The provider removes an entry of this week (a running timer is discarded)",
        "parameters": [\#(idParameter)],
        "responses": { "204": { "description": "Removed" }, "401": \#(problem), "404": \#(problem), "409": \#(problem) }
      }
    },
    "/api/projects/{id}/timesheets": {
      "get": {
        "operationId": "listTimesheets", "tags": ["hourly"], "security": [{ "bearer": [] }],
        "summary": "The weeks with time, oldest first, each with its minutes and status: the hours chart",
        "parameters": [\#(idParameter)],
        "responses": { "200": { "description": "The weeks", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/TimesheetList" } } } }, "400": \#(problem), "401": \#(problem), "404": \#(problem), "409": \#(problem) }
      }
    },
    "/api/projects/{id}/timesheets/{week}": {
      "get": {
        "operationId": "getTimesheet", "tags": ["hourly"], "security": [{ "bearer": [] }],
        "summary": "One week (Monday to Sunday, UTC): its entries, minutes per day, amount and status",
        "parameters": [\#(idParameter), \#(weekPath)],
        "responses": { "200": \#(timesheetResponse), "400": \#(problem), "401": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem) }
      }
    },
    "/api/projects/{id}/timesheets/{week}/approve": {
      "post": {
        "operationId": "approveTimesheet", "tags": ["hourly"], "security": [{ "bearer": [] }],
        "summary": "The client approves a week that has ended; its minutes and amount are fixed for billing. Unanswered, it is approved automatically when the review window (projects.timesheet-review-days) closes",
        "parameters": [\#(idParameter), \#(weekPath)],
        "responses": { "200": \#(timesheetResponse), "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem) }
      }
    },
    "/api/projects/{id}/end": {
      "post": {
        "operationId": "endHourlyProject", "tags": ["hourly"], "security": [{ "bearer": [] }],
        "summary": "The client ends an active hourly project: a running timer stops, the project and its order complete; weeks with time are still reviewed",
        "parameters": [\#(idParameter)],
        "responses": { "200": { "description": "The project", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Project" } } } }, "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem) }
      }
    },
    """#

    private static let weekPattern = "^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$"
    private static let weekQuery = #"{ "name": "week", "in": "query", "description": "An ISO 8601 week, such as 2026-W49", "schema": { "type": "string", "pattern": "\#(weekPattern)" } }"#
    static let weekPath = #"{ "name": "week", "in": "path", "required": true, "description": "An ISO 8601 week, such as 2026-W49", "schema": { "type": "string", "pattern": "\#(weekPattern)" } }"#
    private static let memoSchema = #"{ "type": "string", "minLength": \#(HourlyRules.memoLength.lowerBound), "maxLength": \#(HourlyRules.memoLength.upperBound) }"#
    private static let entryResponse = ##"{ "description": "The entry", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/TimeEntry" } } } }"##
    private static let timesheetResponse = ##"{ "description": "The week", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Timesheet" } } } }"##

    static let hourlySchemas = #"""
    "TimeEntryInput": {
      "type": "object", "additionalProperties": false,
      "properties": {
        "started_at": { "type": "string", "format": "date-time", "description": "RFC 3339, with its offset" },
        "minutes": { "type": "integer", "minimum": \#(HourlyRules.entryMinutes.lowerBound), "maximum": \#(HourlyRules.entryMinutes.upperBound) },
        "memo": \#(memoSchema)
      }
    },
    "TimeEntry": {
      "type": "object", "required": ["id", "project_id", "week", "started_at", "running", "memo", "manual", "can_change", "created_at", "updated_at"],
      "properties": {
        "id": { "type": "integer" }, "project_id": { "type": "integer" }, "week": { "type": "string" },
        "started_at": { "type": "string", "format": "date-time" }, "minutes": { "type": "integer", "description": "Absent while the timer runs" },
        "running": { "type": "boolean" }, "memo": { "type": "string" }, "manual": { "type": "boolean", "description": "Typed in, or its time changed by hand" },
        "can_change": { "type": "boolean" }, "created_at": { "type": "string", "format": "date-time" }, "updated_at": { "type": "string", "format": "date-time" }
      }
    },
    "Timesheet": {
      "type": "object", "required": ["project_id", "week", "starts_at", "ends_at", "status", "minutes", "limit_minutes", "rate", "amount", "minutes_by_day", "takes_time", "can_approve", "previous_week", "next_week", "entries"],
      "properties": {
        "project_id": { "type": "integer" }, "week": { "type": "string" },
        "starts_at": { "type": "string", "format": "date-time" }, "ends_at": { "type": "string", "format": "date-time" },
        "status": { "type": "string", "enum": [\#(quoted(TimesheetStatus.allCases.map(\.rawValue)))] },
        "review_closes_at": { "type": "string", "format": "date-time" },
        "minutes": { "type": "integer" }, "limit_minutes": { "type": "integer" },
        "rate": { "$ref": "#/components/schemas/Money" }, "amount": { "$ref": "#/components/schemas/Money" },
        "minutes_by_day": { "type": "array", "minItems": 7, "maxItems": 7, "items": { "type": "integer" }, "description": "Monday first, UTC" },
        "approval": { "type": "object", "required": ["at", "minutes", "amount"], "properties": {
          "at": { "type": "string", "format": "date-time" }, "by": { "type": "string", "description": "client; absent when the review window approved it" },
          "minutes": { "type": "integer" }, "amount": { "$ref": "#/components/schemas/Money" } } },
        "takes_time": { "type": "boolean" }, "can_approve": { "type": "boolean" },
        "previous_week": { "type": "string" }, "next_week": { "type": "string" },
        "entries": { "type": "array", "items": { "$ref": "#/components/schemas/TimeEntry" } }
      }
    },
    "TimesheetList": {
      "type": "object", "required": ["project_id", "limit_minutes", "weeks"],
      "properties": {
        "project_id": { "type": "integer" }, "limit_minutes": { "type": "integer" },
        "weeks": { "type": "array", "items": { "type": "object", "required": ["week", "starts_at", "minutes", "status"], "properties": {
          "week": { "type": "string" }, "starts_at": { "type": "string", "format": "date-time" }, "minutes": { "type": "integer" },
          "status": { "type": "string", "enum": [\#(quoted(TimesheetStatus.allCases.map(\.rawValue)))] }, "approved_minutes": { "type": "integer" } } } }
      }
    },
    """#
}
