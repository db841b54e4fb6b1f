import AgoraDomain
import AgoraImages
import AgoraStore

extension OpenAPIDocument {
    static let profilePaths = #"""
    "/api/users/profile": {
      "get": {
        "operationId": "getOwnProfile", "tags": ["profiles"], "security": [{ "bearer": [] }],
        "summary": "The signed-in provider's profile: where it stands, its working copy (the newest version, which may wait for review), and what a publication still needs",
        "responses": {
          "200": { "description": "The profile", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/OwnProfile" } } } },
          "401": \#(problem), "403": \#(problem)
        }
      },
      "put": {
        "operationId": "saveOwnProfile", "tags": ["profiles"], "security": [{ "bearer": [] }],
        "summary": "Save a version, starting from `version` (409 stale-version when another save came first). A draft may leave fields empty; a published profile stays complete and a change goes live at once unless links or a moderation filter hold it for review",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ProfileInput" } } } },
        "responses": {
          "200": { "description": "Saved", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SavedProfile" } } } },
          "400": \#(problem), "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem)
        }
      }
    },
    "/api/users/profile/photo": {
      "post": {
        "operationId": "uploadOwnProfilePhoto", "tags": ["profiles"], "security": [{ "bearer": [] }],
        "summary": "Send a photo (multipart/form-data: `file`, at most \#(ImageUploadLimits.maximumBytes / 1_048_576) MB of \#(ImageInput.described), and an optional `crop` box `left,top,size` in pixels of the upright image, at least \#(ProfilePhoto.minimumSide) square; the largest centred square without one). It is turned upright, cropped, stripped of all metadata and written as square WebP and JPEG variants \#(ProfilePhoto.widths.map(String.init).joined(separator: ", ")) pixels wide (those the crop is large enough for); a public profile shows it at once. Images of more than \#(ImageUploadLimits.maximumPixels / 1_000_000) million pixels are refused from their header",
        "requestBody": { "required": true, "content": { "multipart/form-data": { "schema": { "type": "object", "required": ["file"], "properties": {
          "file": { "type": "string", "format": "binary" }, "crop": { "type": "string", "example": "120,40,800" }
        } } } } },
        "responses": {
          "200": { "description": "The profile with its photo", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/OwnProfile" } } } },
          "400": \#(problem), "401": \#(problem), "403": \#(problem), "404": \#(problem), "413": \#(problem), "415": \#(problem), "422": \#(problem), "429": \#(problem)
        }
      },
      "delete": {
        "operationId": "removeOwnProfilePhoto", "tags": ["profiles"], "security": [{ "bearer": [] }],
        "summary": "Remove the photo and its variants; a public profile shows the initials again at once. 404 when there is none",
        "responses": {
          "200": { "description": "The profile without a photo", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/OwnProfile" } } } },
          "401": \#(problem), "403": \#(problem), "404": \#(problem)
        }
      }
    },
    "/api/users/profile/publish": {
      "post": {
        "operationId": "publishOwnProfile", "tags": ["profiles"], "security": [{ "bearer": [] }],
        "summary": "Make the profile public: the first publication waits for an administrator, a profile taken offline comes straight back; 422 names what is missing, 409 when it is public or waiting",
        "responses": {
          "200": { "description": "Where the profile stands now", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/OwnProfile" } } } },
          "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem)
        }
      }
    },
    "/api/users/profile/unpublish": {
      "post": {
        "operationId": "unpublishOwnProfile", "tags": ["profiles"], "security": [{ "bearer": [] }],
        "summary": "Take the profile offline (its page goes, search and routing stop finding it), or withdraw a first publication from review; 409 when it is neither",
        "responses": {
          "200": { "description": "Where the profile stands now", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/OwnProfile" } } } },
          "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem)
        }
      }
    },
    "/api/users/profile/versions": {
      "get": {
        "operationId": "listOwnProfileVersions", "tags": ["profiles"], "security": [{ "bearer": [] }],
        "summary": "Every saved version of the profile, newest first, with what each changed and what became of it",
        "responses": {
          "200": { "description": "The versions", "content": { "application/json": { "schema": { "type": "object", "required": ["versions"], "properties": {
            "versions": { "type": "array", "items": { "$ref": "#/components/schemas/ProfileVersion" } }
          } } } } },
          "401": \#(problem), "403": \#(problem)
        }
      }
    },
    "/api/users/profile/dashboard": {
      "get": {
        "operationId": "getProviderDashboard", "tags": ["profiles"], "security": [{ "bearer": [] }],
        "summary": "The provider's figures: views of the page and of the portfolio on each of the last days (UTC), the totals, completeness and badges",
        "parameters": [{ "name": "days", "in": "query", "schema": { "type": "integer", "minimum": \#(ProviderDashboardRoutes.dayRange.lowerBound), "maximum": \#(ProviderDashboardRoutes.dayRange.upperBound), "default": \#(ProviderDashboardRoutes.defaultDays) } }],
        "responses": {
          "200": { "description": "The dashboard", "content": { "application/json": { "schema": { "type": "object",
            "required": ["status", "page_path", "completeness", "badges", "days", "profile_views", "portfolio_views"], "properties": {
            "status": { "type": "string" }, "page_path": { "type": "string" },
            "completeness": { "type": "object", "required": ["score", "missing", "missing_for_publication"], "properties": {
              "score": { "type": "integer" }, "missing": { "type": "array", "items": { "type": "string" } }, "missing_for_publication": { "type": "array", "items": { "type": "string" } }
            } },
            "badges": { "type": "array", "items": { "type": "object", "properties": { "key": { "type": "string" }, "label": { "type": "string" }, "meaning": { "type": "string" } } } },
            "days": { "type": "array", "items": { "type": "object", "required": ["day", "profile_views", "portfolio_views"], "properties": {
              "day": { "type": "string", "format": "date" }, "profile_views": { "type": "integer" }, "portfolio_views": { "type": "integer" }
            } } },
            "profile_views": { "type": "integer" }, "portfolio_views": { "type": "integer" }
          } } } } },
          "400": \#(problem), "401": \#(problem), "403": \#(problem)
        }
      }
    },
    "/api/views": {
      "post": {
        "operationId": "countView", "tags": ["public"],
        "summary": "The beacon of providers' public pages: one view of the page or of its portfolio, counted per day, once per address and thing in half an hour; nothing about the visitor is kept",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["provider", "kind"], "properties": {
          "provider": { "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$", "description": "The provider's slug" }, "kind": { "type": "string", "enum": [\#(quoted(ProfileViewKind.allCases.map(\.rawValue)))] }
        } } } } },
        "responses": { "204": { "description": "Counted, or already counted" }, "400": \#(problem), "404": \#(problem), "422": \#(problem) }
      }
    },
    "/api/users/profile/export": {
      "get": {
        "operationId": "exportOwnProfile", "tags": ["profiles"], "security": [{ "bearer": [] }],
        "summary": "Everything the provider wrote about themselves as one JSON file (an attachment): account, profile, versions, portfolio, verification requests",
        "responses": {
          "200": { "description": "The export", "content": { "application/json": { "schema": { "type": "object",
            "required": ["format", "exported_at", "account", "profile", "versions", "portfolio", "verifications"], "properties": {
            "format": { "type": "string", "const": "\#(ProfileExportRoutes.format)" }, "exported_at": { "type": "string", "format": "date-time" },
            "account": { "type": "object", "required": ["name", "email", "member_since"], "properties": {
              "name": { "type": "string" }, "email": { "type": "string" }, "country": { "type": "string" }, "member_since": { "type": "string", "format": "date-time" }
            } },
            "profile": { "$ref": "#/components/schemas/OwnProfile" },
            "versions": { "type": "array", "items": { "$ref": "#/components/schemas/ProfileVersion" } },
            "portfolio": { "type": "array", "items": { "$ref": "#/components/schemas/PortfolioItem" } },
            "verifications": { "type": "array", "items": { "$ref": "#/components/schemas/Verification" } }
          } } } } },
          "401": \#(problem), "403": \#(problem)
        }
      }
    },
    "/api/users/profile/versions/{versionId}/restore": {
      "post": {
        "operationId": "restoreOwnProfileVersion", "tags": ["profiles"], "security": [{ "bearer": [] }],
        "summary": "Save a copy of an earlier version as the newest, by the rules of any save; `version` is the newest version the editor knows",
        "parameters": [{ "name": "versionId", "in": "path", "required": true, "schema": { "type": "integer" } }],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["version"], "properties": {
          "version": { "type": "integer", "minimum": 0 }
        } } } } },
        "responses": {
          "200": { "description": "Saved", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SavedProfile" } } } },
          "400": \#(problem), "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem)
        }
      }
    },
    "/api/providers/{slug}": {
      "get": {
        "operationId": "getProvider", "tags": ["profiles"],
        "summary": "A published provider as JSON, what its page shows; 404 for any profile that is not public",
        "parameters": [{ "name": "slug", "in": "path", "required": true, "schema": { "type": "string" } }],
        "responses": {
          "200": { "description": "The provider", "content": { "application/json": { "schema": { "type": "object", "required": ["slug", "name", "title", "bio", "remote", "skills", "languages", "categories", "availability", "verified", "statistics", "page_path", "updated_at"], "properties": {
            "slug": { "type": "string" }, "name": { "type": "string" }, "title": { "type": "string" }, "bio": { "type": "string" },
            "city": { "type": "string" }, "country": { "type": "string" }, "remote": { "type": "boolean" }, "hourly_rate": { "type": "string" },
            "currency": { "type": "string" }, "skills": { "type": "array", "items": { "type": "string" } },
            "languages": { "type": "array", "items": { "type": "string" } }, "categories": { "type": "array", "items": { "type": "string" } },
            "availability": { "type": "string" }, "verified": { "type": "boolean" }, "photo_url": { "type": "string" },
            "photo": { "$ref": "#/components/schemas/Photo" },
            "experience": { "type": "array", "items": { "$ref": "#/components/schemas/BackgroundEntry" } },
            "education": { "type": "array", "items": { "$ref": "#/components/schemas/BackgroundEntry" } },
            "certifications": { "type": "array", "items": { "$ref": "#/components/schemas/BackgroundEntry" } },
            "portfolio": { "type": "array", "items": { "$ref": "#/components/schemas/PortfolioItem" } },
            "badges": { "type": "array", "items": { "type": "object", "properties": { "key": { "type": "string" }, "label": { "type": "string" }, "meaning": { "type": "string" } } } },
            "statistics": { "type": "object" }, "page_path": { "type": "string" }, "updated_at": { "type": "string", "format": "date-time" }
          } } } } },
          "404": \#(problem)
        }
      }
    },
    "/api/admin/profiles": {
      "get": {
        "operationId": "listProfilesAwaitingReview", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with moderation.decide: first publications and held changes to published profiles, oldest first",
        "responses": {
          "200": { "description": "What waits", "content": { "application/json": { "schema": { "type": "object", "required": ["profiles"], "properties": {
            "profiles": { "type": "array", "items": { "type": "object", "required": ["user_id", "slug", "name", "first_publication", "version"], "properties": {
              "user_id": { "type": "integer" }, "slug": { "type": "string" }, "name": { "type": "string" }, "first_publication": { "type": "boolean" },
              "version": { "$ref": "#/components/schemas/ProfileVersion" }
            } } }
          } } } } },
          "401": \#(problem), "403": \#(problem)
        }
      }
    },
    "/api/admin/profiles/{userId}/approve": {
      "post": {
        "operationId": "approveProfile", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with moderation.decide: the first publication goes public or the held version goes live (audited; the owner is emailed); 404 when nothing waits",
        "parameters": [{ "name": "userId", "in": "path", "required": true, "schema": { "type": "integer" } }],
        "requestBody": \#(reasonBody(required: false)),
        "responses": { "200": \#(profileDecision), "401": \#(problem), "403": \#(problem), "404": \#(problem), "422": \#(problem) }
      }
    },
    "/api/admin/profiles/{userId}/reject": {
      "post": {
        "operationId": "rejectProfile", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with moderation.decide: refuse what waits with a reason the owner is told; the public keeps what it had (audited); 404 when nothing waits",
        "parameters": [{ "name": "userId", "in": "path", "required": true, "schema": { "type": "integer" } }],
        "requestBody": \#(reasonBody(required: true)),
        "responses": { "200": \#(profileDecision), "401": \#(problem), "403": \#(problem), "404": \#(problem), "422": \#(problem) }
      }
    },
    """#

    private static let profileDecision = #"""
    { "description": "Decided", "content": { "application/json": { "schema": { "type": "object", "required": ["user_id", "decision"], "properties": {
      "user_id": { "type": "integer" }, "decision": { "type": "string", "enum": ["approved", "rejected"] }
    } } } } }
    """#

    private static func reasonBody(required: Bool) -> String {
        #"""
        { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false,\#(required ? #" "required": ["reason"],"# : "") "properties": {
          "reason": \#(multiline(maximumLength: 2_000))
        } } } } }
        """#
    }

    /// One background list as the editor sends it: what each entry needs follows the kind's rules.
    private static func backgroundInput(_ kind: BackgroundKind) -> String {
        var required = ["title"]
        if kind.needsOrganisation { required.append("organisation") }
        if kind.needsStart { required.append("start") }
        let link = kind.hasLink ? #", "link": { "type": ["string", "null"], "format": "uri", "maxLength": \#(BackgroundEntry.linkMaximumLength) }"# : ""
        return #"""
        { "type": "array", "maxItems": \#(BackgroundEntry.maximumEntries), "items": { "type": "object", "additionalProperties": false, "required": [\#(quoted(required))], "properties": {
          "title": { "type": "string", "minLength": \#(BackgroundEntry.titleLength.lowerBound), "maxLength": \#(BackgroundEntry.titleLength.upperBound), "description": "The \#(kind.titleName)" },
          "organisation": { "type": ["string", "null"], "maxLength": \#(BackgroundEntry.organisationLength.upperBound), "description": "The \#(kind.organisationName)" },
          "start": { "type": ["string", "null"], "pattern": "^[0-9]{4}-[0-9]{2}$" },
          "end": { "type": ["string", "null"], "pattern": "^[0-9]{4}-[0-9]{2}$", "description": "Empty: \#(kind.openEnd)" },
          "description": \#(multiline(maximumLength: BackgroundEntry.descriptionMaximumLength))\#(link)
        } } }
        """#
    }

    static let profileSchemas = #"""
    "ProfileContent": {
      "type": "object",
      "required": ["title", "bio", "categories", "skills", "languages", "remote", "availability", "experience", "education", "certifications"],
      "properties": {
        "title": { "type": "string" }, "bio": { "type": "string" }, "categories": { "type": "array", "items": { "type": "string" } },
        "skills": { "type": "array", "items": { "type": "string" } },
        "languages": { "type": "array", "items": { "type": "object", "required": ["code", "level"], "properties": { "code": { "type": "string" }, "level": { "type": "string" } } } },
        "hourly_rate": { "type": "string" }, "currency": { "type": "string" }, "city": { "type": "string" }, "country": { "type": "string" },
        "remote": { "type": "boolean" }, "availability": { "type": "string" }, "available_from": { "type": "string", "format": "date" },
        "weekly_hours": { "type": "integer" },
        "experience": { "type": "array", "items": { "$ref": "#/components/schemas/BackgroundEntry" } },
        "education": { "type": "array", "items": { "$ref": "#/components/schemas/BackgroundEntry" } },
        "certifications": { "type": "array", "items": { "$ref": "#/components/schemas/BackgroundEntry" } }
      }
    },
    "ProfileInput": {
      "type": "object", "additionalProperties": false, "required": ["version"],
      "properties": {
        "version": { "type": "integer", "minimum": 0, "description": "The version the editor started from" },
        "title": { "type": "string", "maxLength": \#(ProfileContent.titleLength.upperBound) },
        "bio": \#(multiline(maximumLength: ProfileContent.bioMaximumLength)),
        "categories": { "type": "array", "maxItems": \#(ProfileContent.maximumCategories), "items": { "type": "string" } },
        "skills": { "type": "array", "maxItems": \#(ProfileContent.maximumSkills), "items": { "type": "string", "maxLength": \#(ProfileContent.skillLength.upperBound) } },
        "languages": { "type": "array", "maxItems": \#(ProfileContent.maximumLanguages), "items": { "type": "object", "additionalProperties": false, "required": ["code", "level"], "properties": {
          "code": { "type": "string", "pattern": "^[a-z]{2}$" }, "level": { "type": "string", "enum": [\#(quoted(LanguageSkill.Level.allCases.map(\.rawValue)))] }
        } } },
        "hourly_rate": { "type": "string", "description": "Major units, such as 45.50" },
        "currency": { "type": "string", "pattern": "^[A-Z]{3}$" },
        "city": { "type": "string", "maxLength": \#(ProfileContent.cityLength.upperBound) },
        "country": { "type": "string", "pattern": "^[A-Za-z]{2}$" },
        "remote": { "type": "boolean" },
        "availability": { "type": "string", "enum": [\#(quoted(Availability.allCases.map(\.rawValue)))] },
        "available_from": { "type": "string", "format": "date" },
        "weekly_hours": { "type": "integer", "minimum": \#(ProfileContent.weeklyHours.lowerBound), "maximum": \#(ProfileContent.weeklyHours.upperBound) },
        "experience": \#(backgroundInput(.experience)),
        "education": \#(backgroundInput(.education)),
        "certifications": \#(backgroundInput(.certification))
      }
    },
    "BackgroundEntry": {
      "type": "object", "required": ["title", "organisation", "description"],
      "properties": {
        "title": { "type": "string" }, "organisation": { "type": "string" },
        "start": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$" }, "end": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$" },
        "description": { "type": "string" }, "link": { "type": "string", "format": "uri" }
      }
    },
    "OwnProfile": {
      "type": "object", "required": ["slug", "status", "version", "content", "held_for", "refused_for", "completeness", "page_path"],
      "properties": {
        "slug": { "type": "string" }, "status": { "type": "string", "enum": [\#(quoted(ProfileStatus.allCases.map(\.rawValue)))] },
        "version": { "type": "integer" }, "content": { "$ref": "#/components/schemas/ProfileContent" },
        "held_for": { "type": "array", "items": { "type": "string" } }, "refused_for": { "type": "string" },
        "completeness": { "type": "object", "required": ["score", "missing", "missing_for_publication"], "properties": {
          "score": { "type": "integer" }, "missing": { "type": "array", "items": { "type": "string" } },
          "missing_for_publication": { "type": "array", "items": { "type": "string" } }
        } },
        "page_path": { "type": "string" }, "photo": { "$ref": "#/components/schemas/Photo" }
      }
    },
    "Photo": {
      "type": "object", "required": ["url", "webp_srcset", "jpeg_srcset", "share_url", "widths"],
      "properties": {
        "url": { "type": "string" }, "webp_srcset": { "type": "string" }, "jpeg_srcset": { "type": "string" }, "share_url": { "type": "string" },
        "widths": { "type": "array", "items": { "type": "integer", "enum": [\#(ProfilePhoto.widths.map(String.init).joined(separator: ", "))] } }
      }
    },
    "SavedProfile": {
      "type": "object", "required": ["outcome", "profile"],
      "properties": { "outcome": { "type": "string", "enum": ["saved", "live", "held"] }, "profile": { "$ref": "#/components/schemas/OwnProfile" } }
    },
    "ProfileVersion": {
      "type": "object", "required": ["id", "number", "state", "changed_fields", "review_reasons", "created_at", "content"],
      "properties": {
        "id": { "type": "integer" }, "number": { "type": "integer" },
        "state": { "type": "string", "enum": [\#(quoted(ProfileVersion.State.allCases.map(\.rawValue)))] },
        "changed_fields": { "type": "array", "items": { "type": "string" } }, "review_reasons": { "type": "array", "items": { "type": "string" } },
        "created_at": { "type": "string", "format": "date-time" }, "content": { "$ref": "#/components/schemas/ProfileContent" }
      }
    },
    """#
}
