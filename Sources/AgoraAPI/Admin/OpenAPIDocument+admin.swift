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
    "/api/auth/me/administration": {
      "get": {
        "operationId": "getAdministrationAccess", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "What the signed-in person may do in the administration: their staff role (none for other accounts), its permissions, the admin areas they open, and whether this session was opened with two factors",
        "responses": {
          "200": { "description": "The access", "content": { "application/json": { "schema": { "type": "object", "required": ["permissions", "second_factor", "areas"], "properties": { "role": { "type": "string" }, "permissions": { "type": "array", "items": { "type": "string" } }, "second_factor": { "type": "boolean" }, "areas": { "type": "array", "items": { "type": "string" } } } } } } },
          "401": \#(problem)
        }
      }
    },
    "/api/admin/dashboard": {
      "get": {
        "operationId": "getDashboard", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with analytics.read: accounts by type, suspended accounts, sign-ups per day over 30 days, open orders, the site-changes queue and the email outbox (waiting, failed), staff without two factors, accounts active per day over 30 days (signed in or renewed a session), the last 8 weekly cohorts' activity in each week after signing up, and money: what escrow holds per currency, open disputes, refunds and payouts waiting for the processor, payouts failed over 7 days",
        "responses": {
          "200": { "description": "The figures", "content": { "application/json": { "schema": { "type": "object", "required": ["accounts", "suspended", "sign_ups", "open_orders", "site_changes", "emails", "staff_without_two_factors", "moderation", "active_users", "cohorts", "money"], "properties": {
            "accounts": { "type": "object", "additionalProperties": { "type": "integer" } }, "suspended": { "type": "integer" },
            "sign_ups": { "type": "array", "items": { "type": "object", "required": ["day", "count"], "properties": { "day": { "type": "string", "format": "date" }, "count": { "type": "integer" } } } },
            "open_orders": { "type": "integer" },
            "site_changes": { "type": "object", "properties": { "waiting": { "type": "integer" }, "failed": { "type": "integer" } } },
            "emails": { "type": "object", "properties": { "waiting": { "type": "integer" }, "failed": { "type": "integer" } } },
            "staff_without_two_factors": { "type": "integer" },
            "moderation": { "type": "object", "required": ["waiting", "oldest_hours"], "properties": { "waiting": { "type": "integer" }, "oldest_hours": { "type": "integer" } } },
            "active_users": { "type": "array", "items": { "type": "object", "required": ["day", "count"], "properties": { "day": { "type": "string", "format": "date" }, "count": { "type": "integer" } } } },
            "cohorts": { "type": "array", "items": { "type": "object", "required": ["week", "size", "active"], "properties": { "week": { "type": "string", "format": "date" }, "size": { "type": "integer" }, "active": { "type": "array", "items": { "type": "integer" } } } } },
            "money": { "type": "object", "required": ["in_escrow", "open_disputes", "pending_refunds", "pending_payouts", "failed_payouts"], "properties": {
              "in_escrow": { "type": "array", "items": { "$ref": "#/components/schemas/Money" } }, "open_disputes": { "type": "integer" },
              "pending_refunds": { "type": "integer" }, "pending_payouts": { "type": "integer" }, "failed_payouts": { "type": "integer" } } }
          } } } } },
          "401": \#(problem), "403": \#(problem)
        }
      }
    },
    "/api/admin/users": {
      "get": {
        "operationId": "searchUsers", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with users.read: accounts, newest first, a page at a time; q matches the address or the name, any case",
        "parameters": [
          { "name": "q", "in": "query", "schema": { "type": "string" } },
          { "name": "type", "in": "query", "schema": { "type": "string", "enum": [\#(quoted(UserType.allCases.map(\.rawValue)))] } },
          { "name": "status", "in": "query", "schema": { "type": "string", "enum": [\#(quoted(VerificationStatus.allCases.map(\.rawValue)))] } },
          { "name": "country", "in": "query", "schema": { "type": "string", "pattern": "^[A-Za-z]{2}$" } },
          { "name": "from", "in": "query", "schema": { "type": "string", "format": "date" }, "description": "Registered from this day (UTC)" },
          { "name": "to", "in": "query", "schema": { "type": "string", "format": "date" }, "description": "Registered up to the end of this day (UTC)" },
          { "name": "before", "in": "query", "schema": { "type": "integer", "minimum": 1 }, "description": "next_before of the previous page" },
          { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": \#(UserAdminRoutes.maximumLimit), "default": \#(UserAdminRoutes.defaultLimit) } }
        ],
        "responses": {
          "200": { "description": "A page of accounts", "content": { "application/json": { "schema": { "type": "object", "required": ["users"], "properties": { "users": { "type": "array", "items": { "$ref": "#/components/schemas/AdminUser" } }, "next_before": { "type": "integer" } } } } } },
          "400": \#(problem), "401": \#(problem), "403": \#(problem)
        }
      }
    },
    "/api/admin/users/{userId}": {
      "get": {
        "operationId": "getUser", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with users.read: one account's page — profile, staff role, two factors, open sessions, the last 20 sign-in events, suspensions, orders, proposals, projects, reports and open disputes counted; with finance.read too, its money (wallets, and its transactions' totals)",
        "parameters": [{ "name": "userId", "in": "path", "required": true, "schema": { "type": "integer" } }],
        "responses": {
          "200": { "description": "The account", "content": { "application/json": { "schema": { "type": "object", "required": ["user", "two_factor", "orders", "proposals", "projects", "reports_about", "reports_made", "open_disputes", "sessions", "events", "suspensions"], "properties": {
            "user": { "$ref": "#/components/schemas/AdminUser" }, "staff_role": { "type": "string" }, "two_factor": { "type": "boolean" },
            "orders": { "type": "integer" }, "proposals": { "type": "integer" }, "projects": { "type": "integer" },
            "reports_about": { "type": "integer", "description": "Members' reports about what the account wrote" }, "reports_made": { "type": "integer" },
            "open_disputes": { "type": "integer" },
            "money": { "type": "object", "required": ["wallets", "totals"], "description": "Only for staff with finance.read", "properties": {
              "wallets": { "type": "array", "items": { "type": "object" } }, "totals": { "type": "array", "items": { "$ref": "#/components/schemas/MoneyTotals" } } } },
            "sessions": { "type": "array", "items": { "type": "object", "properties": { "device": { "type": "string" }, "ip_address": { "type": "string" }, "created_at": { "type": "string", "format": "date-time" }, "last_used_at": { "type": "string", "format": "date-time" }, "second_factor": { "type": "boolean" } } } },
            "events": { "type": "array", "items": { "type": "object", "properties": { "kind": { "type": "string" }, "outcome": { "type": "string" }, "ip_address": { "type": "string" }, "detail": { "type": "string" }, "created_at": { "type": "string", "format": "date-time" } } } },
            "suspensions": { "type": "array", "items": { "$ref": "#/components/schemas/Suspension" } }
          } } } } },
          "401": \#(problem), "403": \#(problem), "404": \#(problem)
        }
      }
    },
    "/api/admin/view-as/{userId}": {
      "post": {
        "operationId": "viewAsAccount", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with users.impersonate: a read-only access token for the account, good for \#(Int(ViewAsRoutes.lifetime / 60)) minutes within the staff member's session (every change it tries answers 403 view-only); audited with the reason; staff accounts are not viewed (409)",
        "parameters": [{ "name": "userId", "in": "path", "required": true, "schema": { "type": "integer" } }],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["reason"], "properties": { "reason": \#(multiline(maximumLength: 2_000)) } } } } },
        "responses": {
          "200": { "description": "The view", "content": { "application/json": { "schema": { "type": "object", "required": ["access_token", "expires_at", "user"], "properties": {
            "access_token": { "type": "string" }, "expires_at": { "type": "string", "format": "date-time" }, "user": { "$ref": "#/components/schemas/AdminUser" }
          } } } } },
          "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem)
        }
      }
    },
    "/api/admin/messages/preview": {
      "post": {
        "operationId": "previewStaffMessage", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with users.edit: how many confirmed accounts a message reaches (one with `user`, or the users page's filter), a few of them, and the email as it will read",
        "parameters": [\#(messageFilters)],
        "requestBody": \#(messageBody),
        "responses": {
          "200": { "description": "The preview", "content": { "application/json": { "schema": { "type": "object", "required": ["recipients", "sample", "subject", "text"], "properties": {
            "recipients": { "type": "integer" }, "sample": { "type": "array", "items": { "type": "string" } }, "subject": { "type": "string" }, "text": { "type": "string" }
          } } } } },
          "400": \#(problem), "401": \#(problem), "403": \#(problem), "422": \#(problem)
        }
      }
    },
    "/api/admin/messages": {
      "post": {
        "operationId": "sendStaffMessage", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with users.edit: email every account the preview names (queued in one transaction, one audit entry per recipient); 422 when none matches",
        "parameters": [\#(messageFilters)],
        "requestBody": \#(messageBody),
        "responses": {
          "202": { "description": "Queued", "content": { "application/json": { "schema": { "type": "object", "required": ["recipients"], "properties": { "recipients": { "type": "integer" } } } } } },
          "400": \#(problem), "401": \#(problem), "403": \#(problem), "422": \#(problem)
        }
      }
    },
    "/api/admin/accounts/{userId}": {
      "patch": {
        "operationId": "editAccount", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with users.edit: correct an account's names or phone number (with its country), by the registration rules; audited with the fields before and after and the reason; a provider's page is rebuilt when its name changed",
        "parameters": [{ "name": "userId", "in": "path", "required": true, "schema": { "type": "integer" } }],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["reason"], "properties": {
          "first_name": { "type": "string", "maxLength": 200 }, "last_name": { "type": "string", "maxLength": 200 },
          "phone": { "type": "string", "maxLength": 40 }, "country": { "type": "string", "maxLength": 2 }, "reason": \#(multiline(maximumLength: 2_000))
        } } } } },
        "responses": {
          "200": { "description": "The account", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/AdminUser" } } } },
          "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem)
        }
      }
    },
    "/api/admin/accounts/{userId}/password-reset": {
      "post": {
        "operationId": "requirePasswordReset", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with users.edit (dangerous): the password stops working, every session ends, and the owner is emailed a link to choose a new one (24 hours); audited with the reason. Staff accounts: 409",
        "parameters": [{ "name": "userId", "in": "path", "required": true, "schema": { "type": "integer" } }],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["reason"], "properties": { "reason": \#(multiline(maximumLength: 2_000)) } } } } },
        "responses": { "204": { "description": "Done" }, "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem) }
      }
    },
    "/api/admin/accounts/{userId}/verification": {
      "post": {
        "operationId": "verifyAddress", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with users.edit (dangerous): confirm a pending account's address without its link; audited with the reason. An account not pending or a staff account: 409",
        "parameters": [{ "name": "userId", "in": "path", "required": true, "schema": { "type": "integer" } }],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["reason"], "properties": { "reason": \#(multiline(maximumLength: 2_000)) } } } } },
        "responses": { "204": { "description": "Done" }, "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem) }
      }
    },
    "/api/admin/suspensions": {
      "post": {
        "operationId": "suspendUser", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with users.suspend (dangerous): keep an account out for some days (suspend) or for good (ban), with the reason its owner is emailed. At once: every session ends, the provider page goes offline through the site-changes queue, live proposals are withdrawn; audited. Staff accounts are removed from the staff instead (409); an account already kept out is lifted first (409)",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["user_id", "kind", "reason"], "properties": {
          "user_id": { "type": "integer" }, "kind": { "type": "string", "enum": [\#(quoted(SuspensionKind.allCases.map(\.rawValue)))] },
          "reason": \#(multiline(maximumLength: 2_000)), "days": { "type": "integer", "minimum": 1, "maximum": \#(SuspensionDecision.longestSuspensionDays), "description": "required for suspend, left out for ban" }
        } } } } },
        "responses": {
          "201": { "description": "The suspension", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Suspension" } } } },
          "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem)
        }
      }
    },
    "/api/admin/suspensions/{userId}/lift": {
      "post": {
        "operationId": "liftSuspension", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with users.suspend (dangerous): let the account back in now, with a reason; its page comes back; audited, and its owner emailed",
        "parameters": [{ "name": "userId", "in": "path", "required": true, "schema": { "type": "integer" } }],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["reason"], "properties": { "reason": \#(multiline(maximumLength: 2_000)) } } } } },
        "responses": {
          "200": { "description": "The lifted suspension", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Suspension" } } } },
          "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem)
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

    private static let messageFilters = #"""
    { "name": "user", "in": "query", "schema": { "type": "integer", "minimum": 1 }, "description": "One account" },
    \#(accountFilters)
    """#

    /// The users page's filter, which messages and bulk operations take as their segment.
    static let accountFilters = #"""
    { "name": "q", "in": "query", "schema": { "type": "string" } },
    { "name": "type", "in": "query", "schema": { "type": "string", "enum": [\#(quoted(UserType.allCases.map(\.rawValue)))] } },
    { "name": "status", "in": "query", "schema": { "type": "string", "enum": [\#(quoted(VerificationStatus.allCases.map(\.rawValue)))] } },
    { "name": "country", "in": "query", "schema": { "type": "string", "pattern": "^[A-Za-z]{2}$" } },
    { "name": "from", "in": "query", "schema": { "type": "string", "format": "date" } },
    { "name": "to", "in": "query", "schema": { "type": "string", "format": "date" } }
    """#

    private static let messageBody = #"""
    { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["subject", "message"], "properties": {
      "subject": { "type": "string", "minLength": 1, "maxLength": \#(MessageRoutes.subjectLength), "pattern": \#(JSONString.literal(JSONObjectBody.oneLinePattern)) },
      "message": \#(multiline(maximumLength: MessageRoutes.messageLength))
    } } } } }
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
    "AdminUser": {
      "type": "object", "required": ["id", "first_name", "last_name", "email", "user_type", "status", "created_at"],
      "properties": {
        "id": { "type": "integer" }, "first_name": { "type": "string" }, "last_name": { "type": "string" }, "email": { "type": "string" },
        "user_type": { "type": "string", "enum": [\#(quoted(UserType.allCases.map(\.rawValue)))] },
        "status": { "type": "string", "enum": [\#(quoted(VerificationStatus.allCases.map(\.rawValue)))] },
        "phone": { "type": "string" }, "country": { "type": "string" }, "created_at": { "type": "string", "format": "date-time" }
      }
    },
    "Suspension": {
      "type": "object", "required": ["id", "user_id", "kind", "reason", "starts_at", "decided_by", "lift_reason"],
      "properties": {
        "id": { "type": "integer" }, "user_id": { "type": "integer" }, "kind": { "type": "string", "enum": [\#(quoted(SuspensionKind.allCases.map(\.rawValue)))] },
        "reason": { "type": "string" }, "starts_at": { "type": "string", "format": "date-time" }, "ends_at": { "type": "string", "format": "date-time" },
        "decided_by": { "type": "integer" }, "lifted_at": { "type": "string", "format": "date-time" }, "lifted_by": { "type": "integer" },
        "lift_reason": { "type": "string" }
      }
    },
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
