extension OpenAPIDocument {
    /// Two-factor sign-in and re-authentication. Problem types: `second-factor-required` (401, from the sign-in
    /// routes, with the `second_factor` member), `invalid-second-factor` (401), `challenge-ended` (401),
    /// `reauthentication-required` (403, from dangerous actions), `two-factor-required` (403, from administration),
    /// `rate-limited` (429, too many wrong codes for the account).
    static let twoFactorPaths = #"""
    "/api/auth/login/second-factor": {
      "post": {
        "operationId": "completeSignIn", "tags": ["auth"],
        "summary": "Finish a sign-in that answered 401 second-factor-required: its challenge and the code from the authenticator app (six digits) or a recovery code. A challenge lasts \#(Int(AuthSettings.defaultSecondFactorChallengeLifetime / 60)) minutes and allows \#(AuthSettings.defaultSecondFactorChallengeAttempts) wrong codes.",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["challenge", "code"], "properties": { "challenge": \#(oneLine(maximumLength: 100)), "code": \#(oneLine(maximumLength: 40)) } } } } },
        "responses": {
          "200": { "$ref": "#/components/responses/SignedIn" },
          "401": { "$ref": "#/components/responses/Problem" }, "403": { "$ref": "#/components/responses/Problem" },
          "422": { "$ref": "#/components/responses/Problem" }, "429": { "$ref": "#/components/responses/Problem" }
        }
      }
    },
    "/api/auth/reauthenticate": {
      "post": {
        "operationId": "reauthenticate", "tags": ["auth"], "security": [{ "bearer": [] }],
        "summary": "Prove again who is using this session before a dangerous action: the authenticator (or a recovery) code when the account has two factors, else the password. Allows dangerous actions for \#(Int(AuthSettings.defaultReauthenticationWindow / 60)) minutes.",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "properties": { "password": \#(oneLine(maximumLength: 200)), "code": \#(oneLine(maximumLength: 40)) } } } } },
        "responses": {
          "200": { "description": "Until when", "content": { "application/json": { "schema": { "type": "object", "required": ["valid_until"], "properties": { "valid_until": { "type": "string", "format": "date-time" } } } } } },
          "401": { "$ref": "#/components/responses/Problem" }, "409": { "$ref": "#/components/responses/Problem" },
          "422": { "$ref": "#/components/responses/Problem" }, "429": { "$ref": "#/components/responses/Problem" },
          "503": { "$ref": "#/components/responses/Problem" }
        }
      }
    },
    "/api/auth/two-factor": {
      "get": {
        "operationId": "getTwoFactor", "tags": ["auth"], "security": [{ "bearer": [] }],
        "summary": "Whether the account signs in with two factors, how many recovery codes are left, and whether it must (staff)",
        "responses": {
          "200": { "description": "The state", "content": { "application/json": { "schema": { "type": "object", "required": ["enabled", "enrolment_pending", "recovery_codes_left", "required"], "properties": { "enabled": { "type": "boolean" }, "enrolment_pending": { "type": "boolean" }, "recovery_codes_left": { "type": "integer" }, "required": { "type": "boolean" } } } } } },
          "401": { "$ref": "#/components/responses/Problem" }
        }
      },
      "delete": {
        "operationId": "disableTwoFactor", "tags": ["auth"], "security": [{ "bearer": [] }],
        "summary": "Turn two-factor sign-in off (dangerous: needs a recent sign-in or re-authentication); staff accounts keep it (409)",
        "responses": {
          "204": { "description": "Off" }, "401": { "$ref": "#/components/responses/Problem" },
          "403": { "$ref": "#/components/responses/Problem" }, "409": { "$ref": "#/components/responses/Problem" }
        }
      }
    },
    "/api/auth/two-factor/enrolment": {
      "post": {
        "operationId": "beginTwoFactorEnrolment", "tags": ["auth"], "security": [{ "bearer": [] }],
        "summary": "Start (or restart) an enrolment: a new secret, as text, as an otpauth:// link and as a QR code (SVG made by the service)",
        "responses": {
          "201": { "description": "The secret", "content": { "application/json": { "schema": { "type": "object", "required": ["secret", "otpauth_uri", "qr_code_svg"], "properties": { "secret": { "type": "string", "description": "base32" }, "otpauth_uri": { "type": "string" }, "qr_code_svg": { "type": "string" } } } } } },
          "401": { "$ref": "#/components/responses/Problem" }, "409": { "$ref": "#/components/responses/Problem" }
        }
      }
    },
    "/api/auth/two-factor/enrolment/confirm": {
      "post": {
        "operationId": "confirmTwoFactorEnrolment", "tags": ["auth"], "security": [{ "bearer": [] }],
        "summary": "Confirm the enrolment with the code the app shows: two factors are on, this session counts as opened with both, and the \#(RecoveryCodes.count) recovery codes are returned (shown once)",
        "requestBody": { "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": ["code"], "properties": { "code": \#(oneLine(maximumLength: 40)) } } } } },
        "responses": {
          "200": { "$ref": "#/components/responses/RecoveryCodes" },
          "401": { "$ref": "#/components/responses/Problem" }, "409": { "$ref": "#/components/responses/Problem" },
          "422": { "$ref": "#/components/responses/Problem" }
        }
      }
    },
    "/api/auth/two-factor/recovery-codes": {
      "post": {
        "operationId": "replaceRecoveryCodes", "tags": ["auth"], "security": [{ "bearer": [] }],
        "summary": "New recovery codes; the old ones stop working (dangerous: needs a recent sign-in or re-authentication)",
        "responses": {
          "200": { "$ref": "#/components/responses/RecoveryCodes" },
          "401": { "$ref": "#/components/responses/Problem" }, "403": { "$ref": "#/components/responses/Problem" },
          "409": { "$ref": "#/components/responses/Problem" }
        }
      }
    },
    """#

    static let twoFactorResponses = #"""
      "RecoveryCodes": {
        "description": "Recovery codes, each good once; shown only now",
        "content": { "application/json": { "schema": { "type": "object", "required": ["recovery_codes"], "properties": { "recovery_codes": { "type": "array", "items": { "type": "string" } } } } } }
      },
    """#
}
