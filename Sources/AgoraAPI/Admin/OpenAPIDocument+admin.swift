import AgoraDomain

extension OpenAPIDocument {
    /// `/api/admin/audit-log` (`audit.read`) and `/api/admin/staff` (`staff.manage`).
    static let adminPaths = #"""
    "/api/admin/staff": {
      "get": {
        "operationId": "listStaff", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with staff.manage: every staff account with its role",
        "responses": {
          "200": { "description": "The staff", "content": { "application/json": { "schema": { "type": "object", "required": ["staff"], "properties": { "staff": { "type": "array", "items": { "$ref": "#/components/schemas/StaffMember" } } } } } } },
          "401": \#(problem), "403": \#(problem)
        }
      }
    },
    "/api/admin/staff/invitations": {
      "post": {
        "operationId": "inviteStaff", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with staff.manage (dangerous: a recent sign-in or re-authentication): a new staff account with a role, whose owner chooses a password from the emailed link (7 days); audited. An address already in use is refused (409): staff accounts are separate from marketplace accounts",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["email", "first_name", "last_name", "role"], "properties": { "email": \#(emailSchema), "first_name": { "type": "string", "maxLength": \#(PersonName.maximumLength) }, "last_name": { "type": "string", "maxLength": \#(PersonName.maximumLength) }, "role": { "type": "string", "enum": [\#(quoted(StaffRole.allCases.map(\.rawValue)))] } } } } } },
        "responses": {
          "201": { "description": "The invited account", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/StaffMember" } } } },
          "401": \#(problem), "403": \#(problem), "409": \#(problem), "422": \#(problem)
        }
      }
    },
    "/api/admin/staff/{userId}": {
      "delete": {
        "operationId": "removeStaff", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with staff.manage (dangerous): take an account out of the staff; its sessions end at once (audited); nobody removes themselves (409)",
        "parameters": [{ "name": "userId", "in": "path", "required": true, "schema": { "type": "integer" } }],
        "responses": { "204": { "description": "Removed" }, "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem) }
      }
    },
    "/api/admin/staff/roles": {
      "get": {
        "operationId": "listStaffRoles", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with staff.manage: what each role may do",
        "responses": {
          "200": { "description": "The roles", "content": { "application/json": { "schema": { "type": "object", "required": ["roles"], "properties": { "roles": { "type": "array", "items": { "$ref": "#/components/schemas/StaffRolePermissions" } } } } } } },
          "401": \#(problem), "403": \#(problem)
        }
      }
    },
    "/api/admin/staff/roles/{role}/permissions": {
      "put": {
        "operationId": "changeRolePermissions", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with staff.manage: replace what a role may do (audited; in force on the next request); the owner role keeps everything (409)",
        "parameters": [{ "name": "role", "in": "path", "required": true, "schema": { "type": "string", "enum": [\#(quoted(StaffRole.allCases.map(\.rawValue)))] } }],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["permissions"], "properties": { "permissions": { "type": "array", "maxItems": \#(AdminPermission.allCases.count), "items": { "type": "string", "enum": [\#(quoted(AdminPermission.allCases.map(\.rawValue)))] } } } } } } },
        "responses": {
          "200": { "description": "The role with its permissions", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/StaffRolePermissions" } } } },
          "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem)
        }
      }
    },
    "/api/admin/staff/{userId}/role": {
      "put": {
        "operationId": "changeStaffRole", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with staff.manage: give a staff account another role (audited); nobody changes their own",
        "parameters": [{ "name": "userId", "in": "path", "required": true, "schema": { "type": "integer" } }],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["role"], "properties": { "role": { "type": "string", "enum": [\#(quoted(StaffRole.allCases.map(\.rawValue)))] } } } } } },
        "responses": {
          "200": { "description": "The account with its new role", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/StaffMember" } } } },
          "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem)
        }
      }
    },
    "/api/admin/audit-log": {
      "get": {
        "operationId": "searchAuditLog", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with audit.read: the audit log, newest first, a page at a time",
        "parameters": [\#(auditLogFilters),
          { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": \#(AuditLogRoutes.maximumLimit), "default": \#(AuditLogRoutes.defaultLimit) } }
        ],
        "responses": {
          "200": { "description": "A page of entries", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/AuditLogPage" } } } },
          "400": \#(problem), "401": \#(problem), "403": \#(problem)
        }
      }
    },
    "/api/admin/audit-log/export.csv": {
      "get": {
        "operationId": "exportAuditLog", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with audit.read: the same search as CSV (RFC 4180), at most \#(AuditLogRoutes.maximumExport) entries; fields a spreadsheet would take for a formula start with a quote mark",
        "parameters": [\#(auditLogFilters)],
        "responses": {
          "200": { "description": "The entries", "content": { "text/csv": { "schema": { "type": "string" } } } },
          "400": \#(problem), "401": \#(problem), "403": \#(problem)
        }
      }
    },
    """#

    private static let auditLogFilters = #"""
          { "name": "actor", "in": "query", "schema": { "type": "integer", "minimum": 1 } },
          { "name": "action", "in": "query", "schema": { "type": "string", "enum": [\#(quoted(AuditedAction.allCases.map(\.rawValue)))] } },
          { "name": "target", "in": "query", "schema": { "type": "string", "enum": [\#(quoted(AuditTarget.allCases.map(\.rawValue)))] } },
          { "name": "target_id", "in": "query", "schema": { "type": "integer", "minimum": 1 } },
          { "name": "from", "in": "query", "schema": { "type": "string", "format": "date" }, "description": "From this day (UTC)" },
          { "name": "to", "in": "query", "schema": { "type": "string", "format": "date" }, "description": "Up to the end of this day (UTC)" },
          { "name": "before", "in": "query", "schema": { "type": "integer", "minimum": 1 }, "description": "next_before of the previous page" }
    """#

    static let adminSchemas = #"""
    "StaffRolePermissions": {
      "type": "object", "required": ["role", "permissions"],
      "properties": { "role": { "type": "string" }, "permissions": { "type": "array", "items": { "type": "string" } } }
    },
    "StaffMember": {
      "type": "object", "required": ["user_id", "first_name", "last_name", "email", "role"],
      "properties": {
        "user_id": { "type": "integer" }, "first_name": { "type": "string" }, "last_name": { "type": "string" },
        "email": { "type": "string" }, "role": { "type": "string", "enum": [\#(quoted(StaffRole.allCases.map(\.rawValue)))] }
      }
    },
    "AuditLogPage": {
      "type": "object", "required": ["entries"],
      "properties": {
        "entries": { "type": "array", "items": {
          "type": "object",
          "required": ["id", "actor_id", "actor_role", "action", "target", "target_id", "before", "after", "reason", "ip_address", "user_agent", "request_id", "created_at"],
          "properties": {
            "id": { "type": "integer" }, "actor_id": { "type": "integer" }, "actor_role": { "type": "string" },
            "action": { "type": "string" }, "target": { "type": "string" }, "target_id": { "type": "integer" },
            "before": { "type": "object", "additionalProperties": { "type": "string" } },
            "after": { "type": "object", "additionalProperties": { "type": "string" } },
            "reason": { "type": "string" }, "ip_address": { "type": "string" }, "user_agent": { "type": "string" },
            "request_id": { "type": "string" }, "created_at": { "type": "string", "format": "date-time" }
          }
        } },
        "next_before": { "type": "integer" }
      }
    },
    """#
}
