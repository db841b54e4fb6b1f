import AgoraDomain

extension OpenAPIDocument {
    /// The platform settings: staff read and change them (`settings.edit`), every page reads the public notice.
    static let settingsPaths = #"""
    "/api/public/notice": {
      "get": {
        "operationId": "getPublicNotice", "tags": ["public"],
        "summary": "What every page shows from the platform settings: the maintenance banner (empty for none) and whether sign-ups are open (kept up to \#(PublicRoutes.noticeLifetime) s)",
        "responses": { "200": { "description": "The notice", "content": { "application/json": { "schema": {
          "type": "object", "required": ["maintenance_banner", "registration_open"],
          "properties": { "maintenance_banner": { "type": "string" }, "registration_open": { "type": "boolean" } }
        } } } } }
      }
    },
    "/api/admin/settings": {
      "get": {
        "operationId": "listPlatformSettings", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with settings.edit: every platform setting with its type, rule, value, value in force, default and version",
        "responses": {
          "200": { "description": "The settings", "content": { "application/json": { "schema": { "type": "object", "required": ["settings"], "properties": { "settings": { "type": "array", "items": { "$ref": "#/components/schemas/PlatformSetting" } } } } } } },
          "401": \#(problem), "403": \#(problem)
        }
      }
    },
    "/api/admin/settings/{key}": {
      "put": {
        "operationId": "changePlatformSetting", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with settings.edit: a new value as the next version (audited; in force on every instance within seconds). 409 stale-version when the setting changed since `version`, 409 when the environment sets it",
        "parameters": [\#(settingKey)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["value", "version"], "properties": {
          "value": \#(settingValue), "version": { "type": "integer", "minimum": 0, "description": "The version the form was made from" },
          "reason": \#(multiline(maximumLength: 2_000))
        } } } } },
        "responses": {
          "200": { "description": "The setting", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PlatformSetting" } } } },
          "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem)
        }
      }
    },
    "/api/admin/settings/{key}/history": {
      "get": {
        "operationId": "getPlatformSettingHistory", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with settings.edit: the setting's versions, newest first",
        "parameters": [\#(settingKey)],
        "responses": {
          "200": { "description": "The versions", "content": { "application/json": { "schema": { "type": "object", "required": ["key", "versions"], "properties": {
            "key": { "type": "string" },
            "versions": { "type": "array", "items": { "type": "object", "required": ["version", "value", "reason"], "properties": {
              "version": { "type": "integer" }, "value": \#(settingValue), "changed_by": { "type": "integer" },
              "changed_at": { "type": "string", "format": "date-time" }, "reason": { "type": "string" }
            } } }
          } } } } },
          "401": \#(problem), "403": \#(problem), "404": \#(problem)
        }
      }
    },
    "/api/admin/settings/{key}/revert": {
      "post": {
        "operationId": "revertPlatformSetting", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with settings.edit: bring back the value of version `restore` as the next version (audited)",
        "parameters": [\#(settingKey)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["restore", "version"], "properties": {
          "restore": { "type": "integer", "minimum": 1 }, "version": { "type": "integer", "minimum": 0 }, "reason": \#(multiline(maximumLength: 2_000))
        } } } } },
        "responses": {
          "200": { "description": "The setting", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PlatformSetting" } } } },
          "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem)
        }
      }
    },
    """#

    private static let settingKey = #"""
    { "name": "key", "in": "path", "required": true, "schema": { "type": "string", "enum": [\#(quoted(PlatformSetting.allCases.map(\.rawValue)))] } }
    """#

    private static let settingValue = #"""
    { "anyOf": [{ "type": "boolean" }, { "type": "integer" }, { "type": "string" }, { "type": "array", "items": { "type": "string" } }] }
    """#

    static let settingsSchemas = #"""
    "PlatformSetting": {
      "type": "object", "required": ["key", "group", "kind", "title", "summary", "value", "effective", "default_value", "version", "overridden"],
      "properties": {
        "key": { "type": "string", "enum": [\#(quoted(PlatformSetting.allCases.map(\.rawValue)))] },
        "group": { "type": "string", "enum": [\#(quoted(PlatformSetting.Group.allCases.map(\.rawValue)))] },
        "kind": { "type": "string", "enum": ["flag", "number", "text", "list", "choices", "percent", "rates", "country"] },
        "title": { "type": "string" }, "summary": { "type": "string" }, "value": \#(settingValue), "effective": \#(settingValue), "default_value": \#(settingValue),
        "version": { "type": "integer", "description": "0 until someone changes the setting" },
        "changed_by": { "type": "integer" }, "changed_at": { "type": "string", "format": "date-time" },
        "environment_variable": { "type": "string" }, "overridden": { "type": "boolean", "description": "The environment sets it; it cannot be changed here" },
        "minimum": { "type": "integer" }, "maximum": { "type": "integer" }, "unit": { "type": "string" },
        "maximum_length": { "type": "integer" }, "maximum_count": { "type": "integer" },
        "options": { "type": "array", "items": { "type": "string" } },
        "format": { "type": "string", "description": "How a line of a table of rates is written" }
      }
    },
    """#
}
