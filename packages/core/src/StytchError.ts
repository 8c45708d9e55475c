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
  /** @since 0.1.0 */
  override get message(): string {
    return `${this.errorType}: ${this.errorMessage} (status ${this.statusCode}, request ${this.requestID})`
  }
}

/**
 * The request never produced a response: the connection failed or was
 * refused, or the configured timeout elapsed (the request is then aborted).
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
 * does not match the operation's schema, or an error status without a Stytch
 * error body (for example an HTML page from a proxy).
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
 * path parameter, or a body that does not match the operation's schema.
 *
 * @since 0.1.0
 * @category errors
 */
export class InvalidRequestError extends Schema.TaggedError<InvalidRequestError>(
  "@stytch-effect/core/InvalidRequestError"
)("InvalidRequestError", {
  /**
   * `MissingPathParameter`: a path parameter is empty, blank or absent;
   * `InvalidPathParameter`: it is a dot segment (`.` or `..`);
   * `Body`: any other field does not match the request schema.
   */
  kind: Schema.Literal("MissingPathParameter", "InvalidPathParameter", "Body"),
  /** The request field at fault, as the caller spelt it (`projectSlug`). */
  field: Schema.String,
  message: Schema.String
}) {}

/**
 * Any error an operation that sends a request can raise.
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
