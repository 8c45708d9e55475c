/** An error the fake answers with, as the real API would. @internal */
export class FakeError {
  readonly _tag = "FakeError"
  constructor(
    readonly status: number,
    readonly errorType: string,
    readonly errorMessage: string
  ) {}
}

/** @internal */
export const notFound = (what: string, id: string): FakeError =>
  new FakeError(404, `${what.replace(/ /g, "_")}_not_found`, `${what[0]!.toUpperCase()}${what.slice(1)} not found: ${id}`)

/** @internal */
export const badRequest = (errorType: string, errorMessage: string): FakeError =>
  new FakeError(400, errorType, errorMessage)

/** @internal */
export const conflict = (errorType: string, errorMessage: string): FakeError =>
  new FakeError(409, errorType, errorMessage)

/** The wire error body, as the real API sends it. @internal */
export const errorBody = (requestID: string, status: number, errorType: string, errorMessage: string) => ({
  status_code: status,
  request_id: requestID,
  error_type: errorType,
  error_message: errorMessage,
  error_url: `https://stytch.com/docs/api/errors/${status}#${errorType}`
})
