/**
 * The typed errors raised by stytch-effect operations.
 *
 * Every operation fails with a subset of {@link StytchError}; match on `_tag`
 * (`Effect.catchTag("StytchApiError", …)`) to handle one kind.
 *
 * @since 0.1.0
 */
import * as Schema from "effect/Schema"

/**
 * The server answered with a non-2xx status and a Stytch error body
 * (`status_code`, `request_id`, `error_type`, `error_message`, `error_url`,
 * and on the project API `error_details`), or the OAuth2 error body of a
 * token endpoint (`error` → `errorType`, `error_description` →
 * `errorMessage`, `error_uri` → `errorURL`; `requestID` is `""` when absent).
 *
 * @since 0.1.0
 * @category errors
 */
export class StytchApiError extends Schema.TaggedError<StytchApiError>("@stytch-effect/core/StytchApiError")(
  "StytchApiError",
  {
    statusCode: Schema.Number,
    requestID: Schema.String,
    errorType: Schema.String,
    errorMessage: Schema.String,
    errorURL: Schema.optional(Schema.String),
    /** Extra details some project-API errors carry (`error_details`). */
    errorDetails: Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Unknown }))
  }
) {
  /**
   * `<errorType>: <errorMessage> (status <statusCode>, request <requestID>)`.
   *
   * @since 0.1.0
   */
  override get message(): string {
    return `${this.errorType}: ${this.errorMessage} (status ${this.statusCode}, request ${this.requestID})`
  }
}

/**
 * The request never produced a response: the connection failed or was
 * refused, or the configured timeout or deadline elapsed (the request is then
 * aborted). The message ends with the low-level cause's text, and `cause` is
 * a copy of it; neither ever contains a credential or a configured header
 * value (they are replaced by `<redacted>`). After retries, the message says
 * how many attempts were made and over how long: `request timed out after
 * 1s: GET … (3 attempts over 3s 500ms, waits between them included)` (the
 * timeout applies to each attempt; `deadline` bounds them all).
 *
 * @since 0.1.0
 * @category errors
 */
export class TransportError extends Schema.TaggedError<TransportError>("@stytch-effect/core/TransportError")(
  "TransportError",
  {
    reason: Schema.Literal("Timeout", "ConnectionRefused", "Network"),
    method: Schema.String,
    url: Schema.String,
    message: Schema.String,
    cause: Schema.optional(Schema.Defect)
  }
) {}

/**
 * The server answered, but its body could not be understood: a 2xx body that
 * does not match the operation's schema, an error status without a Stytch
 * error body (for example an HTML page from a proxy), a redirect (never
 * followed: the API does not redirect), or a body over the size limit (not
 * read; its connection is closed).
 *
 * The message names the paths that failed to decode, never the values (a
 * response may carry secrets).
 *
 * @since 0.1.0
 * @category errors
 */
export class UnexpectedResponseError extends Schema.TaggedError<UnexpectedResponseError>(
  "@stytch-effect/core/UnexpectedResponseError"
)("UnexpectedResponseError", {
  statusCode: Schema.Number,
  requestID: Schema.optional(Schema.String),
  message: Schema.String
}) {}

/**
 * The request was rejected before anything was sent: an empty or malformed
 * path parameter, a body that does not match the operation's schema, or an
 * invalid per-call option.
 *
 * The message names the field and what to do, one `; `-separated part per
 * field: `vertical: expected one of "ALL" | "CONSUMER" | "B2B", received
 * "B2C_TYPO"` (an enum shows the value received; any other field only its
 * kind, `name: expected string, received number`, as values may be
 * secrets), or `project_slug: no such field; did you mean projectSlug?` for
 * a key spelt like a field (snake_case, another casing), which is checked
 * first.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidRequestError extends Schema.TaggedError<InvalidRequestError>(
  "@stytch-effect/core/InvalidRequestError"
)("InvalidRequestError", {
  /**
   * `MissingPathParameter`: a path parameter is empty, blank or absent
   * (or spelt otherwise: `project_slug`);
   * `InvalidPathParameter`: it is a dot segment (`.` or `..`);
   * `Body`: any other field does not match the request schema;
   * `RequestOption`: a per-call option (`StytchManagement.withRequestOptions`)
   * is invalid — a header that cannot be sent, a non-positive timeout.
   */
  kind: Schema.Literal("MissingPathParameter", "InvalidPathParameter", "Body", "RequestOption"),
  /** The request field at fault, as the caller spelt it (`projectSlug`). */
  field: Schema.String,
  message: Schema.String
}) {}

