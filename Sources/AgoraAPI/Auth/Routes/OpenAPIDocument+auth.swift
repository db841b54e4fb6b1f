import AgoraDomain

extension OpenAPIDocument {
    /// `/api/auth/*`. Problem types a client can act on: `urn:agora:problem:invalid-credentials` (401),
    /// `email-not-verified` (403), `account-suspended` (403), `captcha-required` (429), `rate-limited` (429),
    /// `service-busy` (503, when the password-hashing queue is full; `Retry-After` says when to try again),
    /// `unauthenticated` (401), `session-ended` (401), `refresh-token-reused` (401), `invalid-token` (400),
    /// `expired-token` (410), `validation` (422).
    static let authPaths = #"""
    "/api/auth/registration-form": {
      "get": {
        "operationId": "getRegistrationForm", "tags": ["auth"],
        "summary": "The rules and numbers of the register form, the legal versions to accept and a CAPTCHA challenge",
        "responses": { "200": { "description": "Form settings", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/RegistrationForm" } } } } }
      }
    },
    "/api/auth/register": {
      "post": {
        "operationId": "register", "tags": ["auth"],
        "summary": "Open a pending account and send the verification email; a known address gets the same answer (its owner is told by email). 5 per hour per IP.",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Registration" } } } },
        "responses": {
          "202": { "description": "Check your inbox", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/RegistrationAccepted" } } } },
          "400": { "$ref": "#/components/responses/Problem" }, "415": { "$ref": "#/components/responses/Problem" },
          "422": { "$ref": "#/components/responses/Problem" }, "429": { "$ref": "#/components/responses/Problem" },
          "503": { "$ref": "#/components/responses/Problem" }
        }
      }
    },
    "/api/auth/email-available": {
      "get": {
        "operationId": "isEmailAvailable", "tags": ["auth"], "summary": "Whether an address is free (10 per minute per IP)",
        "parameters": [{ "name": "email", "in": "query", "required": true, "schema": \#(emailSchema) }],
        "responses": {
          "200": { "description": "The answer", "content": { "application/json": { "schema": { "type": "object", "required": ["email", "available"], "properties": { "email": { "type": "string" }, "available": { "type": "boolean" } } } } } },
          "422": { "$ref": "#/components/responses/Problem" }, "429": { "$ref": "#/components/responses/Problem" }
        }
      }
    },
    "/api/auth/verify-email/{token}": {
      "get": {
        "operationId": "verifyEmail", "tags": ["auth"], "summary": "Confirm an address from the emailed link, and sign in",
        "parameters": [{ "name": "token", "in": "path", "required": true, "schema": { "type": "string", "minLength": 43, "maxLength": 43 } }],
        "responses": {
          "200": { "$ref": "#/components/responses/SignedIn" },
          "400": { "$ref": "#/components/responses/Problem" }, "410": { "$ref": "#/components/responses/Problem" }
        }
      }
    },
    "/api/auth/resend-verification": {
      "post": {
        "operationId": "resendVerification", "tags": ["auth"], "summary": "Send a new verification link to a pending account (same answer for any address)",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/EmailOnly" } } } },
        "responses": { "202": { "$ref": "#/components/responses/Accepted" }, "422": { "$ref": "#/components/responses/Problem" }, "429": { "$ref": "#/components/responses/Problem" } }
      }
    },
    "/api/auth/login": {
      "post": {
        "operationId": "login", "tags": ["auth"],
        "summary": "Sign in with email and password. No account is ever locked: after \#(SignInThrottle().failuresBeforeCaptcha) failures for an address within \#(Int(SignInThrottle().window / 60)) minutes (with an account or not), each attempt must solve the CAPTCHA of a 429 captcha-required problem (its captcha member), a little harder after each further failure, and the owner is emailed a one-time sign-in link. \#(LockoutRule.network.failures) failures from one network make it wait (429 rate-limited with Retry-After). An account with two factors answers 401 second-factor-required: finish with POST /api/auth/login/second-factor.",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Login" } } } },
        "responses": {
          "200": { "$ref": "#/components/responses/SignedIn" },
          "401": { "$ref": "#/components/responses/Problem" }, "403": { "$ref": "#/components/responses/Problem" },
          "422": { "$ref": "#/components/responses/Problem" }, "429": { "$ref": "#/components/responses/Problem" },
          "503": { "$ref": "#/components/responses/Problem" }
        }
      }
    },
    "/api/auth/sign-in-link": {
      "post": {
        "operationId": "signInWithLink", "tags": ["auth"],
        "summary": "Sign in with the one-time link emailed after repeated failed sign-ins (valid \#(Int(SignInThrottle().linkLifetime / 60)) minutes, once); an account with two factors answers 401 second-factor-required",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["token"], "properties": { "token": \#(oneLine(maximumLength: 100)) } } } } },
        "responses": {
          "200": { "$ref": "#/components/responses/SignedIn" },
          "400": { "$ref": "#/components/responses/Problem" }, "401": { "$ref": "#/components/responses/Problem" }, "403": { "$ref": "#/components/responses/Problem" },
          "410": { "$ref": "#/components/responses/Problem" }, "422": { "$ref": "#/components/responses/Problem" }
        }
      }
    },
    "/api/auth/refresh": {
      "post": {
        "operationId": "refresh", "tags": ["auth"], "security": [{ "refreshCookie": [] }],
        "summary": "Exchange the refresh cookie for a new access token and a new refresh cookie; a replayed old cookie ends the session",
        "responses": { "200": { "$ref": "#/components/responses/SignedIn" }, "401": { "$ref": "#/components/responses/Problem" } }
      }
    },
    "/api/auth/forgot-password": {
      "post": {
        "operationId": "forgotPassword", "tags": ["auth"], "summary": "Email a reset link (always 202; at most \#(PasswordService.resetsPerHour) links per hour per address)",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/EmailOnly" } } } },
        "responses": { "202": { "$ref": "#/components/responses/Accepted" }, "422": { "$ref": "#/components/responses/Problem" }, "429": { "$ref": "#/components/responses/Problem" } }
      }
    },
    "/api/auth/reset-password": {
      "post": {
        "operationId": "resetPassword", "tags": ["auth"], "summary": "Set a new password from a reset link; every session ends. \#(RateLimit.passwordReset.limit) attempts per \#(Int(RateLimit.passwordReset.window) / 60) minutes per IP.",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["token", "password"], "properties": { "token": { "type": "string" }, "password": { "$ref": "#/components/schemas/Password" } } } } } },
        "responses": { "204": { "description": "Changed" }, "400": { "$ref": "#/components/responses/Problem" }, "410": { "$ref": "#/components/responses/Problem" }, "422": { "$ref": "#/components/responses/Problem" }, "429": { "$ref": "#/components/responses/Problem" }, "503": { "$ref": "#/components/responses/Problem" } }
      }
    },
    "/api/auth/google": {
      "get": {
        "operationId": "startGoogleSignIn", "tags": ["auth"],
        "summary": "Redirect to the OpenID Connect issuer (state, nonce, PKCE S256); failures redirect to /login/?error=…",
        "parameters": [{ "name": "next", "in": "query", "schema": { "type": "string" }, "description": "A path on this site to return to" }],
        "responses": { "302": { "description": "To the issuer" }, "303": { "description": "To /login/?error=oidc-disabled" } }
      }
    },
    "/api/auth/google/callback": {
      "get": {
        "operationId": "finishGoogleSignIn", "tags": ["auth"],
        "summary": "The issuer's redirect back: signs in (refresh cookie set), links, or redirects to /login/?error=oidc-denied|oidc-failed|oidc-link-required|oidc-already-linked|oidc-unverified-email|oidc-registration-closed (a new account needs an address the issuer verified)",
        "parameters": [
          { "name": "code", "in": "query", "schema": { "type": "string" } },
          { "name": "state", "in": "query", "schema": { "type": "string" } },
          { "name": "error", "in": "query", "schema": { "type": "string" } }
        ],
        "responses": { "303": { "description": "To the page to continue on" } }
      }
    },
    "/api/auth/google/link": {
      "post": {
        "operationId": "linkGoogle", "tags": ["auth"], "security": [{ "bearer": [] }],
        "summary": "The issuer URL that links the signed-in account to an identity there",
        "responses": {
          "200": { "description": "Where to go", "content": { "application/json": { "schema": { "type": "object", "properties": { "url": { "type": "string" } } } } } },
          "401": { "$ref": "#/components/responses/Problem" }, "404": { "$ref": "#/components/responses/Problem" }
        }
      }
    },
    "/api/email/unsubscribe": {
      "get": {
        "operationId": "describeUnsubscribeLink", "tags": ["email"],
        "summary": "What an unsubscribe link stops (every optional email, one category's emails or the digest), changing nothing",
        "parameters": [{ "name": "token", "in": "query", "required": true, "schema": { "type": "string", "maxLength": 1000 } }],
        "responses": {
          "200": { "description": "The link", "content": { "application/json": { "schema": { "type": "object", "required": ["email", "scope", "label"], "properties": { "email": { "type": "string" }, "scope": { "type": "string", "description": "all, digest or a notification category" }, "label": { "type": "string" } } } } } },
          "400": { "$ref": "#/components/responses/Problem" }
        }
      },
      "post": {
        "operationId": "unsubscribe", "tags": ["email"],
        "summary": "One-click unsubscribe (RFC 8058) from what the link names; the token comes from the List-Unsubscribe header or the email's footer",
        "parameters": [{ "name": "token", "in": "query", "required": true, "schema": { "type": "string", "maxLength": 1000 } }],
        "responses": {
          "200": { "description": "Unsubscribed", "content": { "application/json": { "schema": { "type": "object", "required": ["message", "scope"], "properties": { "message": { "type": "string" }, "scope": { "type": "string" } } } } } },
          "400": { "$ref": "#/components/responses/Problem" }
        }
      }
    },
    "/api/auth/me": {
      "get": {
        "operationId": "getMe", "tags": ["auth"], "security": [{ "bearer": [] }], "summary": "The signed-in account",
        "responses": { "200": { "description": "The account", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Account" } } } }, "401": { "$ref": "#/components/responses/Problem" } }
      }
    },
    "/api/auth/logout": {
      "post": {
        "operationId": "logout", "tags": ["auth"], "security": [{ "bearer": [] }], "summary": "End this session; its access token is refused from now on",
        "responses": { "204": { "description": "Signed out" }, "401": { "$ref": "#/components/responses/Problem" } }
      }
    },
    "/api/auth/logout-all": {
      "post": {
        "operationId": "logoutAll", "tags": ["auth"], "security": [{ "bearer": [] }], "summary": "End every session of the account",
        "responses": { "204": { "description": "Signed out everywhere" }, "401": { "$ref": "#/components/responses/Problem" } }
      }
    },
    "/api/auth/sessions": {
      "get": {
        "operationId": "listSessions", "tags": ["auth"], "security": [{ "bearer": [] }], "summary": "The account's open sessions, newest first",
        "responses": { "200": { "description": "Sessions", "content": { "application/json": { "schema": { "type": "object", "required": ["sessions"], "properties": { "sessions": { "type": "array", "items": { "$ref": "#/components/schemas/Session" } } } } } } }, "401": { "$ref": "#/components/responses/Problem" } }
      }
    },
    "/api/auth/sessions/{id}": {
      "delete": {
        "operationId": "endSession", "tags": ["auth"], "security": [{ "bearer": [] }], "summary": "End one of the account's sessions",
        "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }],
        "responses": { "204": { "description": "Ended" }, "401": { "$ref": "#/components/responses/Problem" }, "404": { "$ref": "#/components/responses/Problem" } }
      }
    },
    "/api/auth/change-password": {
      "put": {
        "operationId": "changePassword", "tags": ["auth"], "security": [{ "bearer": [] }], "summary": "Change the password; every other session ends",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["current_password", "new_password"], "properties": { "current_password": { "type": "string" }, "new_password": { "$ref": "#/components/schemas/Password" } } } } } },
        "responses": { "204": { "description": "Changed" }, "401": { "$ref": "#/components/responses/Problem" }, "422": { "$ref": "#/components/responses/Problem" }, "429": { "$ref": "#/components/responses/Problem" }, "503": { "$ref": "#/components/responses/Problem" } }
      }
    }
    """#

    static let authSchemas = #"""
    "Password": {
      "type": "string", "minLength": \#(PasswordPolicy.minimumCharacters),
      "description": "At least \#(PasswordPolicy.minimumCharacters) characters with upper and lower case, a digit and a symbol; at most \#(PasswordPolicy.maximumBytes) bytes of UTF-8 (bcrypt's limit); not built on a common password"
    },
    "Registration": {
      "type": "object", "additionalProperties": false,
      "required": ["first_name", "last_name", "email", "password", "phone", "country", "user_type", "accepted_terms_version", "accepted_privacy_version"],
      "properties": {
        "first_name": { "type": "string", "maxLength": \#(PersonName.maximumLength) },
        "last_name": { "type": "string", "maxLength": \#(PersonName.maximumLength) },
        "email": \#(emailSchema),
        "password": { "$ref": "#/components/schemas/Password" },
        "phone": { "type": "string", "description": "E.164 (+33612345678) or national (06 12 34 56 78); the dial code must be the country's" },
        "country": { "type": "string", "pattern": "^[A-Za-z]{2}$" },
        "user_type": { "type": "string", "enum": ["client", "provider"] },
        "accepted_terms_version": { "type": "string" },
        "accepted_privacy_version": { "type": "string" },
        "captcha_challenge": { "type": "string", "description": "proof-of-work only" },
        "captcha_solution": { "type": "string", "maxLength": 4096, "description": "the number found (proof of work) or the widget's token (hCaptcha, Turnstile)" }
      }
    },
    "RegistrationAccepted": {
      "type": "object", "required": ["status", "email", "message"],
      "properties": { "status": { "const": "pending_verification" }, "email": { "type": "string" }, "first_name": { "type": "string" }, "last_name": { "type": "string" }, "user_type": { "type": "string" }, "message": { "type": "string" } }
    },
    "RegistrationForm": {
      "type": "object", "required": ["password", "legal", "captcha", "countries", "user_types", "social_sign_in", "name_maximum_length"],
      "properties": {
        "password": { "type": "object", "properties": { "minimum_characters": { "type": "integer" }, "maximum_bytes": { "type": "integer" }, "needs": { "type": "array", "items": { "type": "string" } } } },
        "legal": { "type": "object", "properties": { "terms": { "type": "string" }, "privacy": { "type": "string" } } },
        "captcha": { "type": "object", "properties": { "mode": { "type": "string", "enum": ["proof-of-work", "hcaptcha", "turnstile", "off"] }, "challenge": { "type": "string" }, "difficulty": { "type": "integer" }, "site_key": { "type": "string" } } },
        "countries": { "type": "array", "items": { "type": "object", "properties": { "code": { "type": "string" }, "name": { "type": "string" }, "dial_code": { "type": "string" }, "national_number_lengths": { "type": "array", "items": { "type": "integer" } } } } },
        "user_types": { "type": "array", "items": { "type": "string" } },
        "social_sign_in": { "type": "array", "items": { "type": "string", "enum": ["google"] } },
        "name_maximum_length": { "type": "integer" }
      }
    },
    "EmailOnly": {
      "type": "object", "additionalProperties": false, "required": ["email"],
      "properties": { "email": \#(emailSchema) }
    },
    "Login": {
      "type": "object", "additionalProperties": false, "required": ["email", "password"],
      "properties": { "email": \#(oneLine(maximumLength: AuthRoutes.typedEmailLimit)), "password": \#(oneLine(maximumLength: 200)), "remember_me": { "type": "boolean", "default": false },
        "captcha_challenge": \#(oneLine(maximumLength: 200)), "captcha_solution": \#(oneLine(maximumLength: 4_096)) }
    },
    "Account": {
      "type": "object", "required": ["id", "first_name", "last_name", "email", "user_type", "verification_status", "created_at"],
      "properties": {
        "id": { "type": "integer" }, "first_name": { "type": "string" }, "last_name": { "type": "string" }, "email": { "type": "string" },
        "phone": { "type": "string" }, "country": { "type": "string" }, "user_type": { "type": "string", "enum": ["client", "provider", "admin"] },
        "verification_status": { "type": "string", "enum": ["pending", "verified", "suspended"] }, "created_at": { "type": "string", "format": "date-time" }
      }
    },
    "SignedIn": {
      "type": "object", "required": ["access_token", "token_type", "expires_in", "user"],
      "properties": { "access_token": { "type": "string" }, "token_type": { "const": "Bearer" }, "expires_in": { "type": "integer" }, "user": { "$ref": "#/components/schemas/Account" } }
    },
    "Session": {
      "type": "object", "required": ["id", "device", "ip_address", "created_at", "last_used_at", "expires_at", "current"],
      "properties": {
        "id": { "type": "string" }, "device": { "type": "string" }, "ip_address": { "type": "string" },
        "created_at": { "type": "string", "format": "date-time" }, "last_used_at": { "type": "string", "format": "date-time" },
        "expires_at": { "type": "string", "format": "date-time" }, "current": { "type": "boolean" }
      }
    }
    """#

    /// An address as `Email` accepts it, with its pattern.
    static let emailSchema = #"{ "type": "string", "maxLength": \#(Email.maximumLength), "pattern": \#(JSONString.literal(Email.pattern)) }"#

    static let sharedResponses = #"""
    "responses": {
      "Problem": { "description": "A problem document", "content": { "application/problem+json": { "schema": { "$ref": "#/components/schemas/Problem" } } } },
      "Accepted": { "description": "Accepted", "content": { "application/json": { "schema": { "type": "object", "properties": { "message": { "type": "string" } } } } } },
      \#(twoFactorResponses)
      "SignedIn": {
        "description": "Signed in; the refresh token is set as the HttpOnly agora_refresh cookie (path /api/auth)",
        "content": { "application/json": { "schema": { "$ref": "#/components/schemas/SignedIn" } } }
      }
    },
    """#
}
