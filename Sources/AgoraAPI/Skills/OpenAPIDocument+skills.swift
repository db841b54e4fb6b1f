import AgoraDomain

extension OpenAPIDocument {
    /// `/api/skills` (suggestions) and `/api/admin/skills` (the catalogue, `categories.edit`).
    static let skillPaths = #"""
    "/api/skills": {
      "get": {
        "operationId": "suggestSkills", "tags": ["public"],
        "summary": "Skills of the catalogue starting with q (any case, accents or not), those of the categories first, at most \#(SkillRoutes.maximumSuggestions); without q, the skills of the categories",
        "parameters": [
          { "name": "q", "in": "query", "schema": { "type": "string", "maxLength": \#(ProfileContent.skillLength.upperBound) } },
          { "name": "categories", "in": "query", "schema": { "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*(,[a-z0-9]+(-[a-z0-9]+)*){0,\#(SkillRoutes.maximumCategories - 1)}$" }, "description": "Category slugs, comma-separated" }
        ],
        "responses": {
          "200": { "description": "Skills", "content": { "application/json": { "schema": { "type": "object", "required": ["skills"], "properties": { "skills": { "type": "array", "items": { "type": "string" } } } } } } },
          "400": { "$ref": "#/components/responses/Problem" }
        }
      }
    },
    "/api/admin/skills": {
      "get": {
        "operationId": "listSkills", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "The catalogue of skills with their categories, and how many skills outside it a profile may have",
        "responses": {
          "200": { "description": "The catalogue", "content": { "application/json": { "schema": { "type": "object", "required": ["skills", "maximum_free_skills"], "properties": {
            "skills": { "type": "array", "items": { "$ref": "#/components/schemas/CatalogueSkill" } }, "maximum_free_skills": { "type": "integer" }
          } } } } },
          "401": { "$ref": "#/components/responses/Problem" }, "403": { "$ref": "#/components/responses/Problem" }
        }
      },
      "post": {
        "operationId": "addSkill", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Adds a skill to the catalogue (audited); 409 when it has it under any spelling",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["name"], "properties": {
          "name": { "type": "string", "minLength": \#(Skill.nameLength.lowerBound), "maxLength": \#(Skill.nameLength.upperBound), "pattern": "\\S" },
          "categories": { "type": "array", "items": { "type": "string" }, "description": "Slugs of open categories whose providers are offered it first" }
        } } } } },
        "responses": {
          "201": { "description": "Added", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CatalogueSkill" } } } },
          "401": { "$ref": "#/components/responses/Problem" }, "403": { "$ref": "#/components/responses/Problem" },
          "409": { "$ref": "#/components/responses/Problem" }, "422": { "$ref": "#/components/responses/Problem" }
        }
      }
    },
    "/api/admin/skills/{id}": {
      "delete": {
        "operationId": "removeSkill", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Takes a skill out of the catalogue (audited); providers who list it keep it as one of their own",
        "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } }],
        "responses": {
          "204": { "description": "Removed" },
          "401": { "$ref": "#/components/responses/Problem" }, "403": { "$ref": "#/components/responses/Problem" }, "404": { "$ref": "#/components/responses/Problem" }
        }
      }
    },
    """#

    static let skillSchemas = #"""
    "CatalogueSkill": {
      "type": "object", "required": ["id", "name", "categories"],
      "properties": { "id": { "type": "integer" }, "name": { "type": "string" }, "categories": { "type": "array", "items": { "type": "string" } } }
    },
    """#
}
