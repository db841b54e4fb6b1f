import AgoraDomain
import AgoraStore

extension OpenAPIDocument {
    /// Reviews: the parties of a closed project review each other once, double-blind; the reviewee answers once; anyone
    /// reads a member's published reviews and rating. A project or review of someone else's answers 404.
    static let reviewPaths = #"""
    "/api/projects/{id}/reviews": {
      "get": {
        "operationId": "getProjectReviews", "tags": ["reviews"], "security": [{ "bearer": [] }],
        "summary": "The asker's review of the project and the other party's once published (before that, only whether it is written), and whether the asker may review now",
        "parameters": [\#(idParameter)],
        "responses": { "200": \#(projectReviewsResponse), "401": \#(problem), "404": \#(problem) }
      },
      "post": {
        "operationId": "reviewProject", "tags": ["reviews"], "security": [{ "bearer": [] }],
        "summary": "A party reviews the other, once, within the window after the project completed (or was cancelled after money was released); both reviews publish when both are written or the window closes",
        "parameters": [\#(idParameter)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ReviewInput" } } } },
        "responses": { "201": \#(projectReviewsResponse), "400": \#(problem), "401": \#(problem), "404": \#(problem), "409": \#(problem), "415": \#(problem), "422": \#(problem) }
      }
    },
    "/api/reviews/{id}/response": {
      "post": {
        "operationId": "answerReview", "tags": ["reviews"], "security": [{ "bearer": [] }],
        "summary": "The member reviewed answers a published review of them, once, publicly",
        "parameters": [\#(idParameter)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["body"], "properties": { "body": \#(multiline(maximumLength: ReviewResponse.length.upperBound)) } } } } },
        "responses": { "201": { "description": "The answer", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ReviewAnswer" } } } }, "400": \#(problem), "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem), "415": \#(problem), "422": \#(problem) }
      }
    },
    "/api/users/{id}/reviews": {
      "get": {
        "operationId": "listMemberReviews", "tags": ["reviews"],
        "summary": "A member's published reviews, for anyone",
        "parameters": [\#(idParameter),
          { "name": "stars", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 5 } },
          { "name": "q", "in": "query", "schema": { "type": "string", "minLength": \#(ReviewListQuery.searchLength.lowerBound), "maxLength": \#(ReviewListQuery.searchLength.upperBound) } },
          { "name": "sort", "in": "query", "schema": { "type": "string", "enum": [\#(quoted(ReviewSort.allCases.map(\.rawValue)))] } },
          { "name": "cursor", "in": "query", "schema": { "type": "string" }, "description": "next_cursor of the previous page" },
          { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": \#(ReviewListQuery.largestPage) } }],
        "responses": { "200": { "description": "A page of reviews", "content": { "application/json": { "schema": { "type": "object", "required": ["reviews"], "properties": {
          "reviews": { "type": "array", "items": { "$ref": "#/components/schemas/Review" } }, "next_cursor": { "type": "string" } } } } } }, "400": \#(problem), "404": \#(problem), "422": \#(problem) }
      }
    },
    "/api/users/{id}/rating": {
      "get": {
        "operationId": "getMemberRating", "tags": ["reviews"],
        "summary": "A member's rating from their published reviews: count, weighted mean, the displayed (Bayesian) rating, the Wilson lower bound, reviews per star, sub-ratings and a twelve-month trend",
        "parameters": [\#(idParameter)],
        "responses": { "200": { "description": "The rating", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Rating" } } } }, "400": \#(problem), "404": \#(problem), "422": \#(problem) }
      }
    },
    """#

    static let projectReviewsResponse = ##"{ "description": "The project's reviews as the asker may read them", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ProjectReviews" } } } }"##

    static let reviewSchemas = #"""
    "ReviewInput": {
      "type": "object", "additionalProperties": false, "required": ["rating"],
      "properties": {
        "rating": { "type": "integer", "minimum": 1, "maximum": 5 },
        "sub_ratings": { "type": "object", "additionalProperties": false, "properties": {
          \#(SubRating.allCases.map { #""\#($0.rawValue)": { "type": "integer", "minimum": 1, "maximum": 5 }"# }.joined(separator: ", ")) } },
        "comment": \#(multiline(maximumLength: ReviewDraft.commentLength.upperBound)),
        "private_feedback": \#(multiline(maximumLength: ReviewDraft.privateFeedbackLength.upperBound))
      }
    },
    "ReviewAnswer": {
      "type": "object", "required": ["body", "created_at"],
      "properties": { "body": { "type": "string" }, "created_at": { "type": "string", "format": "date-time" } }
    },
    "Review": {
      "type": "object", "required": ["id", "project_id", "direction", "rating", "sub_ratings", "comment", "status", "created_at"],
      "properties": {
        "id": { "type": "integer" }, "project_id": { "type": "integer" },
        "direction": { "type": "string", "enum": [\#(quoted(ReviewDirection.allCases.map(\.rawValue)))] },
        "rating": { "type": "integer", "minimum": 1, "maximum": 5 },
        "sub_ratings": { "type": "object", "additionalProperties": { "type": "integer" } },
        "comment": { "type": "string" },
        "status": { "type": "string", "enum": [\#(quoted(ReviewStatus.allCases.map(\.rawValue)))], "description": "Its author sees a review held for moderation as pending" },
        "created_at": { "type": "string", "format": "date-time" }, "published_at": { "type": "string", "format": "date-time" },
        "private_feedback": { "type": "string", "description": "Only to its author" },
        "reviewer": { "type": "object", "required": ["name"], "properties": { "name": { "type": "string" }, "country": { "type": "string" } } },
        "project_title": { "type": "string" },
        "response": { "$ref": "#/components/schemas/ReviewAnswer" }
      }
    },
    "ProjectReviews": {
      "type": "object", "required": ["theirs_written", "can_review"],
      "properties": {
        "mine": { "$ref": "#/components/schemas/Review" }, "theirs": { "$ref": "#/components/schemas/Review" },
        "theirs_written": { "type": "boolean" }, "can_review": { "type": "boolean" },
        "reason": { "type": "string", "description": "Why the asker may not review now" },
        "closes_at": { "type": "string", "format": "date-time" }
      }
    },
    "Rating": {
      "type": "object", "required": ["count", "distribution", "sub_ratings", "trend"],
      "properties": {
        "count": { "type": "integer" }, "average": { "type": "number" }, "displayed": { "type": "number" }, "lower_bound": { "type": "number" },
        "distribution": { "type": "array", "minItems": 5, "maxItems": 5, "items": { "type": "integer" }, "description": "Reviews per star, one star first" },
        "sub_ratings": { "type": "object", "additionalProperties": { "type": "number" } },
        "trend": { "type": "array", "items": { "type": "object", "required": ["month", "count"], "properties": {
          "month": { "type": "string" }, "count": { "type": "integer" }, "average": { "type": "number" } } } }
      }
    },
    """#
}
