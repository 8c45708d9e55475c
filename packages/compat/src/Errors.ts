/**
 * The errors a `ManagementClient` throws (as rejected promises, or
 * synchronously from its constructor). All are real `Error` subclasses, so
 * `instanceof` works; each keeps the typed stytch-effect error it was made
 * from as its `cause`.
 *
 * ```ts
 * try {
 *   await client.projects.get({ projectSlug: "invalid-slug" })
 * } catch (error) {
 *   // StytchError: any API error of either client; ManagementStytchError: a ManagementClient's
 *   if (error instanceof StytchError) console.error(error.error_type, error.request_id)
 *   else if (error instanceof RequestError) console.error("network:", error.reason)
 *   else if (error instanceof ClientError) console.error(error.code, error.message)
 * }
 * ```
 *
 * @since 0.1.0
 */
import type { StytchError as StytchError_ } from "@stytch-effect/core"
import { ApiError } from "./internal/apiError.js"

/**
 * An API answered with a non-2xx status and a Stytch error body: the class
 * of every API error a `ProjectClient` or a `ManagementClient` throws (the
 * latter's are its subclass {@link ManagementStytchError}). Not to be
 * confused with `StytchError` of `@stytch-effect/core`, the type of the
 * Effect API's typed failures (a union of tagged errors, of which
 * `StytchApiError` is this class's `cause`). For a `ProjectClient`: the
 * project API's error body, or the OAuth2 error body of the token endpoint (mapped
 * as the official node SDK maps it: `error` → `error_type`,
 * `error_description` → `error_message`, `error_uri` → `error_url`). Fields
 * are those of the official node SDK's `StytchError`: `status_code`,
 * `request_id`, `error_type` (`m2m_client_not_found`, `invalid_client`),
 * `error_message`, `error_url`, `error_details`, and `cause`, the
 * `StytchApiError` it was made from.
 *
 * @since 0.1.0
 * @category errors
 */
export class StytchError extends ApiError {
  static {
    this.prototype.name = "StytchError"
  }
  /**
   * The request id (`""` when an OAuth2 error body had none).
   *
   * @since 0.1.0
   */
  declare readonly request_id: string
  /**
   * Extra details, when the API sent them.
   *
   * @since 0.1.0
   */
  readonly error_details: Readonly<Record<string, unknown>> | undefined

  constructor(error: StytchError_.StytchApiError) {
    super(error)
    this.error_details = error.errorDetails
  }
}

/**
 * The Management API (a `ManagementClient`) answered with a non-2xx status
 * and a Stytch error body. A {@link StytchError}, as every API error either
 * client throws (`error instanceof StytchError` catches both), with the same
 * fields, spelt as on the wire (and as the official SDKs spell them):
 * `status_code` (`404`), `request_id` (to quote to Stytch support),
 * `error_type` (stable, machine-readable: `project_not_found`),
 * `error_message`, `error_url` (when the API sent one), and `cause`, the
 * `StytchApiError` it was made from.
 *
 * @since 0.1.0
 * @category errors
 */
export class ManagementStytchError extends StytchError {
  static {
    this.prototype.name = "ManagementStytchError"
  }
}

/**
 * The request never produced a response: the connection failed or was
 * refused, or the client's `timeout` elapsed (the request is then aborted).
 * Retryable failures have already been retried when this is thrown; the
 * message then says how many attempts were made, over how long.
 *
 * @since 0.1.0
 * @category errors
 */
export class RequestError extends Error {
  static {
    this.prototype.name = "RequestError"
  }
  /**
   * `Timeout`, `ConnectionRefused` or `Network`.
   *
   * @since 0.1.0
   */
  readonly reason: StytchError_.TransportError["reason"]
  /**
   * The HTTP method of the failed request.
   *
   * @since 0.1.0
   */
  readonly method: string
  /**
   * The URL of the failed request (it never carries credentials).
   *
   * @since 0.1.0
   */
  readonly url: string
  /**
   * The `TransportError` this error was made from; its own `cause` is the low-level error, if any.
   *
   * @since 0.1.0
   */
  declare readonly cause: StytchError_.TransportError

  constructor(error: StytchError_.TransportError) {
    super(error.message, { cause: error })
    this.reason = error.reason
    this.method = error.method
    this.url = error.url
  }
}

