import AgoraDomain

extension OpenAPIDocument {
    /// Money into and out of escrow. Every money-moving POST needs an `Idempotency-Key`; a milestone or payment of
    /// someone else's project answers 404, a step the rules refuse 409.
    static let paymentPaths = #"""
    "/api/milestones/{id}/fund": {
      "post": {
        "operationId": "fundMilestone", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "The client opens the payment that funds a pending milestone: its amount plus the client's service fee (the one already waiting when there is one)",
        "parameters": [\#(idParameter), \#(idempotencyKeyHeader)],
        "responses": { "201": \#(paymentResponse), "400": \#(problem), "401": \#(problem), "404": \#(problem), "409": \#(problem) }
      }
    },
    "/api/milestones/{id}/release": {
      "post": {
        "operationId": "releaseEscrow", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "The client releases part of a milestone's escrow (all that is held when no amount is sent) to the provider, less the platform's commission",
        "parameters": [\#(idParameter), \#(idempotencyKeyHeader)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/EscrowMovementInput" } } } },
        "responses": { "200": \#(projectResponse), "400": \#(problem), "401": \#(problem), "404": \#(problem), "409": \#(problem), "415": \#(problem), "422": \#(problem) }
      }
    },
    "/api/payments": {
      "get": {
        "operationId": "listPayments", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "The payments the asker made or is paid by, newest first",
        "parameters": [{ "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 100, "default": 20 } }],
        "responses": { "200": { "description": "The payments", "content": { "application/json": { "schema": { "type": "object", "required": ["payments"], "properties": { "payments": { "type": "array", "items": { "$ref": "#/components/schemas/Payment" } } } } } } }, "400": \#(problem), "401": \#(problem) }
      }
    },
    "/api/payments/{id}": {
      "get": {
        "operationId": "showPayment", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "One payment, to its payer and the project's provider",
        "parameters": [\#(idParameter)],
        "responses": { "200": \#(paymentResponse), "401": \#(problem), "404": \#(problem) }
      }
    },
    "/api/payments/{id}/confirm": {
      "post": {
        "operationId": "confirmPayment", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "The payer confirms with a card (its fields for the local processor, which takes its test cards only; processor_method_id, the payment method Stripe.js made, for Stripe), or one of their saved cards (payment_method_id): succeeded funds the milestone; requires_action waits for the card's authentication (next_action); a decline leaves it open with the failure",
        "parameters": [\#(idParameter), \#(idempotencyKeyHeader)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ConfirmPaymentInput" } } } },
        "responses": { "200": \#(paymentResponse), "400": \#(problem), "401": \#(problem), "404": \#(problem), "409": \#(problem), "415": \#(problem), "422": \#(problem) }
      }
    },
    "/api/payment-methods": {
      "get": {
        "operationId": "listPaymentMethods", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "The asker's saved cards, the default (charged when nobody chooses) first, then the newest",
        "responses": { "200": { "description": "The cards", "content": { "application/json": { "schema": { "type": "object", "required": ["payment_methods"], "properties": {
          "payment_methods": { "type": "array", "items": { "$ref": "#/components/schemas/PaymentMethod" } } } } } } }, "401": \#(problem) }
      },
      "post": {
        "operationId": "savePaymentMethod", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "Saves a card with the processor for later charges (the first, or one sent with default true, becomes the default); a card the processor will not save is a 422 on its field",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "oneOf": [
          { "allOf": [{ "$ref": "#/components/schemas/CardInput" }], "properties": { "default": { "type": "boolean" } } },
          { "allOf": [{ "$ref": "#/components/schemas/ProcessorCardInput" }], "properties": { "default": { "type": "boolean" } } } ] } } } },
        "responses": { "201": { "description": "The saved card", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PaymentMethod" } } } },
          "400": \#(problem), "401": \#(problem), "415": \#(problem), "422": \#(problem) }
      }
    },
    "/api/payment-methods/setup": {
      "post": {
        "operationId": "setUpCard", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "With Stripe: a setup intent of the asker's Stripe customer, whose client secret Stripe.js confirms a new card with (confirmCardSetup) before it is saved or paid with; 409 with the local processor, whose checkout sends the card's fields",
        "responses": { "201": { "description": "The setup", "content": { "application/json": { "schema": { "type": "object", "required": ["client_secret"], "properties": {
          "client_secret": { "type": "string" } } } } } }, "401": \#(problem), "409": \#(problem), "502": \#(problem) }
      }
    },
    "/api/subscriptions": {
      "get": {
        "operationId": "showSubscription", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "The plans (Free, Pro) with their monthly price and perks as the settings say now, the asker's plan, their newest subscription and their invoices",
        "responses": { "200": \#(subscriptionOverview), "401": \#(problem) }
      },
      "post": {
        "operationId": "changeSubscription", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "plan pro: a provider subscribes, the first month charged now to a saved card (payment_method_id, else the default; a decline is a 422 with its reason), or resumes a subscription ending with its month; plan free: the subscription ends with its paid month",
        "parameters": [\#(idempotencyKeyHeader)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["plan"], "properties": {
          "plan": { "type": "string", "enum": [\#(quoted(SubscriptionPlan.allCases.map(\.rawValue)))] }, "payment_method_id": { "type": "integer" } } } } } },
        "responses": { "200": \#(subscriptionOverview), "400": \#(problem), "401": \#(problem), "409": \#(problem), "415": \#(problem), "422": \#(problem), "502": \#(problem) }
      }
    },
    "/api/payment-processor": {
      "get": {
        "operationId": "showPaymentProcessor", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "The processor the checkout pays through: local (the platform's card fields) or stripe, with the Stripe.js script and the publishable key",
        "responses": { "200": { "description": "The processor", "content": { "application/json": { "schema": { "type": "object", "required": ["kind"], "properties": {
          "kind": { "type": "string", "enum": [\#(quoted(PaymentProcessorKind.allCases.map(\.rawValue)))] },
          "script_url": { "type": "string" }, "publishable_key": { "type": "string" } } } } } }, "401": \#(problem) }
      }
    },
    "/api/webhooks/stripe": {
      "post": {
        "operationId": "receiveStripeEvent", "tags": ["payments"],
        "summary": "Stripe's webhook (served only when Stripe is the processor): an event signed in Stripe-Signature (t and v1, 300 s tolerance), taken once by its id, in the transaction of its effect",
        "parameters": [{ "name": "Stripe-Signature", "in": "header", "required": true, "schema": { "type": "string" } }],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "required": ["id", "type", "data"] } } } },
        "responses": { "200": { "description": "Taken: applied now, recorded without effect, or replayed (taken before)", "content": { "application/json": { "schema": {
          "type": "object", "required": ["received", "handling"], "properties": { "received": { "type": "string" },
          "handling": { "type": "string", "enum": ["applied", "recorded", "replayed"] } } } } } },
          "400": \#(problem), "413": \#(problem) }
      }
    },
    "/api/payment-methods/{id}/default": {
      "post": {
        "operationId": "makePaymentMethodDefault", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "Makes one of the asker's saved cards the default",
        "parameters": [\#(idParameter)],
        "responses": { "200": { "description": "The card", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PaymentMethod" } } } }, "401": \#(problem), "404": \#(problem) }
      }
    },
    "/api/payment-methods/{id}": {
      "delete": {
        "operationId": "removePaymentMethod", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "Removes one of the asker's saved cards and detaches it at the processor (the newest left becomes the default)",
        "parameters": [\#(idParameter)],
        "responses": { "204": { "description": "Removed" }, "401": \#(problem), "404": \#(problem) }
      }
    },
    "/api/projects/{id}/week-payments": {
      "get": {
        "operationId": "listWeekPayments", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "The payments of an hourly project's weeks, newest first: charged to the client's default saved card when a week ends, held in escrow until it is approved, then released",
        "parameters": [\#(idParameter)],
        "responses": { "200": { "description": "The weeks' payments", "content": { "application/json": { "schema": { "type": "object", "required": ["week_payments"], "properties": {
          "week_payments": { "type": "array", "items": { "$ref": "#/components/schemas/WeekPayment" } } } } } } }, "401": \#(problem), "404": \#(problem) }
      }
    },
    "/api/projects/{id}/timesheets/{week}/pay": {
      "post": {
        "operationId": "payWeek", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "The client pays a week that has ended and is not paid (not charged yet, a declined card, no card saved) now, with one of their saved cards (the default when none is named)",
        "parameters": [\#(idParameter), \#(weekPath), \#(idempotencyKeyHeader)],
        "requestBody": { "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "properties": {
          "payment_method_id": { "type": "integer" } } } } } },
        "responses": { "200": { "description": "The week's payment: held or released when charged, due with the failure otherwise", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/WeekPayment" } } } },
          "400": \#(problem), "401": \#(problem), "404": \#(problem), "409": \#(problem), "415": \#(problem), "422": \#(problem) }
      }
    },
    "/api/payments/{id}/authenticate": {
      "post": {
        "operationId": "authenticatePayment", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "The payer answers the card's authentication step (3-D Secure) on the local processor's page",
        "parameters": [\#(idParameter), \#(idempotencyKeyHeader)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["completed"], "properties": { "completed": { "type": "boolean" } } } } } },
        "responses": { "200": \#(paymentResponse), "400": \#(problem), "401": \#(problem), "404": \#(problem), "409": \#(problem), "415": \#(problem), "422": \#(problem) }
      }
    },
    "/api/payments/{id}/refunds": {
      "post": {
        "operationId": "refundPayment", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "The provider refunds part of what is held (all of it when no amount is sent), with its share of the client's fee, paid back to the card",
        "parameters": [\#(idParameter), \#(idempotencyKeyHeader)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/EscrowMovementInput" } } } },
        "responses": { "201": { "description": "The refund", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Refund" } } } }, "400": \#(problem), "401": \#(problem), "404": \#(problem), "409": \#(problem), "415": \#(problem), "422": \#(problem) }
      }
    },
    "/api/wallet": {
      "get": {
        "operationId": "showWallet", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "The asker's money per currency: in escrow on their projects, released but on hold, available to pay out, paid out; the hold's days and the smallest payout",
        "responses": { "200": { "description": "The wallet", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Wallet" } } } }, "401": \#(problem) }
      }
    },
    "/api/payout-account": {
      "get": {
        "operationId": "showPayoutAccount", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "The bank account payouts go to (the IBAN masked); 404 before one is added",
        "responses": { "200": \#(payoutAccountResponse), "401": \#(problem), "404": \#(problem) }
      },
      "put": {
        "operationId": "savePayoutAccount", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "Adds or replaces the bank account payouts go to: an IBAN (its check digits must match), a BIC, the holder's name, and the schedule. A dangerous action: a sign-in older than the reauthentication window is refused (403 reauthentication-required) until POST /api/auth/reauthenticate; the holder is emailed each time",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PayoutAccountInput" } } } },
        "responses": { "200": \#(payoutAccountResponse), "401": \#(problem), "403": \#(problem), "415": \#(problem), "422": \#(problem) }
      }
    },
    "/api/payouts": {
      "get": {
        "operationId": "listPayouts", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "The asker's payouts, newest first",
        "parameters": [{ "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 100, "default": 20 } }],
        "responses": { "200": { "description": "The payouts", "content": { "application/json": { "schema": { "type": "object", "required": ["payouts"], "properties": { "payouts": { "type": "array", "items": { "$ref": "#/components/schemas/Payout" } } } } } } }, "400": \#(problem), "401": \#(problem) }
      },
      "post": {
        "operationId": "requestPayout", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "Pays out everything available in a currency (at least the smallest payout) to the payout account; a failed transfer gives the money back",
        "parameters": [\#(idempotencyKeyHeader)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["currency"], "properties": { "currency": { "type": "string", "enum": [\#(quoted(CurrencyCode.supported.sorted()))] } } } } } },
        "responses": { "201": { "description": "The payout", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Payout" } } } }, "400": \#(problem), "401": \#(problem), "409": \#(problem), "415": \#(problem), "422": \#(problem) }
      }
    },
    "/api/projects/{id}/disputes": {
      "post": {
        "operationId": "openDispute", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "A member disputes the money held for a milestone of an active or paused project: the project becomes disputed and its escrow freezes until an administrator decides",
        "parameters": [\#(idParameter)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/DisputeOpeningInput" } } } },
        "responses": { "201": \#(disputeResponse), "401": \#(problem), "404": \#(problem), "409": \#(problem), "415": \#(problem), "422": \#(problem) }
      },
      "get": {
        "operationId": "listProjectDisputes", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "A project's disputes, newest first",
        "parameters": [\#(idParameter)],
        "responses": { "200": \#(disputeListResponse), "401": \#(problem), "404": \#(problem) }
      }
    },
    "/api/disputes/{id}": {
      "get": {
        "operationId": "showDispute", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "A dispute with both sides' evidence and, once decided, the decision",
        "parameters": [\#(idParameter)],
        "responses": { "200": \#(disputeResponse), "401": \#(problem), "404": \#(problem) }
      }
    },
    "/api/disputes/{id}/evidence": {
      "post": {
        "operationId": "addDisputeEvidence", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "A member adds to their side of an open dispute",
        "parameters": [\#(idParameter)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["body"], "properties": { "body": { "type": "string", "minLength": \#(DisputeRules.evidenceLength.lowerBound), "maxLength": \#(DisputeRules.evidenceLength.upperBound) } } } } } },
        "responses": { "201": \#(disputeResponse), "401": \#(problem), "404": \#(problem), "409": \#(problem), "415": \#(problem), "422": \#(problem) }
      }
    },
    "/api/disputes/{id}/files": {
      "post": {
        "operationId": "attachDisputeFile", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "A member adds a file to their side of an open dispute (multipart/form-data, one part named file; at most \#(OrderFileLimits.maximumMegabytes) MB, \#(DisputeRules.maximumFiles) a dispute); its type is read from its content: \#(AttachmentType.described)",
        "parameters": [\#(idParameter)],
        "requestBody": { "required": true, "content": { "multipart/form-data": { "schema": { "type": "object", "required": ["file"], "properties": { "file": { "type": "string", "format": "binary" } } } } } },
        "responses": { "201": { "description": "Attached", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/DisputeFile" } } } }, "400": \#(problem), "401": \#(problem), "404": \#(problem), "409": \#(problem), "413": \#(problem), "415": \#(problem), "422": \#(problem), "429": \#(problem) }
      }
    },
    "/api/disputes/{id}/files/{fileId}": {
      "get": {
        "parameters": [\#(idParameter), { "name": "fileId", "in": "path", "required": true, "schema": { "type": "integer" } }],
        "operationId": "downloadDisputeFile", "tags": ["payments"], "security": [{ "bearer": [] }], "summary": "Download a file of a dispute's evidence, for the project's members; always as an attachment",
        "responses": { "200": { "description": "The file", "content": { "application/octet-stream": {} } }, "401": \#(problem), "404": \#(problem) }
      }
    },
    "/api/admin/disputes/{id}/files/{fileId}": {
      "get": {
        "parameters": [\#(idParameter), { "name": "fileId", "in": "path", "required": true, "schema": { "type": "integer" } }],
        "operationId": "adminDownloadDisputeFile", "tags": ["admin"], "security": [{ "bearer": [] }], "summary": "Download a file of any dispute's evidence (finance.resolve-dispute); always as an attachment",
        "responses": { "200": { "description": "The file", "content": { "application/octet-stream": {} } }, "401": \#(problem), "403": \#(problem), "404": \#(problem) }
      }
    },
    "/api/disputes/{id}/withdraw": {
      "post": {
        "operationId": "withdrawDispute", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "The member who opened an open dispute withdraws it: the project goes back to work, the money stays held",
        "parameters": [\#(idParameter)],
        "responses": { "200": \#(disputeResponse), "401": \#(problem), "404": \#(problem), "409": \#(problem) }
      }
    },
    "/api/admin/disputes": {
      "get": {
        "operationId": "adminListDisputes", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Disputes in a status (open by default), oldest first (finance.resolve-dispute)",
        "parameters": [
          { "name": "status", "in": "query", "schema": { "type": "string", "enum": [\#(quoted(DisputeStatus.allCases.map(\.rawValue)))] } },
          { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 100, "default": 20 } }
        ],
        "responses": { "200": \#(disputeListResponse), "400": \#(problem), "401": \#(problem), "403": \#(problem) }
      }
    },
    "/api/admin/disputes/{id}": {
      "get": {
        "operationId": "adminShowDispute", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Any dispute (finance.resolve-dispute)",
        "parameters": [\#(idParameter)],
        "responses": { "200": \#(disputeResponse), "401": \#(problem), "403": \#(problem), "404": \#(problem) }
      }
    },
    "/api/admin/disputes/{id}/resolve": {
      "post": {
        "operationId": "adminResolveDispute", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Decides an open dispute (finance.resolve-dispute): the provider's share of what is held released to them less commission, the rest refunded to the client; the milestone settled; the project back to work, completed, or ended (close_project); audited with the note",
        "parameters": [\#(idParameter), \#(idempotencyKeyHeader)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/DisputeDecisionInput" } } } },
        "responses": { "200": \#(disputeResponse), "400": \#(problem), "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem), "415": \#(problem), "422": \#(problem) }
      }
    },
    """#

    static let subscriptionOverview = ##"{ "description": "The plans and the asker's subscription", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SubscriptionOverview" } } } }"##

    static let paymentSchemas = #"""
    "SubscriptionOverview": {
      "type": "object", "required": ["plan", "plans", "invoices"],
      "properties": {
        "plan": { "type": "string", "enum": [\#(quoted(SubscriptionPlan.allCases.map(\.rawValue)))] },
        "plans": { "type": "array", "items": { "type": "object", "required": ["plan", "label", "monthly_price", "perks"], "properties": {
          "plan": { "type": "string" }, "label": { "type": "string" }, "monthly_price": { "$ref": "#/components/schemas/Money" },
          "perks": { "type": "array", "items": { "type": "string" } } } } },
        "subscription": { "type": "object", "required": ["id", "plan", "status", "price", "current_period_start", "current_period_end", "cancel_at_period_end"], "properties": {
          "id": { "type": "integer" }, "plan": { "type": "string" }, "status": { "type": "string", "enum": [\#(quoted(SubscriptionStatus.allCases.map(\.rawValue)))] },
          "price": { "$ref": "#/components/schemas/Money" }, "current_period_start": { "type": "string", "format": "date-time" },
          "current_period_end": { "type": "string", "format": "date-time" }, "cancel_at_period_end": { "type": "boolean" },
          "next_attempt_at": { "type": "string", "format": "date-time" }, "ended_at": { "type": "string", "format": "date-time" },
          "failure": { "type": "object", "required": ["code", "message"], "properties": { "code": { "type": "string" }, "message": { "type": "string" } } } } },
        "invoices": { "type": "array", "items": { "type": "object", "required": ["id", "period", "period_start", "period_end", "amount", "tax", "tax_note", "total", "status"], "properties": {
          "id": { "type": "integer" }, "period": { "type": "integer" }, "period_start": { "type": "string", "format": "date-time" }, "period_end": { "type": "string", "format": "date-time" },
          "amount": { "$ref": "#/components/schemas/Money" }, "tax": { "$ref": "#/components/schemas/Money" }, "tax_note": { "type": "string" },
          "total": { "$ref": "#/components/schemas/Money" }, "status": { "type": "string", "enum": [\#(quoted(SubscriptionInvoiceStatus.allCases.map(\.rawValue)))] },
          "card": { "type": "string" }, "paid_at": { "type": "string", "format": "date-time" },
          "failure": { "type": "object", "required": ["code", "message"], "properties": { "code": { "type": "string" }, "message": { "type": "string" } } } } } }
      }
    },
    "Payment": {
      "type": "object", "required": ["id", "project_id", "milestone_id", "status", "amount", "client_fee", "fee_tax", "tax_note", "total", "processor", "created_at"],
      "properties": {
        "id": { "type": "integer" }, "project_id": { "type": "integer" }, "milestone_id": { "type": "integer" },
        "status": { "type": "string", "enum": [\#(quoted(PaymentStatus.allCases.map(\.rawValue)))] },
        "amount": { "$ref": "#/components/schemas/Money" }, "client_fee": { "$ref": "#/components/schemas/Money" }, "total": { "$ref": "#/components/schemas/Money" },
        "fee_tax": { "$ref": "#/components/schemas/Money" }, "tax_note": { "type": "string", "description": "The tax on the fee: its rate and place, or why none is charged" },
        "processor": { "type": "string", "enum": [\#(quoted(PaymentProcessorKind.allCases.map(\.rawValue)))] },
        "card": { "type": "object", "required": ["brand", "last_four"], "properties": { "brand": { "type": "string", "enum": [\#(quoted(CardBrand.allCases.map(\.rawValue)))] }, "last_four": { "type": "string" } } },
        "failure": { "type": "object", "required": ["code", "message"], "properties": { "code": { "type": "string", "enum": [\#(quoted(PaymentFailure.allCases.map(\.rawValue)))] }, "message": { "type": "string" } } },
        "next_action": { "type": "object", "required": ["type"], "description": "authenticate: open url (the local processor's page); use_stripe_sdk: Stripe.js's handleNextAction with the client secret",
          "properties": { "type": { "type": "string", "enum": ["authenticate", "use_stripe_sdk"] }, "url": { "type": "string" } } },
        "client_secret": { "type": "string", "description": "For the processor's own script in the browser (Stripe)" },
        "created_at": { "type": "string", "format": "date-time" }, "succeeded_at": { "type": "string", "format": "date-time" }
      }
    },
    "Refund": {
      "type": "object", "required": ["id", "payment_id", "amount", "fee_share", "fee_tax_share", "total", "reason", "status", "created_at"],
      "properties": {
        "id": { "type": "integer" }, "payment_id": { "type": "integer" },
        "amount": { "$ref": "#/components/schemas/Money" }, "fee_share": { "$ref": "#/components/schemas/Money" }, "fee_tax_share": { "$ref": "#/components/schemas/Money" },
        "total": { "$ref": "#/components/schemas/Money" }, "reason": { "type": "string" }, "status": { "type": "string", "enum": [\#(quoted(RefundStatus.allCases.map(\.rawValue)))] },
        "created_at": { "type": "string", "format": "date-time" }
      }
    },
    "CardInput": {
      "type": "object", "additionalProperties": false, "required": ["number", "expiry_month", "expiry_year", "security_code"],
      "properties": {
        "number": { "type": "string", "maxLength": 40, "description": "12–19 digits, spaces and dashes allowed" },
        "expiry_month": { "type": "integer", "minimum": 1, "maximum": 12 },
        "expiry_year": { "type": "integer", "minimum": 0, "maximum": 2099, "description": "Four digits, or two (20xx)" },
        "security_code": { "type": "string", "maxLength": 10 }
      }
    },
    "ProcessorCardInput": {
      "type": "object", "additionalProperties": false, "required": ["processor_method_id"],
      "properties": { "processor_method_id": { "type": "string", "pattern": "^[A-Za-z0-9_]{3,255}$", "description": "The payment method the processor's own script made in the browser (Stripe.js's pm_…); refused by the local processor" } }
    },
    "ConfirmPaymentInput": {
      "oneOf": [
        { "$ref": "#/components/schemas/CardInput" },
        { "$ref": "#/components/schemas/ProcessorCardInput" },
        { "type": "object", "additionalProperties": false, "required": ["payment_method_id"], "properties": {
          "payment_method_id": { "type": "integer", "description": "One of the payer's saved cards (GET /api/payment-methods)" } } }
      ]
    },
    "WeekPayment": {
      "type": "object", "required": ["id", "project_id", "week", "minutes", "status", "amount"],
      "properties": {
        "id": { "type": "integer" }, "project_id": { "type": "integer" }, "week": { "type": "string", "description": "ISO 8601 week, 2026-W49" },
        "minutes": { "type": "integer" }, "status": { "type": "string", "enum": [\#(quoted(WeekPaymentStatus.allCases.map(\.rawValue)))] },
        "amount": { "$ref": "#/components/schemas/Money" },
        "client_fee": { "$ref": "#/components/schemas/Money" }, "fee_tax": { "$ref": "#/components/schemas/Money" }, "tax_note": { "type": "string" },
        "total": { "$ref": "#/components/schemas/Money" }, "commission": { "$ref": "#/components/schemas/Money" }, "card": { "type": "string" },
        "failure": { "type": "object", "required": ["code", "message"], "properties": { "code": { "type": "string", "enum": [\#(quoted(PaymentFailure.allCases.map(\.rawValue)))] }, "message": { "type": "string" } } },
        "next_attempt_at": { "type": "string", "format": "date-time" }, "paid_at": { "type": "string", "format": "date-time" },
        "released_at": { "type": "string", "format": "date-time" }
      }
    },
    "PaymentMethod": {
      "type": "object", "required": ["id", "brand", "last_four", "label", "expiry_month", "expiry_year", "is_default", "created_at"],
      "properties": {
        "id": { "type": "integer" }, "brand": { "type": "string", "enum": [\#(quoted(CardBrand.allCases.map(\.rawValue)))] },
        "last_four": { "type": "string" }, "label": { "type": "string" }, "expiry_month": { "type": "integer" }, "expiry_year": { "type": "integer" },
        "is_default": { "type": "boolean" }, "created_at": { "type": "string", "format": "date-time" }
      }
    },
    "EscrowMovementInput": {
      "type": "object", "additionalProperties": false,
      "properties": {
        "amount": { "type": "string", "description": "In major units of the milestone's currency; all that is held when left out" },
        "reason": { "type": "string", "minLength": \#(PaymentRules.refundReasonLength.lowerBound), "maxLength": \#(PaymentRules.refundReasonLength.upperBound), "description": "Required for refunds" }
      }
    },
    "Wallet": {
      "type": "object", "required": ["wallets", "hold_days", "minimum_payout"],
      "properties": {
        "wallets": { "type": "array", "items": { "type": "object", "required": ["currency", "in_escrow", "on_hold", "available", "paid_out"], "properties": {
          "currency": { "type": "string" }, "in_escrow": { "$ref": "#/components/schemas/Money" }, "on_hold": { "$ref": "#/components/schemas/Money" },
          "available": { "$ref": "#/components/schemas/Money" }, "paid_out": { "$ref": "#/components/schemas/Money" } } } },
        "hold_days": { "type": "integer" }, "minimum_payout": { "type": "integer", "description": "In whole units of each currency" }
      }
    },
    "PayoutAccountInput": {
      "type": "object", "additionalProperties": false, "required": ["holder_name", "iban", "bic"],
      "properties": {
        "holder_name": { "type": "string", "minLength": \#(PayoutAccountDetails.holderNameLength.lowerBound), "maxLength": \#(PayoutAccountDetails.holderNameLength.upperBound) },
        "iban": { "type": "string", "maxLength": 60, "description": "Spaces allowed; its check digits must match" },
        "bic": { "type": "string", "maxLength": 20 },
        "schedule": { "type": "string", "enum": [\#(quoted(PayoutSchedule.allCases.map(\.rawValue)))], "default": "weekly" }
      }
    },
    "PayoutAccount": {
      "type": "object", "required": ["holder_name", "iban_masked", "bic", "schedule", "updated_at"],
      "properties": {
        "holder_name": { "type": "string" }, "iban_masked": { "type": "string" }, "bic": { "type": "string" },
        "schedule": { "type": "string", "enum": [\#(quoted(PayoutSchedule.allCases.map(\.rawValue)))] }, "updated_at": { "type": "string", "format": "date-time" }
      }
    },
    "Payout": {
      "type": "object", "required": ["id", "amount", "iban_masked", "status", "created_at"],
      "properties": {
        "id": { "type": "integer" }, "amount": { "$ref": "#/components/schemas/Money" }, "iban_masked": { "type": "string" },
        "status": { "type": "string", "enum": [\#(quoted(PayoutStatus.allCases.map(\.rawValue)))] },
        "failure": { "type": "object", "required": ["code", "message"], "properties": { "code": { "type": "string" }, "message": { "type": "string" } } },
        "created_at": { "type": "string", "format": "date-time" }, "paid_at": { "type": "string", "format": "date-time" }
      }
    },
    "DisputeOpeningInput": {
      "type": "object", "additionalProperties": false, "required": ["milestone_id", "reason", "statement"],
      "properties": {
        "milestone_id": { "type": "integer" },
        "reason": { "type": "string", "enum": [\#(quoted(DisputeReason.allCases.map(\.rawValue)))] },
        "statement": { "type": "string", "minLength": \#(DisputeRules.statementLength.lowerBound), "maxLength": \#(DisputeRules.statementLength.upperBound) }
      }
    },
    "DisputeDecisionInput": {
      "type": "object", "additionalProperties": false, "required": ["provider_amount", "note"],
      "properties": {
        "provider_amount": { "type": "string", "description": "In major units of the milestone's currency, from 0 to what is held; the rest goes back to the client" },
        "note": { "type": "string", "minLength": \#(DisputeRules.decisionNoteLength.lowerBound), "maxLength": \#(DisputeRules.decisionNoteLength.upperBound) },
        "close_project": { "type": "boolean", "default": false, "description": "The decision ends the project (refunding whatever else is held)" }
      }
    },
    "DisputeFile": {
      "type": "object", "required": ["id", "file_name", "media_type", "byte_size", "sha256", "uploaded_by", "url", "created_at"],
      "properties": {
        "id": { "type": "integer" }, "file_name": { "type": "string" }, "media_type": { "type": "string" }, "byte_size": { "type": "integer" },
        "sha256": { "type": "string" }, "uploaded_by": { "type": "string", "enum": [\#(quoted(ProjectRole.allCases.map(\.rawValue)))] },
        "url": { "type": "string" }, "created_at": { "type": "string", "format": "date-time" }
      }
    },
    "Dispute": {
      "type": "object", "required": ["id", "project_id", "milestone_id", "milestone_title", "opened_by", "reason", "reason_label", "statement", "status", "held", "evidence", "files", "created_at"],
      "properties": {
        "id": { "type": "integer" }, "project_id": { "type": "integer" }, "milestone_id": { "type": "integer" }, "milestone_title": { "type": "string" },
        "opened_by": { "type": "string", "enum": [\#(quoted(ProjectRole.allCases.map(\.rawValue)))] },
        "reason": { "type": "string", "enum": [\#(quoted(DisputeReason.allCases.map(\.rawValue)))] }, "reason_label": { "type": "string" },
        "statement": { "type": "string" }, "status": { "type": "string", "enum": [\#(quoted(DisputeStatus.allCases.map(\.rawValue)))] },
        "held": { "$ref": "#/components/schemas/Money" },
        "files": { "type": "array", "items": { "$ref": "#/components/schemas/DisputeFile" } },
        "evidence": { "type": "array", "items": { "type": "object", "required": ["id", "author", "body", "created_at"], "properties": {
          "id": { "type": "integer" }, "author": { "type": "string" }, "body": { "type": "string" }, "created_at": { "type": "string", "format": "date-time" } } } },
        "decision": { "type": "object", "required": ["provider_amount", "client_amount", "note", "closes_project", "decided_at"], "properties": {
          "provider_amount": { "$ref": "#/components/schemas/Money" }, "client_amount": { "$ref": "#/components/schemas/Money" }, "note": { "type": "string" },
          "closes_project": { "type": "boolean" }, "decided_at": { "type": "string", "format": "date-time" } } },
        "created_at": { "type": "string", "format": "date-time" }
      }
    },
    """#

    static let idempotencyKeyHeader = ##"{ "name": "Idempotency-Key", "in": "header", "required": true, "schema": { "type": "string", "minLength": 1, "maxLength": 200, "pattern": "^[!-~]+$" }, "description": "A new key (a UUID) per request: the same key with the same request answers the first answer again" }"##

    private static let disputeResponse = ##"{ "description": "The dispute", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Dispute" } } } }"##
    private static let disputeListResponse = ##"{ "description": "The disputes", "content": { "application/json": { "schema": { "type": "object", "required": ["disputes"], "properties": { "disputes": { "type": "array", "items": { "$ref": "#/components/schemas/Dispute" } } } } } } }"##
    private static let payoutAccountResponse = ##"{ "description": "The payout account", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PayoutAccount" } } } }"##
    private static let paymentResponse = ##"{ "description": "The payment", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Payment" } } } }"##
}
