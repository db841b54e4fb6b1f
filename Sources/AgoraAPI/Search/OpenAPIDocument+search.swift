import AgoraDomain
import AgoraStore

extension OpenAPIDocument {
    /// `/api/categories` and `/api/search/*`. Query parameters that break a rule answer 400 with the problem type
    /// `urn:agora:problem:invalid-query` and one entry per parameter.
    static let searchPaths = #"""
    "/api/categories": {
      "get": {
        "operationId": "getCategories", "tags": ["search"],
        "summary": "The visible category tree; provider_count counts each public provider once, in the category and everything below it",
        "responses": { "200": { "description": "The tree", "content": { "application/json": { "schema": { "type": "object", "required": ["categories"], "properties": { "categories": { "type": "array", "items": { "$ref": "#/components/schemas/CategoryNode" } } } } } } } }
      }
    },
    "/api/search/providers": {
      "get": {
        "operationId": "searchProviders", "tags": ["search"],
        "summary": "Providers matching every filter given, a page at a time, with facet counts over all matches",
        "parameters": [
          { "name": "q", "in": "query", "schema": { "type": "string", "maxLength": \#(ProviderSearchQuery.maximumTextLength), "pattern": \#(searchText) }, "description": "Words to find in the name, title, skills and bio; the last one may be the start of a word" },
          { "name": "category", "in": "query", "schema": { "type": "string", "pattern": \#(searchText) }, "description": "A category slug; its subcategories are included" },
          { "name": "near", "in": "query", "schema": { "type": "string", "examples": ["48.85,2.35,25"] }, "description": "latitude,longitude,radius_km (radius up to \#(Int(GeoCircle.maximumRadiusKilometres)))" },
          { "name": "country", "in": "query", "schema": { "type": "string", "minLength": 2, "maxLength": 2 }, "description": "ISO 3166-1 code; not with near or remote" },
          { "name": "city", "in": "query", "schema": { "type": "string", "maxLength": 100, "pattern": \#(searchText) }, "description": "With country" },
          { "name": "remote", "in": "query", "schema": { "type": "boolean" }, "description": "Only providers who take remote work" },
          { "name": "currency", "in": "query", "schema": { "type": "string", "enum": [\#(currencies)] }, "description": "Of min_rate, max_rate, converted rates and the price facet (default EUR); rates in other currencies are converted with a fixed reference table" },
          { "name": "min_rate", "in": "query", "schema": { "type": "string", "examples": ["45", "45.50"] }, "description": "Lowest hourly rate, inclusive" },
          { "name": "max_rate", "in": "query", "schema": { "type": "string" }, "description": "Highest hourly rate, inclusive" },
          { "name": "skills", "in": "query", "schema": { "type": "string", "pattern": \#(searchText) }, "description": "Comma-separated (or repeated), at most \#(ProviderSearchQuery.maximumListItems)" },
          { "name": "skills_match", "in": "query", "schema": { "type": "string", "enum": [\#(quoted(ProviderSearchQuery.SkillMatch.allCases.map(\.rawValue)))], "default": "all" } },
          { "name": "available", "in": "query", "schema": { "type": "string", "enum": ["now"] } },
          { "name": "available_on", "in": "query", "schema": { "type": "string", "anyOf": [{ "format": "date" }, { "maxLength": 0 }] }, "description": "Available on that day (not with available); empty is no filter, as a blank form field sends" },
          { "name": "min_rating", "in": "query", "schema": { "type": "number", "minimum": 0, "maximum": 5 } },
          { "name": "min_reviews", "in": "query", "schema": { "type": "integer", "minimum": 0 } },
          { "name": "languages", "in": "query", "schema": { "type": "string", "pattern": \#(searchText) }, "description": "ISO 639-1 codes, comma-separated; any of them matches" },
          { "name": "verified", "in": "query", "schema": { "type": "boolean" } },
          { "name": "sort", "in": "query", "schema": { "type": "string", "enum": [\#(sortNames)], "default": "relevance" }, "description": "distance needs near" },
          { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": \#(ProviderSearchQuery.maximumLimit), "default": \#(ProviderSearchQuery.defaultLimit) } },
          { "name": "cursor", "in": "query", "schema": { "type": "string", "pattern": \#(searchText) }, "description": "next_cursor of the previous page, with the same parameters" }
        ],
        "responses": {
          "200": { "description": "A page of results", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ProviderSearch" } } } },
          "400": { "$ref": "#/components/responses/Problem" },
          "429": { "$ref": "#/components/responses/Problem" }
        }
      }
    },
    "/api/search/saved": {
      "get": {
        "operationId": "listSavedSearches", "tags": ["search"], "security": [{ "bearer": [] }], "summary": "The signed-in person's saved searches, newest first",
        "responses": { "200": { "description": "Saved searches", "content": { "application/json": { "schema": { "type": "object", "required": ["saved_searches"], "properties": { "saved_searches": { "type": "array", "items": { "$ref": "#/components/schemas/SavedSearch" } } } } } } }, "401": { "$ref": "#/components/responses/Problem" } }
      },
      "post": {
        "operationId": "saveSearch", "tags": ["search"], "security": [{ "bearer": [] }],
        "summary": "Save a search (at most \#(SavedSearchForm.maximumPerAccount) per account); with alert, new matching providers are emailed",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SavedSearchInput" } } } },
        "responses": {
          "201": { "description": "Saved", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SavedSearch" } } } },
          "401": { "$ref": "#/components/responses/Problem" }, "409": { "$ref": "#/components/responses/Problem" }, "422": { "$ref": "#/components/responses/Problem" }
        }
      }
    },
    "/api/search/saved/{id}": {
      "get": {
        "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } }], "operationId": "getSavedSearch", "tags": ["search"], "security": [{ "bearer": [] }], "summary": "One saved search of the signed-in person",
        "responses": { "200": { "description": "The saved search", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SavedSearch" } } } }, "401": { "$ref": "#/components/responses/Problem" }, "404": { "$ref": "#/components/responses/Problem" } }
      },
      "patch": {
        "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } }], "operationId": "updateSavedSearch", "tags": ["search"], "security": [{ "bearer": [] }], "summary": "Change the name, the query or the alert; turning the alert on counts new providers from now",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SavedSearchInput" } } } },
        "responses": { "200": { "description": "Changed", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SavedSearch" } } } }, "401": { "$ref": "#/components/responses/Problem" }, "404": { "$ref": "#/components/responses/Problem" }, "422": { "$ref": "#/components/responses/Problem" } }
      },
      "delete": {
        "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } }], "operationId": "deleteSavedSearch", "tags": ["search"], "security": [{ "bearer": [] }], "summary": "Delete a saved search",
        "responses": { "204": { "description": "Deleted" }, "401": { "$ref": "#/components/responses/Problem" }, "404": { "$ref": "#/components/responses/Problem" } }
      }
    },
    "/api/favorites": {
      "get": {
        "operationId": "listFavorites", "tags": ["search"], "security": [{ "bearer": [] }], "summary": "The signed-in person's favourite providers that are public, most recently added first",
        "responses": { "200": { "description": "Favourites", "content": { "application/json": { "schema": { "type": "object", "required": ["favorites"], "properties": { "favorites": { "type": "array", "items": { "type": "object", "required": ["provider", "added_at"], "properties": { "provider": { "$ref": "#/components/schemas/ProviderCard" }, "added_at": { "type": "string", "format": "date-time" } } } } } } } } }, "401": { "$ref": "#/components/responses/Problem" } }
      }
    },
    "/api/favorites/{providerId}": {
      "put": {
        "parameters": [{ "name": "providerId", "in": "path", "required": true, "schema": { "type": "integer" } }], "operationId": "addFavorite", "tags": ["search"], "security": [{ "bearer": [] }], "summary": "Mark a public provider as a favourite (again: no change)",
        "responses": { "204": { "description": "A favourite" }, "401": { "$ref": "#/components/responses/Problem" }, "404": { "$ref": "#/components/responses/Problem" } }
      },
      "delete": {
        "parameters": [{ "name": "providerId", "in": "path", "required": true, "schema": { "type": "integer" } }], "operationId": "removeFavorite", "tags": ["search"], "security": [{ "bearer": [] }], "summary": "No longer a favourite (whether or not it was one)",
        "responses": { "204": { "description": "Not a favourite" }, "401": { "$ref": "#/components/responses/Problem" }, "404": { "$ref": "#/components/responses/Problem" } }
      }
    },
    "/api/search/clicks": {
      "post": {
        "operationId": "recordSearchClick", "tags": ["search"],
        "summary": "A result of this search was opened: counted per query, never per person (120 a minute per IP)",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["query"], "properties": { "query": \#(oneLine(maximumLength: ProviderSearchQuery.maximumTextLength)) } } } } },
        "responses": { "204": { "description": "Counted" }, "422": { "$ref": "#/components/responses/Problem" }, "429": { "$ref": "#/components/responses/Problem" } }
      }
    },
    "/api/admin/categories": {
      "get": {
        "operationId": "getCategoriesForAdmin", "tags": ["admin"], "security": [{ "bearer": [] }], "summary": "Administrators: the whole category tree, hidden categories too",
        "responses": { "200": { "description": "The tree", "content": { "application/json": { "schema": { "type": "object", "required": ["categories"], "properties": { "categories": { "type": "array", "items": { "$ref": "#/components/schemas/AdminCategory" } } } } } } }, "401": { "$ref": "#/components/responses/Problem" }, "403": { "$ref": "#/components/responses/Problem" } }
      },
      "post": {
        "operationId": "createCategory", "tags": ["admin"], "security": [{ "bearer": [] }], "summary": "Administrators: create a category (the slug defaults to one made from the name); the site is rebuilt",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CategoryInput" } } } },
        "responses": { "201": { "description": "Created", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/AdminCategory" } } } }, "401": { "$ref": "#/components/responses/Problem" }, "403": { "$ref": "#/components/responses/Problem" }, "409": { "$ref": "#/components/responses/Problem" }, "422": { "$ref": "#/components/responses/Problem" } }
      }
    },
    "/api/admin/categories/{id}": {
      "patch": {
        "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } }],
        "operationId": "updateCategory", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Administrators: rename, move (parent: a slug, or null for the top; never under itself or a subcategory), reorder or hide; a new slug leaves a 301 from the old page; the site is rebuilt",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CategoryInput" } } } },
        "responses": { "200": { "description": "Changed", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/AdminCategory" } } } }, "401": { "$ref": "#/components/responses/Problem" }, "403": { "$ref": "#/components/responses/Problem" }, "404": { "$ref": "#/components/responses/Problem" }, "409": { "$ref": "#/components/responses/Problem" }, "422": { "$ref": "#/components/responses/Problem" } }
      }
    },
    "/api/admin/categories/{id}/providers/{providerId}": {
      "put": {
        "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } }, { "name": "providerId", "in": "path", "required": true, "schema": { "type": "integer" } }],
        "operationId": "listProviderInCategory", "tags": ["admin"], "security": [{ "bearer": [] }], "summary": "Administrators: list a provider in a category (again: no change)",
        "responses": { "204": { "description": "Listed" }, "401": { "$ref": "#/components/responses/Problem" }, "403": { "$ref": "#/components/responses/Problem" }, "404": { "$ref": "#/components/responses/Problem" } }
      },
      "delete": {
        "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } }, { "name": "providerId", "in": "path", "required": true, "schema": { "type": "integer" } }],
        "operationId": "unlistProviderFromCategory", "tags": ["admin"], "security": [{ "bearer": [] }], "summary": "Administrators: take a provider out of a category",
        "responses": { "204": { "description": "Not listed" }, "401": { "$ref": "#/components/responses/Problem" }, "403": { "$ref": "#/components/responses/Problem" }, "404": { "$ref": "#/components/responses/Problem" } }
      }
    },
    "/api/admin/search/analytics": {
      "get": {
        "operationId": "getSearchAnalytics", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Administrators: the most searched queries, the queries that found nothing, and each category's page views and searches",
        "parameters": [
          { "name": "days", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": \#(SearchAnalyticsRoutes.maximumDays), "default": 30 } },
          { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": \#(SearchAnalyticsRoutes.maximumLimit), "default": 20 } }
        ],
        "responses": {
          "200": { "description": "The report", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SearchAnalytics" } } } },
          "400": { "$ref": "#/components/responses/Problem" }, "401": { "$ref": "#/components/responses/Problem" }, "403": { "$ref": "#/components/responses/Problem" }
        }
      }
    },
    "/api/search/suggestions": {
      "get": {
        "operationId": "getSearchSuggestions", "tags": ["search"],
        "summary": "Up to \#(SuggestionMatcher.maximumResults) categories, skills and provider names starting with the text (one typo forgiven from \#(SuggestionMatcher.typoMinimumLength) letters)",
        "parameters": [
          { "name": "q", "in": "query", "schema": { "type": "string", "maxLength": \#(SuggestionMatcher.maximumTextLength), "pattern": \#(searchText) } },
          { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": \#(SuggestionMatcher.maximumResults) } }
        ],
        "responses": {
          "200": { "description": "Suggestions, best first", "content": { "application/json": { "schema": { "type": "object", "required": ["query", "suggestions"], "properties": { "query": { "type": "string" }, "suggestions": { "type": "array", "items": { "$ref": "#/components/schemas/Suggestion" } } } } } } },
          "400": { "$ref": "#/components/responses/Problem" },
          "429": { "$ref": "#/components/responses/Problem" }
        }
      }
    },
    """#

    static let searchSchemas = #"""
    "CategoryNode": {
      "type": "object", "required": ["id", "slug", "name", "description", "url", "provider_count", "children"],
      "properties": {
        "id": { "type": "integer" }, "slug": { "type": "string" }, "name": { "type": "string" }, "description": { "type": "string" },
        "icon": { "type": "string" }, "url": { "type": "string" }, "provider_count": { "type": "integer" },
        "children": { "type": "array", "items": { "$ref": "#/components/schemas/CategoryNode" } }
      }
    },
    "Money": {
      "type": "object", "required": ["amount_minor", "amount", "currency", "formatted"],
      "properties": { "amount_minor": { "type": "integer" }, "amount": { "type": "string", "description": "In major units, as requests take amounts" }, "currency": { "type": "string" }, "formatted": { "type": "string" } }
    },
    "FacetCount": {
      "type": "object", "required": ["value", "label", "count"],
      "properties": { "value": { "type": "string" }, "label": { "type": "string" }, "count": { "type": "integer" } }
    },
    "ProviderCard": {
      "type": "object", "required": ["id", "slug", "url", "name", "title", "rating", "completed_projects", "remote", "availability", "availability_label", "verified", "skills", "languages", "card"],
      "properties": {
        "id": { "type": "integer" }, "slug": { "type": "string" }, "url": { "type": "string" }, "name": { "type": "string" },
        "title": { "type": "string" }, "photo_url": { "type": "string" },
        "rating": { "type": "object", "required": ["count"], "properties": { "displayed": { "type": "number", "description": "The rating shown: the weighted mean pulled towards the marketplace's, to the tenth" }, "average": { "type": "number", "description": "The weighted mean of the reviews" }, "count": { "type": "integer" } } },
        "completed_projects": { "type": "integer" },
        "hourly_rate": { "$ref": "#/components/schemas/Money" },
        "converted_rate": { "$ref": "#/components/schemas/Money" },
        "location": { "type": "object", "required": ["city", "country_code", "country"], "properties": { "city": { "type": "string" }, "region": { "type": "string" }, "country_code": { "type": "string" }, "country": { "type": "string" } } },
        "remote": { "type": "boolean" },
        "availability": { "type": "string", "enum": ["available", "limited", "unavailable"] },
        "availability_label": { "type": "string" },
        "verified": { "type": "boolean" },
        "skills": { "type": "array", "items": { "type": "string" } },
        "languages": { "type": "array", "items": { "type": "string" } },
        "distance_km": { "type": "number" },
        "card": {
          "description": "The texts every listing shows, written as the generated pages write them",
          "type": "object", "required": ["initials", "rating_count", "skills", "availability", "is_available", "badges"],
          "properties": {
            "initials": { "type": "string" }, "location": { "type": "string" }, "rate": { "type": "string" }, "rating": { "type": "string" },
            "rating_count": { "type": "integer" }, "skills": { "type": "array", "maxItems": \#(ProviderCard.skillsShown), "items": { "type": "string" } },
            "availability": { "type": "string" }, "is_available": { "type": "boolean" },
            "badges": { "type": "array", "items": { "type": "object", "required": ["key", "label", "meaning"], "properties": {
              "key": { "type": "string", "enum": [\#(quoted(ProviderBadge.allCases.map(\.rawValue)))] }, "label": { "type": "string" }, "meaning": { "type": "string" }
            } } }
          }
        }
      }
    },
    "ProviderSearch": {
      "type": "object", "required": ["total", "limit", "sort", "currency", "providers", "facets"],
      "properties": {
        "total": { "type": "integer" }, "limit": { "type": "integer" }, "sort": { "type": "string" }, "currency": { "type": "string" },
        "next_cursor": { "type": "string", "description": "Absent on the last page" },
        "providers": { "type": "array", "items": { "$ref": "#/components/schemas/ProviderCard" } },
        "facets": {
          "type": "object", "required": ["categories", "skills", "languages", "countries", "ratings", "prices"],
          "properties": {
            "categories": { "type": "array", "items": { "$ref": "#/components/schemas/FacetCount" } },
            "skills": { "type": "array", "items": { "$ref": "#/components/schemas/FacetCount" } },
            "languages": { "type": "array", "items": { "$ref": "#/components/schemas/FacetCount" } },
            "countries": { "type": "array", "items": { "$ref": "#/components/schemas/FacetCount" } },
            "ratings": { "type": "array", "items": { "type": "object", "required": ["minimum", "count"], "properties": { "minimum": { "type": "number" }, "count": { "type": "integer" } } } },
            "prices": { "type": "array", "items": { "type": "object", "required": ["minimum", "maximum", "label", "count"], "properties": { "minimum": { "$ref": "#/components/schemas/Money" }, "maximum": { "$ref": "#/components/schemas/Money" }, "label": { "type": "string" }, "count": { "type": "integer" } } } }
          }
        }
      }
    },
    "SavedSearchInput": {
      "type": "object", "additionalProperties": false,
      "properties": {
        "name": \#(oneLine(maximumLength: SavedSearchForm.maximumNameLength)),
        "query": { "type": "string", "maxLength": 2000, "pattern": \#(JSONString.literal(JSONObjectBody.oneLinePattern)), "description": "The search's parameters as a query string, as on /search/ (cursor and limit are dropped)" },
        "alert": { "type": "boolean", "description": "Email new providers that match" }
      }
    },
    "SavedSearch": {
      "type": "object", "required": ["id", "name", "query", "url", "alert", "created_at", "updated_at"],
      "properties": {
        "id": { "type": "integer" }, "name": { "type": "string" }, "query": { "type": "string" }, "url": { "type": "string" },
        "alert": { "type": "boolean" }, "created_at": { "type": "string", "format": "date-time" }, "updated_at": { "type": "string", "format": "date-time" }
      }
    },
    "CategoryInput": {
      "type": "object", "additionalProperties": false,
      "properties": {
        "name": { "type": "string", "maxLength": \#(CategoryDraft.maximumNameLength) }, "slug": { "type": "string" },
        "description": { "type": "string", "maxLength": \#(CategoryDraft.maximumDescriptionLength) },
        "icon": { "type": ["string", "null"], "maxLength": \#(CategoryDraft.maximumIconLength) },
        "parent": { "type": ["string", "null"], "description": "The parent's slug; null for the top level" },
        "sort_order": { "type": "integer" }, "active": { "type": "boolean" }
      }
    },
    "AdminCategory": {
      "type": "object", "required": ["id", "slug", "name", "description", "active", "sort_order", "url", "provider_count", "children"],
      "properties": {
        "id": { "type": "integer" }, "slug": { "type": "string" }, "name": { "type": "string" }, "description": { "type": "string" },
        "icon": { "type": "string" }, "active": { "type": "boolean" }, "sort_order": { "type": "integer" }, "parent": { "type": "string" },
        "url": { "type": "string" }, "provider_count": { "type": "integer" },
        "children": { "type": "array", "items": { "$ref": "#/components/schemas/AdminCategory" } }
      }
    },
    "QueryFigures": {
      "type": "object", "required": ["query", "searches", "zero_results", "clicks"],
      "properties": { "query": { "type": "string" }, "searches": { "type": "integer" }, "zero_results": { "type": "integer" }, "clicks": { "type": "integer" } }
    },
    "SearchAnalytics": {
      "type": "object", "required": ["since", "top_queries", "zero_result_queries", "categories"],
      "properties": {
        "since": { "type": "string", "format": "date" },
        "top_queries": { "type": "array", "items": { "$ref": "#/components/schemas/QueryFigures" } },
        "zero_result_queries": { "type": "array", "items": { "$ref": "#/components/schemas/QueryFigures" } },
        "categories": { "type": "array", "items": { "type": "object", "required": ["slug", "name", "views", "searches"], "properties": { "slug": { "type": "string" }, "name": { "type": "string" }, "views": { "type": "integer" }, "searches": { "type": "integer" } } } }
      }
    },
    "Suggestion": {
      "type": "object", "required": ["kind", "text", "weight"],
      "properties": {
        "kind": { "type": "string", "enum": [\#(quoted(Suggestion.Kind.allCases.map(\.rawValue)))] }, "text": { "type": "string" },
        "slug": { "type": "string" }, "weight": { "type": "integer" }
      }
    },
    """#

    private static let currencies = quoted(CurrencyCode.supported.sorted())
    private static let sortNames = quoted(SearchSort.allCases.map(\.rawValue))
    /// The pattern of the search's text parameters (`ProviderSearchQuery.isControl`).
    private static let searchText = JSONString.literal(ProviderSearchQuery.textPattern)
}
