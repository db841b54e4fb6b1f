import AgoraDomain
import AgoraStore

extension OpenAPIDocument {
    /// Projects and their milestones, for their two members. A project or milestone of someone else's answers 404;
    /// a step the milestone's status does not allow, or any step in a project that is not active, answers 409 with
    /// `urn:agora:problem:invalid-transition`.
    static let projectPaths = #"""
    "/api/projects/dashboard": {
      "get": {
        "operationId": "getProjectDashboard", "tags": ["projects"], "security": [{ "bearer": [] }],
        "summary": "The signed-in member's projects at a glance: counts by status, open milestones due within \#(ProjectRoutes.dueSoonDays) days, the milestones waiting for their step, and the latest activity",
        "responses": { "200": { "description": "The overview", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ProjectDashboard" } } } }, "400": \#(problem), "401": \#(problem) }
      }
    },
    "/api/projects": {
      "get": {
        "operationId": "listMyProjects", "tags": ["projects"], "security": [{ "bearer": [] }],
        "summary": "The signed-in member's projects, as client and as provider",
        "parameters": [
          { "name": "status", "in": "query", "description": "Comma-separated: \#(ProjectStatus.allCases.map(\.rawValue).joined(separator: ", ")); empty for all", "schema": { "type": "string", "pattern": "^((\#(statusAlternatives))(,(\#(statusAlternatives)))*)?$" } },
          { "name": "role", "in": "query", "schema": { "type": "string", "enum": [\#(quoted(ProjectRole.allCases.map(\.rawValue)))] } },
          { "name": "q", "in": "query", "description": "Text in the title", "schema": { "type": "string", "maxLength": 200 } },
          { "name": "sort", "in": "query", "schema": { "type": "string", "enum": [\#(quoted(ProjectListQuery.Sort.allCases.map(\.rawValue)))], "default": "activity" } },
          { "name": "after", "in": "query", "description": "next_after of the previous page", "schema": { "type": "string", "pattern": "^[0-9]{1,12}(\\.[0-9]{1,9})?_[1-9][0-9]{0,17}$" } },
          { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 100, "default": 20 } }
        ],
        "responses": { "200": { "description": "A page of projects", "content": { "application/json": { "schema": { "type": "object", "required": ["projects"], "properties": { "projects": { "type": "array", "items": { "$ref": "#/components/schemas/Project" } }, "next_after": { "type": "string" } } } } } }, "400": \#(problem), "401": \#(problem) }
      }
    },
    "/api/projects/{id}": {
      "get": {
        "operationId": "getProject", "tags": ["projects"], "security": [{ "bearer": [] }],
        "summary": "One project with its milestones, their submissions and the steps the asker may take on each",
        "parameters": [\#(idParameter)],
        "responses": { "200": \#(projectResponse), "401": \#(problem), "404": \#(problem) }
      }
    },
    "/api/projects/{id}/activity": {
      "get": {
        "operationId": "listProjectActivity", "tags": ["projects"], "security": [{ "bearer": [] }], "summary": "The project's activity feed, newest first",
        "parameters": [\#(idParameter),
          { "name": "before", "in": "query", "description": "next_before of the previous page", "schema": { "type": "integer", "minimum": 1 } },
          { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 100, "default": 20 } }
        ],
        "responses": { "200": { "description": "Entries", "content": { "application/json": { "schema": { "type": "object", "required": ["activity"], "properties": { "activity": { "type": "array", "items": { "$ref": "#/components/schemas/ProjectActivity" } }, "next_before": { "type": "integer" } } } } } }, "400": \#(problem), "401": \#(problem), "404": \#(problem) }
      }
    },
    "/api/projects/{id}/export": {
      "get": {
        "operationId": "exportProject", "tags": ["projects"], "security": [{ "bearer": [] }],
        "summary": "The project to keep, as an attachment: JSON with every submission and the activity, or CSV with a line per milestone (fields a spreadsheet would take for a formula start with a quote mark)",
        "parameters": [\#(idParameter), { "name": "format", "in": "query", "schema": { "type": "string", "enum": [\#(quoted(ProjectRoutes.ExportFormat.allCases.map(\.rawValue)))], "default": "json" } }],
        "responses": {
          "200": { "description": "The export", "content": {
            "application/json": { "schema": { "type": "object", "required": ["format", "exported_at", "project", "activity"], "properties": {
              "format": { "type": "string", "const": "\#(ProjectExportBody.formatName)" }, "exported_at": { "type": "string", "format": "date-time" },
              "project": { "$ref": "#/components/schemas/Project" }, "activity": { "type": "array", "items": { "$ref": "#/components/schemas/ProjectActivity" } } } } },
            "text/csv": { "schema": { "type": "string" } } } },
          "400": \#(problem), "401": \#(problem), "404": \#(problem)
        }
      }
    },
    "/api/projects/{id}/milestones": {
      "post": {
        "operationId": "proposeMilestone", "tags": ["projects"], "security": [{ "bearer": [] }],
        "summary": "Either member proposes a milestone for an active project; it joins the plan when the other member accepts it",
        "parameters": [\#(idParameter)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["title", "amount", "due"], "properties": {
          "title": { "type": "string", "minLength": \#(MilestoneRules.titleLength.lowerBound), "maxLength": \#(MilestoneRules.titleLength.upperBound) },
          "description": { "type": "string", "maxLength": \#(MilestoneRules.descriptionLength.upperBound) },
          "amount": { "type": ["string", "number"], "description": "In major units of the project's currency" },
          "due": { "type": "string", "description": "A local date (end of that day) or date and time in the order's time zone", "examples": ["2027-01-15"] }
        } } } } },
        "responses": { "201": \#(projectResponse), "401": \#(problem), "404": \#(problem), "409": \#(problem), "415": \#(problem), "422": \#(problem) }
      }
    },
    "/api/projects/{id}/cancel": {
      "post": {
        "operationId": "cancelProject", "tags": ["projects"], "security": [{ "bearer": [] }],
        "summary": "A member asks to cancel the project, with a reason; the other member's call agrees, and the project and its order are cancelled",
        "parameters": [\#(idParameter)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "properties": {
          "reason": { "type": "string", "minLength": \#(ProjectCancellation.reasonLength.lowerBound), "maxLength": \#(ProjectCancellation.reasonLength.upperBound), "description": "Required to ask; counted without the spaces around it" }
        } } } } },
        "responses": { "200": \#(projectResponse), "401": \#(problem), "404": \#(problem), "409": \#(problem), "415": \#(problem), "422": \#(problem) }
      },
      "delete": {
        "operationId": "keepProject", "tags": ["projects"], "security": [{ "bearer": [] }],
        "summary": "Ends a waiting request to cancel: withdrawn by the member who asked, declined by the other",
        "parameters": [\#(idParameter)],
        "responses": { "200": \#(projectResponse), "401": \#(problem), "404": \#(problem), "409": \#(problem) }
      }
    },
    \#(ProjectPause.allCases.map(pausePath).joined(separator: ",\n")),
    "/api/milestones/{id}/files": {
      "post": {
        "parameters": [\#(idParameter)], "operationId": "attachMilestoneFile", "tags": ["projects"], "security": [{ "bearer": [] }],
        "summary": "The provider attaches one file to a milestone's next delivery (multipart/form-data, one part named file; at most \#(OrderFileLimits.maximumMegabytes) MB, \#(MilestoneRules.maximumFilesPerDelivery) a delivery) while it is in progress or waiting for changes; its type is read from its content: \#(AttachmentType.described)",
        "requestBody": { "required": true, "content": { "multipart/form-data": { "schema": { "type": "object", "required": ["file"], "properties": { "file": { "type": "string", "format": "binary" } } } } } },
        "responses": { "201": { "description": "Attached", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ProjectFile" } } } }, "400": \#(problem), "401": \#(problem), "404": \#(problem), "409": \#(problem), "413": \#(problem), "415": \#(problem), "422": \#(problem), "429": \#(problem) }
      }
    },
    "/api/milestones/{id}/files/{fileId}": {
      "delete": {
        "parameters": [\#(idParameter), { "name": "fileId", "in": "path", "required": true, "schema": { "type": "integer" } }],
        "operationId": "removeMilestoneFile", "tags": ["projects"], "security": [{ "bearer": [] }], "summary": "The provider removes a file not delivered yet",
        "responses": { "204": { "description": "Removed" }, "401": \#(problem), "404": \#(problem) }
      }
    },
    "/api/projects/{id}/files/{fileId}": {
      "get": {
        "parameters": [\#(idParameter), { "name": "fileId", "in": "path", "required": true, "schema": { "type": "integer" } }],
        "operationId": "downloadProjectFile", "tags": ["projects"], "security": [{ "bearer": [] }], "summary": "Download a delivered file, streamed, for the project's members (a file not delivered yet, for its uploader); always as an attachment",
        "responses": { "200": { "description": "The file", "content": { "application/octet-stream": {} } }, "401": \#(problem), "404": \#(problem) }
      }
    },
    \#(MilestoneStep.workflow.map(milestoneStepPath).joined(separator: ",\n"))
    ,
    """#

    /// `POST /api/projects/{id}/pause|resume`, the client's.
    private static func pausePath(_ move: ProjectPause) -> String {
        let summary = switch move {
        case .pause: "The client pauses an active project, with an optional reason the provider reads: nothing moves until it resumes"
        case .resume: "The client resumes a paused project"
        }
        return #"""
        "/api/projects/{id}/\#(move.rawValue)": {
          "post": {
            "operationId": "\#(move.rawValue)Project", "tags": ["projects"], "security": [{ "bearer": [] }],
            "summary": "\#(summary)",
            "parameters": [\#(idParameter)],
            "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "properties": {
              "reason": { "type": "string", "maxLength": \#(ProjectPause.reasonLength.upperBound) }
            } } } } },
            "responses": { "200": \#(projectResponse), "401": \#(problem), "404": \#(problem), "409": \#(problem), "415": \#(problem), "422": \#(problem) }
          }
        }
        """#
    }

    /// `POST /api/milestones/{id}/{step}`, with the note the step needs.
    private static func milestoneStepPath(_ step: MilestoneStep) -> String {
        let (who, summary): (String, String) = switch step {
        case .accept: ("the other member", "accepts a proposed milestone into the plan")
        case .decline: ("the other member", "declines a proposed milestone")
        case .withdraw: ("the member who proposed it", "withdraws a proposed milestone")
        case .start: ("the provider", "starts a funded milestone")
        case .submit: ("the provider", "submits a deliverable (its note, \(MilestoneRules.deliverableNoteLength.lowerBound)–\(MilestoneRules.deliverableNoteLength.upperBound) characters) for the client's review")
        case .requestChanges: ("the client", "asks for changes to a submission (what to change, \(MilestoneRules.changeRequestLength.lowerBound)–\(MilestoneRules.changeRequestLength.upperBound) characters)")
        case .approve: ("the client", "approves a submission, which releases what is still held in escrow for it; the last one approved completes the project and its order")
        case .fund, .refundAll, .settle: ("", "")
        }
        let noteLength: ClosedRange<Int>? = switch step {
        case .submit: MilestoneRules.deliverableNoteLength
        case .requestChanges: MilestoneRules.changeRequestLength
        case .accept, .decline, .withdraw, .start, .approve, .fund, .refundAll, .settle: nil
        }
        let needsNote = noteLength != nil
        let body = noteLength.map { length in
            #""requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["note"], "properties": { "note": { "type": "string", "minLength": \#(length.lowerBound), "maxLength": \#(length.upperBound), "description": "Counted without the spaces around it" } } } } } },"#
        } ?? ""
        let validation = needsNote ? #", "415": \#(problem), "422": \#(problem)"# : ""
        return #"""
        "/api/milestones/{id}/\#(step.rawValue)": {
          "post": {
            "operationId": "\#(operationID(step))", "tags": ["projects"], "security": [{ "bearer": [] }],
            "summary": "\#(who.prefix(1).uppercased() + who.dropFirst()) \#(summary)",
            "parameters": [\#(idParameter)], \#(body)
            "responses": { "200": \#(projectResponse), "401": \#(problem), "404": \#(problem), "409": \#(problem)\#(validation) }
          }
        }
        """#
    }

    private static func operationID(_ step: MilestoneStep) -> String {
        let words = step.rawValue.split(separator: "-").map(String.init)
        return words.first! + words.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() + "Milestone"
    }

    /// The project statuses as regular-expression alternatives.
    private static let statusAlternatives = ProjectStatus.allCases.map(\.rawValue).joined(separator: "|")

    static let projectResponse = ##"{ "description": "The project", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Project" } } } }"##

    static let projectSchemas = #"""
    "Project": {
      "type": "object",
      "required": ["id", "order_id", "order_reference", "title", "description", "status", "role", "counterpart", "billing", "agreed_price", "deadline", "started_at", "last_activity_at", "progress", "health", "milestones"],
      "properties": {
        "id": { "type": "integer" }, "order_id": { "type": "integer" }, "order_reference": { "type": "string" },
        "title": { "type": "string" }, "description": { "type": "string" },
        "status": { "type": "string", "enum": [\#(quoted(ProjectStatus.allCases.map(\.rawValue)))] },
        "role": { "type": "string", "enum": [\#(quoted(ProjectRole.allCases.map(\.rawValue)))], "description": "The asker's side" },
        "counterpart": { "type": "object", "required": ["name"], "properties": { "name": { "type": "string" } } },
        "billing": { "type": "string", "enum": [\#(quoted(Billing.Kind.allCases.map(\.rawValue)))] },
        "agreed_price": { "$ref": "#/components/schemas/Money", "description": "The whole price of fixed-price work; the rate per hour of hourly work" },
        "hourly": { "type": "object", "description": "Hourly work only", "required": ["rate", "weekly_limit_hours", "weeks", "can_end"], "properties": {
          "rate": { "$ref": "#/components/schemas/Money" }, "weekly_limit_hours": { "type": "integer" }, "weeks": { "$ref": "#/components/schemas/TimesheetList" }, "can_end": { "type": "boolean" } } },
        "deadline": { "type": "string", "format": "date-time" }, "started_at": { "type": "string", "format": "date-time" },
        "completed_at": { "type": "string", "format": "date-time" }, "last_activity_at": { "type": "string", "format": "date-time" },
        "progress": { "type": "object", "required": ["percent", "approved", "agreed", "milestones_approved", "milestones_agreed"], "properties": {
          "percent": { "type": "integer", "minimum": 0, "maximum": 100 }, "approved": { "$ref": "#/components/schemas/Money" }, "agreed": { "$ref": "#/components/schemas/Money" },
          "milestones_approved": { "type": "integer" }, "milestones_agreed": { "type": "integer" },
          "minutes_approved": { "type": "integer" }, "minutes_logged": { "type": "integer" }, "minutes_budgeted": { "type": "integer" } } },
        "health": { "type": "array", "items": { "type": "string", "enum": [\#(quoted(ProjectHealth.allCases.map(\.rawValue)))] } },
        "cancellation": { "type": "object", "description": "A waiting request to cancel, or on a cancelled project the one agreed to", "required": ["requested_by", "reason", "requested_at"], "properties": {
          "requested_by": { "type": "string", "enum": [\#(quoted(ProjectRole.allCases.map(\.rawValue)))] }, "reason": { "type": "string" }, "requested_at": { "type": "string", "format": "date-time" } } },
        "milestones": { "type": "array", "items": { "$ref": "#/components/schemas/Milestone" } }
      }
    },
    "Milestone": {
      "type": "object", "required": ["id", "position", "title", "description", "amount", "status", "revision", "next_steps", "submissions"],
      "properties": {
        "id": { "type": "integer" }, "position": { "type": "integer" }, "title": { "type": "string" }, "description": { "type": "string" },
        "amount": { "$ref": "#/components/schemas/Money" }, "due_at": { "type": "string", "format": "date-time" },
        "status": { "type": "string", "enum": [\#(quoted(MilestoneStatus.allCases.map(\.rawValue)))] },
        "proposed_by": { "type": "string", "enum": [\#(quoted(ProjectRole.allCases.map(\.rawValue)))] },
        "revision": { "type": "integer" }, "submitted_at": { "type": "string", "format": "date-time" },
        "review_closes_at": { "type": "string", "format": "date-time", "description": "When an unanswered submission is approved automatically" },
        "approved_at": { "type": "string", "format": "date-time" },
        "next_steps": { "type": "array", "items": { "type": "string", "enum": [\#(quoted(MilestoneStep.allCases.map(\.rawValue)))] } },
        "submissions": { "type": "array", "items": { "type": "object", "required": ["revision", "note", "submitted_at", "files"], "properties": {
          "revision": { "type": "integer" }, "note": { "type": "string" }, "submitted_at": { "type": "string", "format": "date-time" },
          "response": { "type": "string" }, "responded_at": { "type": "string", "format": "date-time" },
          "files": { "type": "array", "items": { "$ref": "#/components/schemas/ProjectFile" } } } } },
        "files": { "type": "array", "description": "Attached for the next delivery; the provider's alone until it is sent", "items": { "$ref": "#/components/schemas/ProjectFile" } },
        "accepts_files": { "type": "boolean", "description": "Whether the asker may attach another file now" },
        "escrow": { "type": "object", "required": ["funded", "client_fee", "held", "remaining", "released", "refunded"], "description": "Once funded: the amount paid into escrow and the client's fee with it, what the escrow holds (fee share included), the part of the amount still held, released and refunded", "properties": {
          "funded": { "$ref": "#/components/schemas/Money" }, "client_fee": { "$ref": "#/components/schemas/Money" }, "held": { "$ref": "#/components/schemas/Money" },
          "remaining": { "$ref": "#/components/schemas/Money" }, "released": { "$ref": "#/components/schemas/Money" }, "refunded": { "$ref": "#/components/schemas/Money" } } }
      }
    },
    "ProjectFile": {
      "type": "object", "required": ["id", "file_name", "media_type", "byte_size", "sha256", "url", "created_at"],
      "properties": {
        "id": { "type": "integer" }, "file_name": { "type": "string" }, "media_type": { "type": "string" }, "byte_size": { "type": "integer" },
        "sha256": { "type": "string" }, "revision": { "type": "integer", "description": "The delivery it went with; absent while it waits for the next" },
        "url": { "type": "string" }, "created_at": { "type": "string", "format": "date-time" }
      }
    },
    "ProjectActivity": {
      "type": "object", "required": ["id", "project_id", "project_title", "kind", "detail", "created_at"],
      "properties": {
        "id": { "type": "integer" }, "project_id": { "type": "integer" }, "project_title": { "type": "string" },
        "kind": { "type": "string", "enum": [\#(quoted(ProjectActivityKind.allCases.map(\.rawValue)))] },
        "actor": { "type": "string", "enum": [\#(quoted(ProjectRole.allCases.map(\.rawValue)))], "description": "Absent for the service itself" },
        "milestone_id": { "type": "integer" }, "detail": { "type": "object", "additionalProperties": { "type": "string" } },
        "created_at": { "type": "string", "format": "date-time" }
      }
    },
    "ProjectDashboard": {
      "type": "object", "required": ["counts", "due_soon", "awaiting_me", "recent_activity"],
      "properties": {
        "counts": { "type": "object", "additionalProperties": { "type": "integer" } },
        "due_soon": { "type": "array", "items": { "$ref": "#/components/schemas/ProjectMilestoneItem" } },
        "awaiting_me": { "type": "array", "items": { "$ref": "#/components/schemas/ProjectMilestoneItem" } },
        "recent_activity": { "type": "array", "items": { "$ref": "#/components/schemas/ProjectActivity" } }
      }
    },
    "ProjectMilestoneItem": {
      "type": "object", "required": ["project_id", "project_title", "milestone"],
      "properties": { "project_id": { "type": "integer" }, "project_title": { "type": "string" }, "milestone": { "$ref": "#/components/schemas/Milestone" } }
    },
    """#
}
