/**
 * The request and response an operation exchanges with the service's `send`
 * (re-exported by `StytchManagement`; here so the transport needs no import
 * of the public module). @internal
 */
import type * as HttpMethod from "@effect/platform/HttpMethod"

/**
 * What an operation hands to {@link Service.send}: one HTTP request of the
 * API with its path already built (parameters checked and percent-encoded),
 * its query pairs and its body as wire JSON. The service adds the base URL,
 * authorization, `User-Agent`, the timeout and retries.
 *
 * @internal
 */
export interface ApiRequest {
  readonly method: HttpMethod.HttpMethod
  /** The URL path, e.g. `/pwa/v3/projects/my-project` (no base URL, no query). */
  readonly path: string
  /** Query parameters, unencoded; the transport encodes them. */
  readonly query: ReadonlyArray<readonly [string, string]>
  /** The JSON body (`undefined` for none). */
  readonly body: unknown
  /** Send without the service's `Authorization` header (a public endpoint). */
  readonly anonymous?: boolean | undefined
}

/**
 * What {@link Service.send} succeeds with: a 2xx status and the parsed JSON
 * body, still in wire (snake_case) form. Non-2xx answers are failures
 * (`StytchApiError` or `UnexpectedResponseError`), never an `ApiResponse`.
 *
 * @internal
 */
export interface ApiResponse {
  readonly status: number
  readonly body: unknown
}

