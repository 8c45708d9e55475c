import * as Schema from "effect/Schema"

/**
 * Why `authenticateToken` rejected a token: `Invalid` (signature, issuer,
 * audience, expiry, not-before, `typ`, algorithm, unknown key, not an M2M
 * access token — no string `scope` claim, or a session JWT —, or no `iat`
 * when a maximum age is asked), `TooOld` (older than `maxTokenAgeSeconds`), `MissingScopes` (the
 * required scopes are not granted; `requiredScopes` lists them).
 *
 * @since 0.1.0
 * @category errors
 */
export class TokenVerificationError extends Schema.TaggedError<TokenVerificationError>(
  "@stytch-effect/resources/TokenVerificationError"
)("TokenVerificationError", {
  reason: Schema.Literal("Invalid", "TooOld", "MissingScopes"),
  message: Schema.String,
  requiredScopes: Schema.optional(Schema.Array(Schema.String)),
  cause: Schema.optional(Schema.Defect)
}) {}
