/**
 * The error bodies of the Stytch APIs, mapped to `StytchApiError`:
 *
 * - the Stytch body (`status_code`, `request_id`, `error_type`,
 *   `error_message`, `error_url`, and on the project API `error_details`);
 * - the OAuth2 body of the token endpoints (RFC 6749: `error`,
 *   `error_description`, `error_uri`), mapped as the official node SDK does
 *   (`error` → `errorType`, `error_description` → `errorMessage`,
 *   `error_uri` → `errorURL`).
 *
 * @internal
 */
import { StytchApiError } from "../StytchError.js"

type Body = Readonly<Record<string, unknown>>

const string = (body: Body, key: string): string | undefined => typeof body[key] === "string" ? body[key] : undefined

/** The `StytchApiError` of an error response's JSON body, if it has either shape. @internal */
export const apiErrorOf = (json: unknown, status: number): StytchApiError | undefined => {
  if (typeof json !== "object" || json === null || Array.isArray(json)) return undefined
  const body = json as Body
  const statusCode = typeof body.status_code === "number" ? body.status_code : status
  const requestID = string(body, "request_id")
  const errorType = string(body, "error_type")
  const errorMessage = string(body, "error_message")
  if (requestID !== undefined && errorType !== undefined && errorMessage !== undefined) {
    const errorURL = string(body, "error_url")
    const details = body.error_details
    return new StytchApiError({
      statusCode,
      requestID,
      errorType,
      errorMessage,
      ...(errorURL === undefined ? {} : { errorURL }),
      ...(typeof details === "object" && details !== null && !Array.isArray(details)
        ? { errorDetails: details as Body }
        : {})
    })
  }
  const error = string(body, "error")
  if (error === undefined) return undefined
  const errorURI = string(body, "error_uri")
  return new StytchApiError({
    statusCode,
    requestID: requestID ?? "",
    errorType: error,
    errorMessage: string(body, "error_description") ?? error,
    ...(errorURI === undefined ? {} : { errorURL: errorURI })
  })
}
