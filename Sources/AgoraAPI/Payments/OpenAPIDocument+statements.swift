import AgoraDomain

extension OpenAPIDocument {
    /// A person's transactions, receipts and yearly statements; the books for finance staff.
    static let statementPaths = #"""
    "/api/transactions": {
      "get": {
        "operationId": "listTransactions", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "The asker's transactions, newest first: payments and refunds as a client, earnings (less commission) and payouts as a provider; as CSV with format=csv",
        "parameters": [
          { "name": "kind", "in": "query", "schema": { "type": "string", "enum": [\#(quoted(MoneyMovementKind.allCases.map(\.rawValue)))] } },
          { "name": "currency", "in": "query", "schema": { "type": "string", "pattern": "^[A-Z]{3}$" } },
          { "name": "project_id", "in": "query", "schema": { "type": "integer", "minimum": 1 } },
          { "name": "from", "in": "query", "schema": { "type": "string", "format": "date" }, "description": "From this day (UTC)" },
          { "name": "to", "in": "query", "schema": { "type": "string", "format": "date" }, "description": "Up to the end of this day (UTC)" },
          { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 100, "default": 20 } },
          { "name": "before", "in": "query", "schema": { "type": "string", "pattern": "^[0-9]+\\.[0-9]$" }, "description": "The next_before of the previous page" },
          { "name": "format", "in": "query", "schema": { "type": "string", "enum": ["json", "csv"], "default": "json" } }
        ],
        "responses": {
          "200": { "description": "A page of transactions, or all of them as CSV", "content": {
            "application/json": { "schema": { "type": "object", "required": ["transactions"], "properties": {
              "transactions": { "type": "array", "items": { "$ref": "#/components/schemas/Transaction" } }, "next_before": { "type": ["string", "null"] } } } },
            "text/csv": { "schema": { "type": "string" } } } },
          "400": \#(problem), "401": \#(problem)
        }
      }
    },
    "/api/receipts/{id}": {
      "get": {
        "operationId": "showReceipt", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "The receipt of one of the asker's transactions (payment-12, refund-3, earning-5, payout-2): its lines add up to the total",
        "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }],
        "responses": { "200": { "description": "The receipt", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Receipt" } } } }, "401": \#(problem), "404": \#(problem) }
      }
    },
    "/api/statements/{year}": {
      "get": {
        "operationId": "showStatement", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "The asker's year (UTC): totals per currency and per month; the year's transactions as CSV with format=csv",
        "parameters": [
          { "name": "year", "in": "path", "required": true, "schema": { "type": "integer", "minimum": \#(MoneyStatement.years.lowerBound), "maximum": \#(MoneyStatement.years.upperBound) } },
          { "name": "format", "in": "query", "schema": { "type": "string", "enum": ["json", "csv"], "default": "json" } }
        ],
        "responses": {
          "200": { "description": "The statement", "content": {
            "application/json": { "schema": { "$ref": "#/components/schemas/Statement" } }, "text/csv": { "schema": { "type": "string" } } } },
          "400": \#(problem), "401": \#(problem)
        }
      }
    },
    "/api/admin/finance/summary": {
      "get": {
        "operationId": "adminFinanceSummary", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "What every kind of account holds now, what moved in the period (the 30 days to the end of today by default), and what waits (finance.read)",
        "parameters": [
          { "name": "from", "in": "query", "schema": { "type": "string", "format": "date" }, "description": "From this day (UTC)" },
          { "name": "to", "in": "query", "schema": { "type": "string", "format": "date" }, "description": "Up to the end of this day (UTC)" }
        ],
        "responses": { "200": { "description": "The summary", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/FinanceSummary" } } } }, "400": \#(problem), "401": \#(problem), "403": \#(problem) }
      }
    },
    "/api/admin/ledger/verify": {
      "get": {
        "operationId": "adminVerifyLedger", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Recomputes every balance from the entries and checks every transaction and the hash chain, as agora ledger verify does (finance.read)",
        "responses": { "200": { "description": "What the verification found", "content": { "application/json": { "schema": {
          "type": "object", "required": ["sound", "transactions", "entries", "problems", "milliseconds", "checked_at"], "properties": {
            "sound": { "type": "boolean" }, "transactions": { "type": "integer" }, "entries": { "type": "integer" },
            "problems": { "type": "array", "items": { "type": "string" } }, "milliseconds": { "type": "integer" }, "checked_at": { "type": "string", "format": "date-time" } } } } } },
          "401": \#(problem), "403": \#(problem) }
      }
    },
    "/api/admin/payments/{id}": {
      "get": {
        "operationId": "adminShowPayment", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Any payment with its project and milestone, what is still held for the milestone, and its refunds (finance.read)",
        "parameters": [\#(idParameter)],
        "responses": { "200": { "description": "The payment", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PaymentForStaff" } } } }, "401": \#(problem), "403": \#(problem), "404": \#(problem) }
      }
    },
    "/api/admin/payments/{id}/refunds": {
      "post": {
        "operationId": "adminRefundPayment", "tags": ["admin"], "security": [{ "bearer": [] }],
        "summary": "Gives back part of what is held for the payment's milestone (all of it when no amount is sent) outside a dispute, with a reason the client reads; audited (finance.read and finance.refund)",
        "parameters": [\#(idParameter), \#(idempotencyKeyHeader)],
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/EscrowMovementInput" } } } },
        "responses": { "201": { "description": "The refund", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Refund" } } } }, "400": \#(problem), "401": \#(problem), "403": \#(problem), "404": \#(problem), "409": \#(problem), "415": \#(problem), "422": \#(problem) }
      }
    },
    "/api/billing-details": {
      "get": {
        "operationId": "showBillingDetails", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "Who the asker's receipts are made out to; their country, region and tax number decide the tax on the platform's fees",
        "responses": { "200": { "description": "The details", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/BillingDetails" } } } }, "401": \#(problem), "404": \#(problem) }
      },
      "put": {
        "operationId": "saveBillingDetails", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "Sets the asker's billing details; they apply to payments and releases from now on (a tax number is checked against its country's format)",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["name", "country"], "properties": {
          "name": { "type": "string", "minLength": \#(BillingDetails.nameLength.lowerBound), "maxLength": \#(BillingDetails.nameLength.upperBound) },
          "country": { "type": "string", "pattern": "^[A-Za-z]{2}$" }, "region": { "type": ["string", "null"], "maxLength": 3 },
          "address": { "type": ["string", "null"], "maxLength": \#(BillingDetails.addressLength.upperBound) }, "tax_number": { "type": ["string", "null"], "maxLength": 40 } } } } } },
        "responses": { "200": { "description": "The details", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/BillingDetails" } } } }, "400": \#(problem), "401": \#(problem), "415": \#(problem), "422": \#(problem) }
      }
    },
    "/api/fees": {
      "get": {
        "operationId": "showFees", "tags": ["payments"], "security": [{ "bearer": [] }],
        "summary": "The platform's fees now (the client's service fee, the commission tiers and category rates, the least commission) and the tax on them for the asker",
        "responses": { "200": { "description": "The fees", "content": { "application/json": { "schema": {
          "type": "object", "required": ["client_service_fee_percent", "commission_tiers", "category_rates", "minimum_commission", "tax"], "properties": {
            "client_service_fee_percent": { "type": "string" },
            "commission_tiers": { "type": "array", "items": { "type": "object", "required": ["percent"], "properties": { "up_to": { "type": ["integer", "null"] }, "percent": { "type": "string" } } } },
            "category_rates": { "type": "array", "items": { "type": "object", "required": ["category", "percent"], "properties": { "category": { "type": "string" }, "percent": { "type": "string" } } } },
            "minimum_commission": { "type": "integer" },
            "tax": { "type": "object", "required": ["treatment", "note"], "properties": {
              "treatment": { "type": "string", "enum": ["charged", "reverse-charge", "exempt"] }, "percent": { "type": ["string", "null"] }, "note": { "type": "string" } } } } } } } },
          "401": \#(problem) }
      }
    },
    """#

    static let statementSchemas = #"""
    "BillingDetails": {
      "type": "object", "required": ["name", "country", "country_name", "address", "business"],
      "properties": {
        "name": { "type": "string" }, "country": { "type": "string" }, "country_name": { "type": "string" }, "region": { "type": ["string", "null"] },
        "address": { "type": "string" }, "tax_number": { "type": ["string", "null"] }, "business": { "type": "boolean" }
      }
    },
    "PaymentForStaff": {
      "type": "object", "required": ["payment", "project_id", "project_title", "project_status", "milestone_title", "milestone_status", "held", "refunds"],
      "properties": {
        "payment": { "$ref": "#/components/schemas/Payment" }, "project_id": { "type": "integer" }, "project_title": { "type": "string" },
        "project_status": { "type": "string" }, "milestone_title": { "type": "string" }, "milestone_status": { "type": "string" },
        "held": { "$ref": "#/components/schemas/Money" }, "refunds": { "type": "array", "items": { "$ref": "#/components/schemas/Refund" } }
      }
    },
    "Transaction": {
      "type": "object", "required": ["id", "kind", "direction", "state", "occurred_at", "amount", "fee", "fee_label", "tax", "tax_note", "total", "receipt_url"],
      "properties": {
        "id": { "type": "string" }, "kind": { "type": "string", "enum": [\#(quoted(MoneyMovementKind.allCases.map(\.rawValue)))] },
        "direction": { "type": "string", "enum": ["in", "out"] }, "state": { "type": "string", "enum": [\#(quoted(MoneyMovementState.allCases.map(\.rawValue)))] },
        "occurred_at": { "type": "string", "format": "date-time" }, "amount": { "$ref": "#/components/schemas/Money" }, "fee": { "$ref": "#/components/schemas/Money" },
        "fee_label": { "type": "string" }, "tax": { "$ref": "#/components/schemas/Money" },
        "tax_note": { "type": "string", "description": "The tax on the fee: its rate and place, or why none was charged (empty when none applies)" },
        "total": { "$ref": "#/components/schemas/Money" },
        "project": { "type": "object", "required": ["id", "title"], "properties": { "id": { "type": "integer" }, "title": { "type": "string" } } },
        "milestone": { "type": "object", "required": ["id", "title"], "properties": { "id": { "type": "integer" }, "title": { "type": "string" } } },
        "counterpart_name": { "type": "string" }, "detail": { "type": "string" },
        "failure": { "type": "object", "required": ["code", "message"], "properties": { "code": { "type": "string" }, "message": { "type": "string" } } },
        "receipt_url": { "type": "string" }
      }
    },
    "Receipt": {
      "type": "object", "required": ["number", "issued_to", "title", "lines", "transaction"],
      "properties": {
        "number": { "type": "string" }, "issued_to": { "type": "string" }, "title": { "type": "string" },
        "address": { "type": "string" }, "country": { "type": "string" }, "tax_number": { "type": "string" },
        "lines": { "type": "array", "items": { "type": "object", "required": ["label", "amount"], "properties": { "label": { "type": "string" }, "amount": { "$ref": "#/components/schemas/Money" } } } },
        "transaction": { "$ref": "#/components/schemas/Transaction" }
      }
    },
    "MoneyTotals": {
      "type": "object", "required": ["currency", "paid", "service_fees", "refunded", "net_spent", "earned", "commission", "tax_on_fees", "net_earned", "paid_out", "plans", "transactions"],
      "properties": {
        "currency": { "type": "string" }, "paid": { "$ref": "#/components/schemas/Money" }, "service_fees": { "$ref": "#/components/schemas/Money" },
        "refunded": { "$ref": "#/components/schemas/Money" }, "net_spent": { "$ref": "#/components/schemas/Money" }, "earned": { "$ref": "#/components/schemas/Money" },
        "commission": { "$ref": "#/components/schemas/Money" }, "tax_on_fees": { "$ref": "#/components/schemas/Money" }, "net_earned": { "$ref": "#/components/schemas/Money" }, "paid_out": { "$ref": "#/components/schemas/Money" },
        "plans": { "$ref": "#/components/schemas/Money" }, "transactions": { "type": "integer" }
      }
    },
    "Statement": {
      "type": "object", "required": ["year", "totals", "months", "years", "csv_url"],
      "properties": {
        "year": { "type": "integer" }, "totals": { "type": "array", "items": { "$ref": "#/components/schemas/MoneyTotals" } },
        "months": { "type": "array", "items": { "type": "object", "required": ["month", "totals"], "properties": {
          "month": { "type": "integer", "minimum": 1, "maximum": 12 }, "totals": { "type": "array", "items": { "$ref": "#/components/schemas/MoneyTotals" } } } } },
        "years": { "type": "array", "items": { "type": "integer" } }, "csv_url": { "type": "string" }
      }
    },
    "FinanceSummary": {
      "type": "object", "required": ["from", "to", "currencies", "open_disputes", "pending_refunds", "pending_payouts", "failed_payouts"],
      "properties": {
        "from": { "type": "string", "format": "date-time" }, "to": { "type": "string", "format": "date-time" },
        "currencies": { "type": "array", "items": { "type": "object", "required": ["currency", "balances", "volume"], "properties": {
          "currency": { "type": "string" },
          "balances": { "type": "object", "additionalProperties": { "$ref": "#/components/schemas/Money" }, "description": "Every kind of ledger account, summed: \#(LedgerAccountKind.allCases.map(\.rawValue).joined(separator: ", "))" },
          "volume": { "$ref": "#/components/schemas/MoneyTotals" } } } },
        "open_disputes": { "type": "integer" }, "pending_refunds": { "type": "integer" }, "pending_payouts": { "type": "integer" }, "failed_payouts": { "type": "integer" }
      }
    },
    """#
}
