import AgoraDomain
import AgoraImages

extension OpenAPIDocument {
    private static let fileParameter = ##"{ "name": "fileId", "in": "path", "required": true, "schema": { "type": "integer" } }"##
    private static let item = ##"{ "description": "The item", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PortfolioItem" } } } }"##
    private static let items = ##"{ "description": "The portfolio, in order", "content": { "application/json": { "schema": { "type": "object", "required": ["items"], "properties": { "items": { "type": "array", "items": { "$ref": "#/components/schemas/PortfolioItem" } } } } } } }"##

    static let portfolioPaths = #"""
    "/api/portfolio": {
      "get": {
        "operationId": "listPortfolio", "tags": ["portfolio"], "security": [{ "bearer": [] }],
        "summary": "The signed-in provider's portfolio items in order, every status, with their images",
        "responses": { "200": \#(items), "401": \#(problem), "403": \#(problem) }
      },
      "post": {
        "operationId": "createPortfolioItem", "tags": ["portfolio"], "security": [{ "bearer": [] }],
        "summary": "A new draft at the end of the portfolio (at most \#(PortfolioContent.maximumItems) items, 409 beyond); every bad field named",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PortfolioInput" } } } },
        "responses": { "201": \#(item), "400": \#(problem), "401": \#(problem), "403": \#(problem), "409": \#(problem), "422": \#(problem) }
      }
    },
    "/api/portfolio/order": {
      "put": {
        "operationId": "reorderPortfolio", "tags": ["portfolio"], "security": [{ "bearer": [] }],
        "summary": "Put the items in a new order: `ids` names each of the provider's items once (422 otherwise)",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["ids"], "properties": { "ids": { "type": "array", "items": { "type": "integer" } } } } } } },
        "responses": { "200": \#(items), "400": \#(problem), "401": \#(problem), "403": \#(problem), "422": \#(problem) }
      }
    },
    "/api/portfolio/{id}": {
      "get": {
        "parameters": [\#(idParameter)], "operationId": "getPortfolioItem", "tags": ["portfolio"], "security": [{ "bearer": [] }],
        "summary": "One of the provider's own items (another provider's is a 404)",
        "responses": { "200": \#(item), "401": \#(problem), "403": \#(problem), "404": \#(problem) }
      },
      "patch": {
        "parameters": [\#(idParameter)], "operationId": "changePortfolioItem", "tags": ["portfolio"], "security": [{ "bearer": [] }],
        "summary": "Change the fields sent (null or an empty string clears an optional one), and `status`: `published` sends it through the moderation filters (public at once, or `pending` until a moderator decides; `rejected` when a moderator removes it), `draft` takes it off the page",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PortfolioInput" } } } },
        "responses": { "200": \#(item), "400": \#(problem), "401": \#(problem), "403": \#(problem), "404": \#(problem), "422": \#(problem) }
      },
      "delete": {
        "parameters": [\#(idParameter)], "operationId": "deletePortfolioItem", "tags": ["portfolio"], "security": [{ "bearer": [] }],
        "summary": "Delete the item and its images",
        "responses": { "204": { "description": "Deleted" }, "401": \#(problem), "403": \#(problem), "404": \#(problem) }
      }
    },
    "/api/portfolio/{id}/files": {
      "post": {
        "parameters": [\#(idParameter)], "operationId": "addPortfolioImage", "tags": ["portfolio"], "security": [{ "bearer": [] }],
        "summary": "Add one image (multipart/form-data: `file`, at most \#(ImageUploadLimits.maximumBytes / 1_048_576) MB of \#(ImageInput.described), and an optional `caption` of up to \#(PortfolioContent.captionMaximumLength) characters; at most \#(PortfolioContent.maximumImages) an item). Turned upright, stripped of all metadata and written as WebP and JPEG variants \#(PortfolioImage.standardWidths.map(String.init).joined(separator: ", ")) pixels wide as far as it reaches; at least \#(PortfolioImage.minimumSide) pixels on each side, the long side at most \#(Int(PortfolioImage.maximumAspectRatio)) times the short one",
        "requestBody": { "required": true, "content": { "multipart/form-data": { "schema": { "type": "object", "required": ["file"], "properties": {
          "file": { "type": "string", "format": "binary" }, "caption": { "type": "string" }
        } } } } },
        "responses": { "201": \#(item), "400": \#(problem), "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem), "413": \#(problem), "415": \#(problem), "422": \#(problem), "429": \#(problem) }
      }
    },
    "/api/portfolio/{id}/files/{fileId}": {
      "patch": {
        "parameters": [\#(idParameter), \#(fileParameter)], "operationId": "captionPortfolioImage", "tags": ["portfolio"], "security": [{ "bearer": [] }],
        "summary": "Change an image's caption (empty for none)",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "properties": { "caption": { "type": "string" } } } } } },
        "responses": { "200": \#(item), "400": \#(problem), "401": \#(problem), "403": \#(problem), "404": \#(problem), "422": \#(problem) }
      },
      "delete": {
        "parameters": [\#(idParameter), \#(fileParameter)], "operationId": "removePortfolioImage", "tags": ["portfolio"], "security": [{ "bearer": [] }],
        "summary": "Remove an image and its files",
        "responses": { "200": \#(item), "401": \#(problem), "403": \#(problem), "404": \#(problem) }
      }
    },
    """#

    static let portfolioSchemas = #"""
    "PortfolioInput": {
      "type": "object",
      "properties": {
        "title": { "type": "string", "minLength": \#(PortfolioContent.titleLength.lowerBound), "maxLength": \#(PortfolioContent.titleLength.upperBound) },
        "description": { "type": "string", "maxLength": \#(PortfolioContent.descriptionMaximumLength) },
        "category": { "type": ["string", "null"] },
        "skills": { "type": "array", "maxItems": \#(PortfolioContent.maximumSkills), "items": { "type": "string" } },
        "link": { "type": ["string", "null"], "maxLength": \#(PortfolioContent.linkMaximumLength) },
        "client_name": { "type": ["string", "null"] }, "shows_client": { "type": "boolean" },
        "completed_on": { "type": ["string", "null"], "format": "date" },
        "status": { "type": "string", "enum": ["published", "draft"] }
      }
    },
    "PortfolioImage": {
      "type": "object", "required": ["id", "caption", "width", "height", "url", "large_url", "webp_srcset", "jpeg_srcset", "byte_size"],
      "properties": {
        "id": { "type": "integer" }, "caption": { "type": "string" }, "width": { "type": "integer" }, "height": { "type": "integer" },
        "url": { "type": "string" }, "large_url": { "type": "string" }, "webp_srcset": { "type": "string" }, "jpeg_srcset": { "type": "string" },
        "byte_size": { "type": "integer" }
      }
    },
    "PortfolioItem": {
      "type": "object", "required": ["id", "status", "position", "title", "description", "skills", "shows_client", "images", "updated_at"],
      "properties": {
        "id": { "type": "integer" }, "status": { "type": "string", "enum": [\#(quoted(PortfolioStatus.allCases.map(\.rawValue)))] },
        "position": { "type": "integer" }, "title": { "type": "string" }, "description": { "type": "string" }, "category": { "type": "string" },
        "skills": { "type": "array", "items": { "type": "string" } }, "link": { "type": "string" }, "client_name": { "type": "string" },
        "shows_client": { "type": "boolean" }, "completed_on": { "type": "string", "format": "date" },
        "images": { "type": "array", "items": { "$ref": "#/components/schemas/PortfolioImage" } }, "updated_at": { "type": "string", "format": "date-time" }
      }
    },
    """#
}
