import AgoraDomain
import AgoraStore

extension OpenAPIDocument {
    /// `/api/public/*` (the homepage's figures and testimonials), writing a testimonial, and its moderation.
    /// A moderation step the status does not allow answers 409 with the problem type
    /// `urn:agora:problem:invalid-transition`.
    static let publicPaths = #"""
    "/api/public/stats": {
      "get": {
        "operationId": "getPublicStatistics", "tags": ["public"],
        "summary": "The marketplace's public figures: providers, clients, completed projects, completion rate and a breakdown by country (computed at most every 15 minutes)",
        "responses": { "200": { "description": "The figures", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/MarketplaceStatistics" } } } } }
      }
    },
    "/api/public/testimonials": {
      "get": {
        "operationId": "getTestimonials", "tags": ["public"], "summary": "Approved testimonials, featured first, the others in an order that changes every day",
        "parameters": [{ "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": \#(PublicRoutes.maximumTestimonials), "default": 6 } }],
        "responses": { "200": { "description": "Testimonials", "content": { "application/json": { "schema": { "type": "object", "required": ["testimonials"], "properties": { "testimonials": { "type": "array", "items": { "$ref": "#/components/schemas/Testimonial" } } } } } } }, "400": { "$ref": "#/components/responses/Problem" } }
      }
    },
    "/api/cities": {
      "get": {
        "operationId": "suggestCities", "tags": ["public"],
        "summary": "Cities whose name starts with q (any case, accents or not), the most populous first, at most \#(Cities.maximumSuggestions): a profile set in one of them is found by searches by distance",
        "parameters": [
          { "name": "q", "in": "query", "required": true, "schema": { "type": "string", "minLength": \#(CityRoutes.prefixLength.lowerBound), "maxLength": \#(CityRoutes.prefixLength.upperBound), "pattern": "\\S" } },
          { "name": "country", "in": "query", "schema": { "type": "string", "enum": [\#(quoted(Countries.all.map(\.code)))] } }
        ],
        "responses": {
          "200": { "description": "Cities", "content": { "application/json": { "schema": { "type": "object", "required": ["cities"], "properties": { "cities": { "type": "array", "items": {
            "type": "object", "required": ["name", "country", "country_name", "latitude", "longitude"], "properties": {
              "name": { "type": "string" }, "country": { "type": "string" }, "country_name": { "type": "string" }, "latitude": { "type": "number" }, "longitude": { "type": "number" }
            } } } } } } } },
          "400": { "$ref": "#/components/responses/Problem" }
        }
      }
    },
    "/api/testimonials": {
      "post": {
        "operationId": "submitTestimonial", "tags": ["public"], "security": [{ "bearer": [] }],
        "summary": "Write a testimonial (\#(TestimonialForm.minimumLength)–\#(TestimonialForm.maximumLength) characters, rating 1–5); it waits for moderation (at most \#(TestimonialRepository.maximumPendingPerAccount) waiting per account)",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["content", "rating"], "properties": { "content": { "type": "string", "minLength": \#(TestimonialForm.minimumLength), "maxLength": \#(TestimonialForm.maximumLength), "pattern": \#(JSONString.literal(TestimonialForm.contentPattern)), "description": "Line breaks allowed; counted without the spaces around" }, "rating": { "type": "integer", "minimum": 1, "maximum": 5 } } } } } },
        "responses": { "201": { "description": "Waiting for moderation", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ModeratedTestimonial" } } } }, "401": { "$ref": "#/components/responses/Problem" }, "409": { "$ref": "#/components/responses/Problem" }, "422": { "$ref": "#/components/responses/Problem" } }
      }
    },
    "/api/admin/testimonials": {
      "get": {
        "operationId": "listTestimonialsForModeration", "tags": ["admin"], "security": [{ "bearer": [] }], "summary": "Administrators: testimonials in one status, newest first",
        "parameters": [{ "name": "status", "in": "query", "schema": { "type": "string", "enum": [\#(quoted(TestimonialStatus.allCases.map(\.rawValue)))], "default": "pending" } }],
        "responses": { "200": { "description": "Testimonials", "content": { "application/json": { "schema": { "type": "object", "required": ["testimonials"], "properties": { "testimonials": { "type": "array", "items": { "$ref": "#/components/schemas/ModeratedTestimonial" } } } } } } }, "400": { "$ref": "#/components/responses/Problem" }, "401": { "$ref": "#/components/responses/Problem" }, "403": { "$ref": "#/components/responses/Problem" } }
      }
    },
    "/api/admin/testimonials/{id}/approve": {
      "post": {
        "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } }],
        "operationId": "approveTestimonial", "tags": ["admin"], "security": [{ "bearer": [] }], "summary": "Administrators: publish a pending or rejected testimonial",
        "responses": { "200": { "description": "Approved", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ModeratedTestimonial" } } } }, "401": { "$ref": "#/components/responses/Problem" }, "403": { "$ref": "#/components/responses/Problem" }, "404": { "$ref": "#/components/responses/Problem" }, "409": { "$ref": "#/components/responses/Problem" } }
      }
    },
    "/api/admin/testimonials/{id}/reject": {
      "post": {
        "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } }],
        "operationId": "rejectTestimonial", "tags": ["admin"], "security": [{ "bearer": [] }], "summary": "Administrators: refuse a pending testimonial or withdraw an approved one (it loses its feature)",
        "responses": { "200": { "description": "Rejected", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ModeratedTestimonial" } } } }, "401": { "$ref": "#/components/responses/Problem" }, "403": { "$ref": "#/components/responses/Problem" }, "404": { "$ref": "#/components/responses/Problem" }, "409": { "$ref": "#/components/responses/Problem" } }
      }
    },
    "/api/admin/testimonials/{id}/featured": {
      "put": {
        "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } }],
        "operationId": "featureTestimonial", "tags": ["admin"], "security": [{ "bearer": [] }], "summary": "Administrators: feature an approved testimonial, or stop featuring one",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["featured"], "properties": { "featured": { "type": "boolean" } } } } } },
        "responses": { "200": { "description": "Changed", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ModeratedTestimonial" } } } }, "401": { "$ref": "#/components/responses/Problem" }, "403": { "$ref": "#/components/responses/Problem" }, "404": { "$ref": "#/components/responses/Problem" }, "422": { "$ref": "#/components/responses/Problem" } }
      }
    },
    """#

    static let publicSchemas = #"""
    "MarketplaceStatistics": {
      "type": "object", "required": ["providers", "clients", "completed_projects", "completion_rate", "countries"],
      "properties": {
        "providers": { "type": "integer" }, "clients": { "type": "integer" }, "completed_projects": { "type": "integer" },
        "completion_rate": { "type": "number", "minimum": 0, "maximum": 1 },
        "countries": { "type": "array", "items": { "type": "object", "required": ["code", "providers", "clients"], "properties": { "code": { "type": "string" }, "providers": { "type": "integer" }, "clients": { "type": "integer" } } } }
      }
    },
    "Testimonial": {
      "type": "object", "required": ["id", "author_name", "author_role", "content", "rating", "featured", "created_at"],
      "properties": {
        "id": { "type": "integer" }, "author_name": { "type": "string" }, "author_role": { "type": "string" }, "content": { "type": "string" },
        "rating": { "type": "integer" }, "featured": { "type": "boolean" }, "created_at": { "type": "string", "format": "date-time" }
      }
    },
    "ModeratedTestimonial": {
      "type": "object", "required": ["id", "author_name", "author_role", "content", "rating", "status", "featured", "created_at"],
      "properties": {
        "id": { "type": "integer" }, "author_name": { "type": "string" }, "author_role": { "type": "string" }, "content": { "type": "string" },
        "rating": { "type": "integer" }, "status": { "type": "string", "enum": [\#(quoted(TestimonialStatus.allCases.map(\.rawValue)))] },
        "featured": { "type": "boolean" }, "created_at": { "type": "string", "format": "date-time" }
      }
    },
    """#
}
