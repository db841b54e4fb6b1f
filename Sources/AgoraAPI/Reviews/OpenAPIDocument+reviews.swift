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
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["body"], "properties": { "body": \#(multiline(length: ReviewDraft.answerLength)) } } } } },
        "responses": { "201": { "description": "The answer", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ReviewAnswer" } } } }, "400": \#(problem), "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem), "415": \#(problem), "422": \#(problem) }
      }
    },
    "/api/reviews/{id}/report": {
      "post": {
        "operationId": "reportReview", "tags": ["reviews"], "security": [{ "bearer": [] }],
        "summary": "A member reports a published review (not their own), once; moderators decide",
        "parameters": [\#(idParameter)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["reason"], "properties": {
          "reason": { "type": "string", "enum": [\#(quoted(ReviewReportReason.allCases.map(\.rawValue)))] }, "note": \#(multiline(maximumLength: ReviewReportReason.noteLength.upperBound)) } } } } },
        "responses": { "202": { "description": "Reported" }, "400": \#(problem), "401": \#(problem), "404": \#(problem), "409": \#(problem), "415": \#(problem), "422": \#(problem) }
      }
    },
    "/api/reviews/{id}/appeal": {
      "post": {
        "operationId": "appealReview", "tags": ["reviews"], "security": [{ "bearer": [] }],
        "summary": "The member reviewed appeals against a published review of them, once; a moderator decides and they are told",
        "parameters": [\#(idParameter)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["reason"], "properties": {
          "reason": \#(multiline(length: ReviewAppeal.reasonLength)) } } } } },
        "responses": { "202": { "description": "Appealed" }, "400": \#(problem), "401": \#(problem), "404": \#(problem), "409": \#(problem), "415": \#(problem), "422": \#(problem) }
      }
    },
    "/api/admin/reviews": {
      "get": {
        "operationId": "listReviewQueue", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Moderators (moderation.decide): reviews held for their fraud signals, reported, or appealed, oldest first",
        "parameters": [{ "name": "queue", "in": "query", "schema": { "type": "string", "enum": [\#(quoted(ReviewQueue.allCases.map(\.rawValue)))] } },
          { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 100 } }],
        "responses": { "200": { "description": "The queue", "content": { "application/json": { "schema": { "type": "object", "required": ["queue", "reviews"], "properties": {
          "queue": { "type": "string" }, "reviews": { "type": "array", "items": { "$ref": "#/components/schemas/ReviewCase" } } } } } } }, "400": \#(problem), "401": \#(problem), "403": \#(problem), "422": \#(problem) }
      }
    },
    \#(ReviewModeration.allCases.map { decision in #"""
    "/api/admin/reviews/{id}/\#(decision.rawValue)": {
      "post": {
        "operationId": "\#(decision.rawValue)Review", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Moderators (moderation.decide): \#(decision.summary), with a reason; audited",
        "parameters": [\#(idParameter)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["reason"], "properties": {
          "reason": \#(multiline(length: ReviewModeration.reasonLength)) } } } } },
        "responses": { "200": { "description": "The review decided", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ReviewCase" } } } }, "400": \#(problem), "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem), "415": \#(problem), "422": \#(problem) }
      }
    },
    """# }.joined())
    "/api/users/{id}/reviews": {
      "get": {
        "operationId": "listMemberReviews", "tags": ["reviews"],
        "summary": "A member's published reviews, for anyone",
        "parameters": [\#(idParameter),
          { "name": "stars", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 5 } },
          { "name": "q", "in": "query", "schema": { "type": "string", "minLength": \#(ReviewListQuery.searchLength.lowerBound), "maxLength": \#(ReviewListQuery.searchLength.upperBound) } },
          { "name": "sort", "in": "query", "schema": { "type": "string", "enum": [\#(quoted(ReviewSort.allCases.map(\.rawValue)))] } },
          { "name": "cursor", "in": "query", "schema": { "type": "string", "pattern": "^[0-9]{1,9}$" }, "description": "next_cursor of the previous page" },
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
    "ReviewCase": {
      "type": "object", "required": ["review", "reviewee_id", "fraud_score", "signals", "reports"],
      "properties": {
        "review": { "$ref": "#/components/schemas/Review" }, "reviewer_id": { "type": "integer" }, "reviewee_id": { "type": "integer" },
        "fraud_score": { "type": "integer" },
        "signals": { "type": "array", "items": { "type": "object", "required": ["kind", "points", "explanation"], "properties": {
          "kind": { "type": "string", "enum": [\#(quoted(ReviewSignalKind.allCases.map(\.rawValue)))] }, "points": { "type": "integer" }, "explanation": { "type": "string" } } } },
        "moderation_reason": { "type": "string" },
        "reports": { "type": "array", "items": { "type": "object", "required": ["reporter_id", "reason", "note", "status", "created_at"], "properties": {
          "reporter_id": { "type": "integer" }, "reason": { "type": "string" }, "note": { "type": "string" },
          "status": { "type": "string", "enum": [\#(quoted(ReviewClaimStatus.allCases.map(\.rawValue)))] }, "created_at": { "type": "string", "format": "date-time" } } } },
        "appeal": { "type": "object", "required": ["appellant_id", "reason", "status", "created_at"], "properties": {
          "appellant_id": { "type": "integer" }, "reason": { "type": "string" },
          "status": { "type": "string", "enum": [\#(quoted(ReviewClaimStatus.allCases.map(\.rawValue)))] }, "decision_note": { "type": "string" },
          "created_at": { "type": "string", "format": "date-time" } } }
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
