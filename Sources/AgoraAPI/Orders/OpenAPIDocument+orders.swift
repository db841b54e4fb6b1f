import AgoraDomain
import AgoraStore

extension OpenAPIDocument {
    /// Orders, proposals, the provider inbox and routing. An order or proposal the asker may not see
    /// answers 404; a move the status does not allow answers 409 with `urn:agora:problem:invalid-transition`.
    static let orderPaths = #"""
    "/api/orders": {
      "post": {
        "operationId": "createOrder", "tags": ["orders"], "security": [{ "bearer": [] }],
        "summary": "Clients: post an order (open at once and offered to matching providers, or a draft with draft: true); the confirmation email and notification are queued with it",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "allOf": [{ "$ref": "#/components/schemas/OrderInput" }, { "type": "object", "properties": { "draft": { "type": "boolean", "default": false }, "invite": { "type": "array", "maxItems": \#(OrderRepository.maximumInvited), "description": "Providers' account ids the order is also offered to (Quick request); told when it opens", "items": \#(wholeNumber(minimum: 1)) } } }] } } } },
        "responses": { "201": \#(orderResponse), "401": \#(problem), "403": \#(problem), "422": \#(problem), "429": \#(problem) }
      },
      "get": {
        "operationId": "listMyOrders", "tags": ["orders"], "security": [{ "bearer": [] }], "summary": "The signed-in client's orders, newest first",
        "parameters": [
          { "name": "status", "in": "query", "description": "Comma-separated statuses", "schema": { "type": "string" } },
          { "name": "reference", "in": "query", "description": "One order's reference as typed (case, dashes, O/0 and I/L/1 forgiven); a mistyped one is a 400 naming it", "schema": { "type": "string" } },
          \#(pageParameters)
        ],
        "responses": { "200": \#(orderListResponse), "400": \#(problem), "401": \#(problem) }
      }
    },
    "/api/orders/open": {
      "get": {
        "operationId": "listOpenOrders", "tags": ["orders"], "security": [{ "bearer": [] }], "summary": "Providers: open public orders, newest first, optionally in a category and its subcategories",
        "parameters": [{ "name": "category", "in": "query", "schema": { "type": "string" } }, \#(pageParameters)],
        "responses": { "200": \#(orderListResponse), "400": \#(problem), "401": \#(problem), "403": \#(problem) }
      }
    },
    "/api/orders/inbox": {
      "get": {
        "operationId": "getProviderInbox", "tags": ["orders"], "security": [{ "bearer": [] }], "summary": "Providers: the orders offered to them and the orders they proposed on, newest first",
        "parameters": [\#(pageParameters)],
        "responses": { "200": { "description": "Inbox", "content": { "application/json": { "schema": { "type": "object", "required": ["entries"], "properties": { "entries": { "type": "array", "items": { "type": "object", "required": ["order"], "properties": { "order": { "$ref": "#/components/schemas/Order" }, "offered_at": { "type": "string", "format": "date-time" }, "reason": { "type": "string" }, "viewed_at": { "type": "string", "format": "date-time" }, "proposal_id": { "type": "integer" }, "proposal_status": { "type": "string" } } } }, "next_before": { "type": "integer" } } } } } }, "400": \#(problem), "401": \#(problem), "403": \#(problem) }
      }
    },
    "/api/orders/{id}": {
      "get": {
        "parameters": [\#(idParameter)], "operationId": "getOrder", "tags": ["orders"], "security": [{ "bearer": [] }],
        "summary": "One order, for its client, administrators, providers it was offered to or who proposed, and any provider while it is open and public; the history only for its client and administrators",
        "responses": { "200": \#(orderResponse), "401": \#(problem), "404": \#(problem) }
      },
      "patch": {
        "parameters": [\#(idParameter)], "operationId": "updateOrder", "tags": ["orders"], "security": [{ "bearer": [] }],
        "summary": "The client changes any field while the order is a draft or open (each change is in the history); the currency is fixed once proposals are open",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/OrderInput" } } } },
        "responses": { "200": \#(orderResponse), "401": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem) }
      }
    },
    "/api/orders/{id}/publish": {
      "post": {
        "parameters": [\#(idParameter)], "operationId": "publishOrder", "tags": ["orders"], "security": [{ "bearer": [] }], "summary": "The client opens a draft; it is offered to matching providers",
        "responses": { "200": \#(orderResponse), "401": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem) }
      }
    },
    "/api/orders/{id}/cancel": {
      "post": {
        "parameters": [\#(idParameter)], "operationId": "cancelOrder", "tags": ["orders"], "security": [{ "bearer": [] }], "summary": "The client cancels a draft or open order; open proposals on it are closed and their providers told",
        "responses": { "200": \#(orderResponse), "401": \#(problem), "404": \#(problem), "409": \#(problem) }
      }
    },
    "/api/orders/{id}/proposals": {
      "post": {
        "parameters": [\#(idParameter)], "operationId": "submitProposal", "tags": ["proposals"], "security": [{ "bearer": [] }],
        "summary": "Providers: propose on an open order they may see (one open proposal per order), in the order's currency",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/TermsInput" } } } },
        "responses": { "201": \#(proposalResponse), "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem), "429": \#(problem) }
      },
      "get": {
        "parameters": [\#(idParameter), { "name": "sort", "in": "query", "schema": { "type": "string", "enum": [\#(quoted(ProposalSort.allCases.map(\.rawValue)))], "default": "newest" } }],
        "operationId": "listProposals", "tags": ["proposals"], "security": [{ "bearer": [] }],
        "summary": "The order's client: every proposal with the provider's rating, completed projects and response time, for comparison; a provider: their own",
        "responses": { "200": { "description": "Proposals", "content": { "application/json": { "schema": { "type": "object", "required": ["proposals"], "properties": { "proposals": { "type": "array", "items": { "$ref": "#/components/schemas/Proposal" } } } } } } }, "400": \#(problem), "401": \#(problem), "404": \#(problem) }
      }
    },
    "/api/orders/{id}/files": {
      "post": {
        "parameters": [\#(idParameter)], "operationId": "attachOrderFile", "tags": ["orders"], "security": [{ "bearer": [] }],
        "summary": "The client attaches one file (multipart/form-data, one part named file; at most \#(OrderFileRoutes.maximumBytes / 1_048_576) MB, \#(OrderFileRepository.maximumPerOrder) per order) to a draft or open order; its type is read from its content: \#(AttachmentType.described)",
        "requestBody": { "required": true, "content": { "multipart/form-data": { "schema": { "type": "object", "required": ["file"], "properties": { "file": { "type": "string", "format": "binary" } } } } } },
        "responses": { "201": { "description": "Attached", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/OrderFile" } } } }, "400": \#(problem), "401": \#(problem), "404": \#(problem), "409": \#(problem), "413": \#(problem), "415": \#(problem), "422": \#(problem), "429": \#(problem) }
      }
    },
    "/api/orders/{id}/files/{fileId}": {
      "get": {
        "parameters": [\#(idParameter), { "name": "fileId", "in": "path", "required": true, "schema": { "type": "integer" } }],
        "operationId": "downloadOrderFile", "tags": ["orders"], "security": [{ "bearer": [] }], "summary": "Download a file, streamed, for anyone who may see the order (always as an attachment)",
        "responses": { "200": { "description": "The file", "content": { "application/octet-stream": {} } }, "401": \#(problem), "404": \#(problem) }
      },
      "delete": {
        "parameters": [\#(idParameter), { "name": "fileId", "in": "path", "required": true, "schema": { "type": "integer" } }],
        "operationId": "removeOrderFile", "tags": ["orders"], "security": [{ "bearer": [] }], "summary": "The client removes a file from a draft or open order",
        "responses": { "204": { "description": "Removed" }, "401": \#(problem), "404": \#(problem), "409": \#(problem) }
      }
    },
    "/api/proposals/{id}": {
      "get": {
        "parameters": [\#(idParameter)], "operationId": "getProposal", "tags": ["proposals"], "security": [{ "bearer": [] }], "summary": "A proposal with every step of its negotiation, for its provider and the order's client",
        "responses": { "200": \#(proposalResponse), "401": \#(problem), "404": \#(problem) }
      }
    },
    "/api/proposals/{id}/counter": {
      "post": {
        "parameters": [\#(idParameter)], "operationId": "counterProposal", "tags": ["proposals"], "security": [{ "bearer": [] }], "summary": "The client's counter-offer on a submitted or revised proposal",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/TermsInput" } } } },
        "responses": { "200": \#(proposalResponse), "401": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem) }
      }
    },
    "/api/proposals/{id}/revise": {
      "post": {
        "parameters": [\#(idParameter)], "operationId": "reviseProposal", "tags": ["proposals"], "security": [{ "bearer": [] }], "summary": "The provider's new terms, in answer to a counter-offer or on their own",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/TermsInput" } } } },
        "responses": { "200": \#(proposalResponse), "401": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem) }
      }
    },
    "/api/proposals/{id}/withdraw": {
      "post": {
        "parameters": [\#(idParameter)], "operationId": "withdrawProposal", "tags": ["proposals"], "security": [{ "bearer": [] }], "summary": "The provider withdraws an open proposal",
        "responses": { "200": \#(proposalResponse), "401": \#(problem), "404": \#(problem), "409": \#(problem) }
      }
    },
    "/api/proposals/{id}/reject": {
      "post": {
        "parameters": [\#(idParameter)], "operationId": "rejectProposal", "tags": ["proposals"], "security": [{ "bearer": [] }], "summary": "The client declines an open proposal",
        "responses": { "200": \#(proposalResponse), "401": \#(problem), "404": \#(problem), "409": \#(problem) }
      }
    },
    "/api/proposals/{id}/accept": {
      "post": {
        "parameters": [\#(idParameter)], "operationId": "acceptProposal", "tags": ["proposals"], "security": [{ "bearer": [] }],
        "summary": "The client accepts a submitted or revised proposal: in one transaction it is accepted, the other open ones rejected and their providers told, the order awarded and the project created",
        "responses": { "200": { "description": "Accepted", "content": { "application/json": { "schema": { "type": "object", "required": ["proposal", "order", "project", "rejected_proposals"], "properties": { "proposal": { "$ref": "#/components/schemas/Proposal" }, "order": { "$ref": "#/components/schemas/Order" }, "project": { "type": "object", "required": ["id", "title", "status", "agreed_price", "deadline"], "properties": { "id": { "type": "integer" }, "title": { "type": "string" }, "status": { "type": "string" }, "agreed_price": { "$ref": "#/components/schemas/Money" }, "deadline": { "type": "string", "format": "date-time" } } }, "rejected_proposals": { "type": "integer" } } } } } }, "401": \#(problem), "404": \#(problem), "409": \#(problem) }
      }
    },
    "/api/admin/orders": {
      "get": {
        "operationId": "searchOrdersForAdmin", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Staff with orders.route: every order, newest first, by status, reference or words of the title",
        "parameters": [
          { "name": "status", "in": "query", "description": "Comma-separated: \#(OrderStatus.allCases.map(\.rawValue).joined(separator: ", "))", "schema": { "type": "string" } },
          { "name": "q", "in": "query", "schema": { "type": "string", "maxLength": 200 } },
          { "name": "reference", "in": "query", "schema": { "type": "string" } },
          \#(pageParameters)
        ],
        "responses": { "200": \#(orderListResponse), "400": \#(problem), "401": \#(problem), "403": \#(problem) }
      }
    },
    "/api/admin/orders/{id}/routes": {
      "get": {
        "parameters": [\#(idParameter)], "operationId": "listOrderRoutes", "tags": ["admin"], "security": [{ "bearer": [] }], "summary": "Administrators: who the order was offered to (score, reason, viewed, expired, proposal) and the figures of each batch",
        "responses": { "200": \#(routesResponse), "401": \#(problem), "403": \#(problem), "404": \#(problem) }
      },
      "post": {
        "parameters": [\#(idParameter)], "operationId": "addOrderRoute", "tags": ["admin"], "security": [{ "bearer": [] }], "summary": "Administrators: offer an open order to one more provider, who is notified",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["provider_id"], "properties": { "provider_id": { "type": "integer" } } } } } },
        "responses": { "201": \#(routesResponse), "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem), "422": \#(problem) }
      }
    },
    "/api/admin/orders/{id}/routes/{providerId}": {
      "delete": {
        "parameters": [\#(idParameter), { "name": "providerId", "in": "path", "required": true, "schema": { "type": "integer" } }],
        "operationId": "removeOrderRoute", "tags": ["admin"], "security": [{ "bearer": [] }], "summary": "Administrators: withdraw an offer (routing does not offer the order to that provider again)",
        "responses": { "204": { "description": "Withdrawn" }, "401": \#(problem), "403": \#(problem), "404": \#(problem) }
      }
    },
    """#

    static let idParameter = ##"{ "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } }"##
    private static let pageParameters = ##"""
    { "name": "before", "in": "query", "description": "next_before of the previous page", "schema": { "type": "integer", "minimum": 1 } },
    { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 100, "default": 20 } }
    """##
    private static let orderResponse = ##"{ "description": "The order", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Order" } } } }"##
    private static let orderListResponse = ##"{ "description": "A page of orders", "content": { "application/json": { "schema": { "type": "object", "required": ["orders"], "properties": { "orders": { "type": "array", "items": { "$ref": "#/components/schemas/Order" } }, "next_before": { "type": "integer" } } } } } }"##
    private static let proposalResponse = ##"{ "description": "The proposal", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Proposal" } } } }"##
    private static let routesResponse = ##"{ "description": "Routes and batch figures", "content": { "application/json": { "schema": { "type": "object", "required": ["routes", "batches"], "properties": { "routes": { "type": "array", "items": { "type": "object" } }, "batches": { "type": "array", "items": { "type": "object", "required": ["batch", "offered", "viewed", "proposals"], "properties": { "batch": { "type": "integer" }, "offered": { "type": "integer" }, "viewed": { "type": "integer" }, "proposals": { "type": "integer" } } } } } } } } }"##

    static let orderSchemas = #"""
    "OrderInput": {
      "type": "object", "additionalProperties": true,
      "description": "Amounts are in major units, as a string or a number (1500, \"2500.50\"); deadline is a local date and time (or a date: end of that day) in time_zone, in the future and at most two years ahead",
      "properties": {
        "title": { "type": "string", "minLength": \#(OrderDetails.titleLength.lowerBound), "maxLength": \#(OrderDetails.titleLength.upperBound) },
        "description": { "type": "string", "description": "Markdown", "minLength": \#(OrderDetails.descriptionLength.lowerBound), "maxLength": \#(OrderDetails.descriptionLength.upperBound) },
        "category_id": \#(wholeNumber(minimum: 1)),
        "budget_min": { "type": ["string", "number"] }, "budget_max": { "type": ["string", "number"] },
        "currency": { "type": "string", "enum": [\#(quoted(CurrencyCode.supported.sorted()))] },
        "deadline": { "type": "string", "examples": ["2027-01-15T17:00"] }, "time_zone": { "type": "string", "examples": ["Europe/Paris"] },
        "priority": { "type": "string", "enum": [\#(quoted(OrderPriority.allCases.map(\.rawValue)))], "default": "normal" },
        "visibility": { "type": "string", "enum": [\#(quoted(OrderVisibility.allCases.map(\.rawValue)))], "default": "public" },
        "location": { "type": "string", "enum": [\#(quoted(LocationPreference.kinds))], "default": "remote" },
        "country": { "type": "string" }, "latitude": { "type": "number" }, "longitude": { "type": "number" }, "radius_km": { "type": "number" },
        "skills": { "type": "array", "maxItems": \#(OrderDetails.maximumSkills), "items": { "type": "string" } },
        "requirements": { "type": "array", "maxItems": \#(OrderDetails.maximumRequirements), "items": { "type": "string" } }
      }
    },
    "Order": {
      "type": "object", "required": ["id", "reference_number", "status", "title", "description", "description_html", "category", "budget", "deadline", "priority", "visibility", "location", "skills", "requirements", "created_at", "updated_at", "under_review"],
      "properties": {
        "under_review": { "type": "boolean", "description": "Moderation holds it: only its client and staff see it" },
        "id": { "type": "integer" }, "reference_number": { "type": "string", "examples": ["AG-7K3F-9Q2M"] }, "url": { "type": "string" },
        "status": { "type": "string", "enum": [\#(quoted(OrderStatus.allCases.map(\.rawValue)))] },
        "title": { "type": "string" }, "description": { "type": "string" }, "description_html": { "type": "string" },
        "category": { "type": "object", "properties": { "id": { "type": "integer" }, "name": { "type": "string" }, "slug": { "type": "string" } } },
        "budget": { "type": "object", "properties": { "min": { "$ref": "#/components/schemas/Money" }, "max": { "$ref": "#/components/schemas/Money" } } },
        "deadline": { "type": "object", "properties": { "at": { "type": "string", "format": "date-time" }, "local": { "type": "string" }, "time_zone": { "type": "string" } } },
        "priority": { "type": "string" }, "visibility": { "type": "string" },
        "location": { "type": "object", "properties": { "kind": { "type": "string" }, "country": { "type": "string" }, "latitude": { "type": "number" }, "longitude": { "type": "number" }, "radius_km": { "type": "number" } } },
        "skills": { "type": "array", "items": { "type": "string" } }, "requirements": { "type": "array", "items": { "type": "string" } },
        "proposal_count": { "type": "integer" },
        "files": { "type": "array", "items": { "$ref": "#/components/schemas/OrderFile" } },
        "client": { "$ref": "#/components/schemas/ClientIdentity" },
        "project_url": { "type": "string", "description": "The page of the project the order became; only for the project's two members" },
        "events": { "type": "array", "items": { "type": "object", "properties": { "kind": { "type": "string" }, "actor_id": { "type": "integer" }, "detail": { "type": "object" }, "at": { "type": "string", "format": "date-time" } } } },
        "created_at": { "type": "string", "format": "date-time" }, "updated_at": { "type": "string", "format": "date-time" }, "published_at": { "type": "string", "format": "date-time" }
      }
    },
    "OrderFile": {
      "type": "object", "required": ["id", "file_name", "media_type", "byte_size", "sha256", "url", "created_at"],
      "properties": { "id": { "type": "integer" }, "file_name": { "type": "string" }, "media_type": { "type": "string" }, "byte_size": { "type": "integer" }, "sha256": { "type": "string" }, "url": { "type": "string" }, "created_at": { "type": "string", "format": "date-time" } }
    },
    "TermsInput": {
      "type": "object", "additionalProperties": false, "required": ["message", "timeline_days"],
      "description": "Fixed-price work (billing fixed, the default) sends a price; hourly work (billing hourly) an hourly_rate and weekly_limit_hours, and no milestones",
      "properties": {
        "message": { "type": "string", "minLength": \#(ProposalTerms.messageLength.lowerBound), "maxLength": \#(ProposalTerms.messageLength.upperBound) },
        "billing": { "type": "string", "enum": [\#(quoted(Billing.Kind.allCases.map(\.rawValue)))] },
        "price": { "type": ["string", "number"] }, "currency": { "type": "string", "description": "Optional; must be the order's" },
        "hourly_rate": { "type": ["string", "number"] },
        "weekly_limit_hours": { "type": "integer", "minimum": \#(HourlyRules.weeklyLimitHours.lowerBound), "maximum": \#(HourlyRules.weeklyLimitHours.upperBound) },
        "timeline_days": { "type": "integer", "minimum": 1, "maximum": \#(ProposalTerms.timelineDays.upperBound) },
        "milestones": { "type": "array", "maxItems": \#(ProposalTerms.maximumMilestones), "description": "Amounts add up to the price; due days rise to at most the timeline", "items": { "type": "object", "required": ["title", "amount", "due_in_days"], "properties": { "title": { "type": "string" }, "amount": { "type": ["string", "number"] }, "due_in_days": { "type": "integer" } } } }
      }
    },
    "Proposal": {
      "type": "object", "required": ["id", "order_id", "provider_id", "status", "terms", "revision_count", "created_at", "updated_at"],
      "properties": {
        "id": { "type": "integer" }, "order_id": { "type": "integer" }, "provider_id": { "type": "integer" },
        "status": { "type": "string", "enum": [\#(quoted(ProposalStatus.allCases.map(\.rawValue)))] },
        "terms": { "$ref": "#/components/schemas/Terms" }, "revision_count": { "type": "integer" },
        "provider": { "type": "object", "properties": { "id": { "type": "integer" }, "name": { "type": "string" }, "url": { "type": "string" }, "photo_url": { "type": "string" }, "rating": { "type": "object" }, "completed_projects": { "type": "integer" }, "response_time_minutes": { "type": "integer" } } },
        "revisions": { "type": "array", "items": { "type": "object", "properties": { "number": { "type": "integer" }, "party": { "type": "string", "enum": ["client", "provider"] }, "terms": { "$ref": "#/components/schemas/Terms" }, "at": { "type": "string", "format": "date-time" } } } },
        "created_at": { "type": "string", "format": "date-time" }, "updated_at": { "type": "string", "format": "date-time" }
      }
    },
    "Terms": {
      "type": "object", "required": ["message", "billing", "timeline_days", "milestones"],
      "properties": { "message": { "type": "string" }, "billing": { "type": "string", "enum": [\#(quoted(Billing.Kind.allCases.map(\.rawValue)))] }, "price": { "$ref": "#/components/schemas/Money" }, "hourly_rate": { "$ref": "#/components/schemas/Money" }, "weekly_limit_hours": { "type": "integer" }, "timeline_days": { "type": "integer" }, "milestones": { "type": "array", "items": { "type": "object", "properties": { "title": { "type": "string" }, "amount": { "$ref": "#/components/schemas/Money" }, "due_in_days": { "type": "integer" } } } } }
    },
    """#
}
