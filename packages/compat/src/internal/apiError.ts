/**
 * The fields and constructor of the facade's API error class `StytchError`
 * (and so of its subclass `ManagementStytchError`), made from core's
 * `StytchApiError`.
 *
 * @internal
 */
import type { StytchError } from "@stytch-effect/core"

/**
 * The API answered with a non-2xx status and a Stytch error body. Fields are
 * spelt as on the wire (and as the official SDKs spell them).
 *
 * @internal
 */
export abstract class ApiError extends Error {
  /** The HTTP status (`404`). */
  readonly status_code: number
  /** The request id, to quote to Stytch support. */
  readonly request_id: string
  /** A stable, machine-readable error type (`project_not_found`, `m2m_client_not_found`). */
  readonly error_type: string
  /** A human-readable explanation. */
  readonly error_message: string
  /** A link to the error's documentation, when the API sent one. */
  readonly error_url: string | undefined
  /** The `StytchApiError` this error was made from. */
  declare readonly cause: StytchError.StytchApiError

  constructor(error: StytchError.StytchApiError) {
    super(error.message, { cause: error })
    this.status_code = error.statusCode
    this.request_id = error.requestID
    this.error_type = error.errorType
    this.error_message = error.errorMessage
    this.error_url = error.errorURL
  }
}