/**
 * A code of a {@link ClientError}.
 *
 * - `MISSING_PATH_PARAMETER` — a path parameter (`projectSlug`, …) is empty;
 *   thrown before any request is sent. Message: `<field> cannot be empty`, or
 *   `project_slug: no such field; did you mean projectSlug?` for a key spelt
 *   like the field (snake_case, another casing).
 * - `INVALID_PATH_PARAMETER` — a path parameter is `.` or `..`; thrown before any request is sent.
 * - `INVALID_REQUEST` — the request body does not match the operation's
 *   schema (a wrong type, a missing field, an enum value it does not know:
 *   `vertical: expected one of "ALL" | "CONSUMER" | "B2B", received "B2C"`), or
 *   has a key spelt like one of its fields (`did you mean …?`), or a per-call
 *   option is invalid (`signal must be an AbortSignal`, `deadline must be
 *   positive`, `max_retries: no such option; did you mean maxRetries?`) or
 *   written in the request; thrown before any request is sent.
 * - `UNEXPECTED_RESPONSE` — the API answered with a body that could not be
 *   understood (a 2xx body that does not match the schema, or an error status
 *   without a Stytch error body, e.g. an HTML page from a proxy).
 * - `MISSING_CREDENTIALS` — no credentials in the `ClientConfig` nor in the environment (constructor).
 * - `INVALID_BASE_URL` — a malformed `base_url`, or `http:` to a non-loopback host (constructor).
 * - `INVALID_CONFIG` — any other invalid setting (a negative `timeout`, a
 *   key spelt like an option: `baseURL: no such option; did you mean base_url?`, …).
 * - `CLIENT_CLOSED` — the client was closed with `close()` (before the call, or
 *   while it was in flight: `close()` aborts calls in flight).
 * - `ABORTED` — the call's `signal` was aborted; the request in flight, if
 *   any, was aborted (its connection closed). The `cause` is the signal's `reason`.
 * - `INTERRUPTED` — the operation was interrupted before it completed.
 * - `UNEXPECTED_ERROR` — a failure of a custom layer that none of the above describes.
 * - `jwt_invalid` — a `ProjectClient`'s `authenticateToken`: the token's signature or claims
 *   are not valid, or it is not an M2M access token (a session JWT, no `scope` claim). The
 *   official node SDK's code, lowercase as there.
 * - `jwt_too_old` — `authenticateToken`: older than `max_token_age_seconds`.
 * - `missing_scopes` — `authenticateToken`: the required scopes are not granted (`cause` is the
 *   list of required scopes, as in the official SDK).
 *
 * @since 0.1.0
 * @category errors
 */
export type ClientErrorCode =
  | "MISSING_PATH_PARAMETER"
  | "INVALID_PATH_PARAMETER"
  | "INVALID_REQUEST"
  | "UNEXPECTED_RESPONSE"
  | "MISSING_CREDENTIALS"
  | "INVALID_BASE_URL"
  | "INVALID_CONFIG"
  | "CLIENT_CLOSED"
  | "ABORTED"
  | "INTERRUPTED"
  | "UNEXPECTED_ERROR"
  | "jwt_invalid"
  | "jwt_too_old"
  | "missing_scopes"

/**
 * The client itself rejected something: an invalid request caught before
 * any network call, a response it could not understand, or an invalid
 * configuration (thrown by the constructor). Switch on {@link ClientError.code}.
 *
 * @since 0.1.0
 * @category errors
 */
export class ClientError extends Error {
  static {
    this.prototype.name = "ClientError"
  }
  /**
   * What went wrong; see {@link ClientErrorCode}.
   *
   * @since 0.1.0
   */
  readonly code: ClientErrorCode
  /**
   * The request field at fault (`projectSlug`), for request errors.
   *
   * @since 0.1.0
   */
  declare readonly field?: string
  /**
   * The HTTP status, for `UNEXPECTED_RESPONSE`.
   *
   * @since 0.1.0
   */
  declare readonly status_code?: number
  /**
   * The request id, for `UNEXPECTED_RESPONSE` when the body carried one.
   *
   * @since 0.1.0
   */
  declare readonly request_id?: string

  constructor(
    code: ClientErrorCode,
    message: string,
    options: {
      readonly cause?: unknown
      readonly field?: string | undefined
      readonly status_code?: number | undefined
      readonly request_id?: string | undefined
    } = {}
  ) {
    super(message, "cause" in options ? { cause: options.cause } : undefined)
    this.code = code
    // Only the details that apply become properties, so logs stay short.
    const self = this as { field?: string; status_code?: number; request_id?: string }
    if (options.field !== undefined) self.field = options.field
    if (options.status_code !== undefined) self.status_code = options.status_code
    if (options.request_id !== undefined) self.request_id = options.request_id
  }
}
