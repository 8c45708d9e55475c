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
import * as Option from "effect/Option"
import * as Schema from "effect/Schema"
import { StytchApiError } from "../StytchError.js"

const Details = Schema.Record({ key: Schema.String, value: Schema.Unknown })

const ErrorBody = Schema.Struct({
  status_code: Schema.optional(Schema.Number),
  request_id: Schema.String,
  error_type: Schema.String,
  error_message: Schema.String,
  error_url: Schema.optional(Schema.String),
  error_details: Schema.optional(Schema.NullOr(Details))
})
const decodeErrorBody = Schema.decodeUnknownOption(ErrorBody)

const OAuth2ErrorBody = Schema.Struct({
  status_code: Schema.optional(Schema.Number),
  request_id: Schema.optional(Schema.String),
  error: Schema.String,
  error_description: Schema.optional(Schema.String),
  error_uri: Schema.optional(Schema.String)
})
const decodeOAuth2ErrorBody = Schema.decodeUnknownOption(OAuth2ErrorBody)

/** The `StytchApiError` of an error response's JSON body, if it has either shape. @internal */
export const apiErrorOf = (body: unknown, status: number): StytchApiError | undefined => {
  const parsed = decodeErrorBody(body)
  if (Option.isSome(parsed)) {
    const e = parsed.value
    return new StytchApiError({
      statusCode: e.status_code ?? status,
      requestID: e.request_id,
      errorType: e.error_type,
      errorMessage: e.error_message,
      ...(e.error_url === undefined ? {} : { errorURL: e.error_url }),
      ...(e.error_details === undefined || e.error_details === null ? {} : { errorDetails: e.error_details })
    })
  }
  const oauth = decodeOAuth2ErrorBody(body)
  if (Option.isSome(oauth)) {
    const e = oauth.value
    return new StytchApiError({
      statusCode: e.status_code ?? status,
      requestID: e.request_id ?? "",
      errorType: e.error,
      errorMessage: e.error_description ?? e.error,
      ...(e.error_uri === undefined ? {} : { errorURL: e.error_uri })
    })
  }
  return undefined
}