/**
 * Any error an operation that sends a request can raise. A type, not a
 * class: match a member by `_tag` (or `instanceof StytchApiError`, …).
 * `@stytch-effect/compat`'s `StytchError` is another thing: the class of the
 * errors its promise clients throw for an API error answer (made from a
 * {@link StytchApiError}, its `cause`).
 *
 * @since 0.1.0
 * @category errors
 */
export type StytchError = StytchApiError | TransportError | UnexpectedResponseError | InvalidRequestError

/**
 * The errors raised once a request has been sent: what the retry policy sees.
 *
 * @since 0.1.0
 * @category errors
 */
export type ResponseError = StytchApiError | TransportError | UnexpectedResponseError

/**
 * Signing in with OAuth failed, or the stored session can no longer be used.
 * Raised only by the `OAuth` module and its credentials layer (it is not part
 * of {@link StytchError}: clients with a workspace key or a static token
 * never see it). `reason`:
 *
 * - `LoginRequired`: no tokens are stored, or the access token expired and
 *   there is no refresh token; log in again.
 * - `RefreshTokenInvalid`: the token endpoint refused the refresh token
 *   (revoked, rotated by someone else, expired); the stored tokens were
 *   cleared (unless the storage already holds other tokens, stored by
 *   another process meanwhile: those are kept); log in again.
 * - `StateMismatch`: the callback's `state` is not the expected one (a
 *   forged or stale callback); nothing was exchanged.
 * - `IssuerMismatch`: the callback's `iss` (RFC 9207) is not the configured
 *   authorization server's issuer; nothing was exchanged.
 * - `AuthorizationDenied`: the callback carries `error=` (the user declined,
 *   …); `error` and `errorDescription` say why.
 * - `InvalidCallback`: the callback URL has no `code`, or is not a URL.
 * - `TokenRequestFailed`: the token endpoint refused the code (wrong
 *   verifier, reused code, …) or failed (`statusCode`, `error`,
 *   `errorDescription`).
 * - `InvalidTokenResponse`: the token endpoint answered 2xx with something
 *   that is not a usable token response.
 * - `RevokeFailed`: the revoke endpoint refused the token.
 * - `StorageFailed`: the token storage could not be read or written.
 * - `InvalidConfiguration`: a client id or endpoint URL is unusable.
 * - `Timeout`: the loopback login got no callback in time.
 *
 * Messages never contain a token, a code or a verifier.
 *
 * @since 0.1.0
 * @category errors
 */
// Marked pure (as Effect marks its own classes), so that a bundle that never raises it drops it.
export class AuthError extends /* @__PURE__ */ Schema.TaggedError<AuthError>("@stytch-effect/core/AuthError")("AuthError", {
  reason: /* @__PURE__ */ Schema.Literal(
    "LoginRequired",
    "RefreshTokenInvalid",
    "StateMismatch",
    "IssuerMismatch",
    "AuthorizationDenied",
    "InvalidCallback",
    "TokenRequestFailed",
    "InvalidTokenResponse",
    "RevokeFailed",
    "StorageFailed",
    "InvalidConfiguration",
    "Timeout"
  ),
  message: Schema.String,
  /** The OAuth 2.0 `error` code (`invalid_grant`, `access_denied`, …), if the server sent one. */
  error: /* @__PURE__ */ Schema.optional(Schema.String),
  /** The OAuth 2.0 `error_description`, if the server sent one. */
  errorDescription: /* @__PURE__ */ Schema.optional(Schema.String),
  /** The HTTP status of the token or revoke endpoint's answer, if any. */
  statusCode: /* @__PURE__ */ Schema.optional(Schema.Number),
  cause: /* @__PURE__ */ Schema.optional(Schema.Defect)
}) {
  /** `true` when the refresh token was refused and the stored tokens were cleared (Prisma's flag). @since 0.1.0 */
  get refreshTokenInvalid(): boolean {
    return this.reason === "RefreshTokenInvalid"
  }
}
