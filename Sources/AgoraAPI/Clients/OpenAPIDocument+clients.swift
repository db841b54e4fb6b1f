import AgoraDomain

extension OpenAPIDocument {
    /// `/api/users/identity`: a client's public identity.
    static let clientPaths = #"""
    "/api/users/identity": {
      "get": {
        "operationId": "getClientIdentity", "tags": ["accounts"], "security": [{ "bearer": [] }],
        "summary": "The signed-in client's public identity, as providers see it on their orders",
        "responses": { "200": \#(identity), "401": \#(problem), "403": \#(problem) }
      },
      "put": {
        "operationId": "updateClientIdentity", "tags": ["accounts"], "security": [{ "bearer": [] }],
        "summary": "Sets the company the client hires for and their country (empty clears them)",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "properties": {
          "company": { "type": ["string", "null"], "maxLength": \#(ClientIdentity.companyLength.upperBound) },
          "country": { "type": ["string", "null"], "enum": [\#(quoted(Countries.all.map(\.code))), "", null] }
        } } } } },
        "responses": { "200": \#(identity), "400": \#(problem), "401": \#(problem), "403": \#(problem), "422": \#(problem) }
      }
    },
    "/api/users/identity/photo": {
      "post": {
        "operationId": "uploadClientPhoto", "tags": ["accounts"], "security": [{ "bearer": [] }],
        "summary": "A photo (multipart: file, and crop as left,top,size), made like providers' photos: square, without metadata",
        "requestBody": { "required": true, "content": { "multipart/form-data": { "schema": { "type": "object", "required": ["file"], "properties": {
          "file": { "type": "string", "format": "binary" }, "crop": { "type": "string" }
        } } } } },
        "responses": { "200": \#(identity), "400": \#(problem), "401": \#(problem), "403": \#(problem), "413": \#(problem), "415": \#(problem), "422": \#(problem), "429": \#(problem) }
      },
      "delete": {
        "operationId": "removeClientPhoto", "tags": ["accounts"], "security": [{ "bearer": [] }],
        "summary": "Removes the photo",
        "responses": { "200": \#(identity), "401": \#(problem), "403": \#(problem), "404": \#(problem) }
      }
    },
    """#

    private static let identity = ##"{ "description": "The identity", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ClientIdentity" } } } }"##

    static let clientSchemas = #"""
    "ClientIdentity": {
      "type": "object", "required": ["name", "company", "member_since", "rating_count"],
      "properties": {
        "name": { "type": "string", "description": "The first name and the family name's initial" }, "company": { "type": "string" },
        "country": { "type": "string" }, "country_name": { "type": "string" }, "photo": { "$ref": "#/components/schemas/Photo" },
        "member_since": { "type": "string", "format": "date-time" },
        "rating": { "type": "number", "description": "Providers' reviews of them as a client: the displayed rating (their mean pulled towards the marketplace's); absent without any" }, "rating_count": { "type": "integer" }
      }
    },
    """#
}
