/**
 * Failures as a person reads them: one line saying what went wrong, one
 * line saying what to try (`hint: …`), and the exit code. The full cause
 * (with stack traces) only with `--verbose`.
 */
import * as Cause from "effect/Cause"
import * as Schema from "effect/Schema"
import { color, style } from "./output.js"

/**
 * A failure of the command line itself (bad input, a refused confirmation,
 * missing credentials), with a hint.
 *
 * @internal
 */
export class CliError extends Schema.TaggedError<CliError>("@stytch-effect/cli/CliError")("CliError", {
  message: Schema.String,
  hint: Schema.optional(Schema.String)
}) {}

/**
 * The exit codes, documented in the README.
 *
 * @internal
 */
export const ExitCode = {
  /** Success; `plan --detailed-exitcode`: no changes. */
  ok: 0,
  /** Any error: bad usage or input, API, network, authentication, a refused or failed apply. */
  error: 1,
  /** `plan --detailed-exitcode` only: the plan has changes. */
  changes: 2,
  /** Interrupted (Ctrl-C / SIGTERM). */
  interrupted: 130
} as const

interface Described {
  readonly message: string
  readonly hint?: string | undefined
}

const tagOf = (error: unknown): string | undefined =>
  typeof error === "object" && error !== null && "_tag" in error && typeof error._tag === "string"
    ? error._tag
    : undefined

const field = (error: unknown, name: string): unknown =>
  typeof error === "object" && error !== null ? (error as Record<string, unknown>)[name] : undefined

const apiHint = (status: number): string | undefined => {
  if (status === 401 || status === 403) {
    return "check the credentials (`stytch-effect whoami`): log in again with `stytch-effect login`, or set STYTCH_WORKSPACE_KEY_ID and STYTCH_WORKSPACE_KEY_SECRET"
  }
  if (status === 404) return "check the slugs: `stytch-effect projects list`, `stytch-effect environments list --project <slug>`"
  if (status === 429) return "rate limited: try again later, or allow more retries with --max-retries"
  if (status >= 500) return "Stytch could not answer: try again (--max-retries raises the retries)"
  return undefined
}

const authHints: Record<string, string> = {
  LoginRequired:
    "run `stytch-effect login`, or set STYTCH_WORKSPACE_KEY_ID and STYTCH_WORKSPACE_KEY_SECRET (or pass --workspace-key-id/--workspace-key-secret)",
  RefreshTokenInvalid: "the session ended: run `stytch-effect login` again",
  Timeout: "no sign-in arrived from the browser: run `stytch-effect login` again",
  AuthorizationDenied: "the sign-in was refused in the browser: run `stytch-effect login` again",
  StateMismatch: "the callback did not belong to this login: run `stytch-effect login` again",
  InvalidConfiguration: "check the OAuth URLs (STYTCH_OAUTH_*_URL) and --callback-port (another program may use the port)",
  StorageFailed: "check the permissions of the token file and its directory",
  RevokeFailed: "the tokens were removed locally; the server did not confirm their revocation"
}

/** A hint per `ConflictError` reason (the workspace package's; `promote` gives its own, naming the project). */
const conflictHints: Record<string, string> = {
  Stale: "run `stytch-effect plan` again: the live configuration changed",
  ReplaceOnly: "this key cannot change in place: create a new resource with the new value instead",
  NotApplied: "the API accepted the request but did not apply it: check the value (e.g. verify the sender's domain), then apply again"
}

/** What a failure says, for the known error types. @internal */
export const describe = (error: unknown): Described => {
  switch (tagOf(error)) {
    case "CliError":
      return { message: String(field(error, "message")), hint: field(error, "hint") as string | undefined }
    case "StytchApiError": {
      const status = Number(field(error, "statusCode"))
      const url = field(error, "errorURL")
      return {
        message: `${String(field(error, "errorType"))}: ${String(field(error, "errorMessage"))} (HTTP ${status}, request ${String(field(error, "requestID"))})`,
        hint: apiHint(status) ?? (typeof url === "string" && url !== "" ? `see ${url}` : undefined)
      }
    }
    case "TransportError": {
      const reason = field(error, "reason")
      return {
        message: `${String(field(error, "method"))} ${String(field(error, "url"))}: ${String(field(error, "message"))}`,
        hint: reason === "Timeout"
          ? "the server did not answer in time: raise --timeout (seconds)"
          : "check --base-url (or STYTCH_MANAGEMENT_BASE_URL) and the network"
      }
    }
    case "UnexpectedResponseError":
      return {
        message: `unexpected response (HTTP ${String(field(error, "statusCode"))}): ${String(field(error, "message"))}`,
        hint: "is --base-url the Stytch Management API?"
      }
    case "InvalidRequestError":
      return { message: `invalid ${String(field(error, "field"))}: ${String(field(error, "message"))}` }
    case "AuthError": {
      const reason = String(field(error, "reason"))
      return { message: `sign-in: ${String(field(error, "message"))}`, hint: authHints[reason] }
    }
    case "SecretReferenceError":
      return {
        message: String(field(error, "message")),
        hint: "export each variable the document names in { fromEnv: NAME } before applying"
      }
    case "ConflictError":
      return { message: String(field(error, "message")), hint: conflictHints[String(field(error, "reason"))] }
    case "SeedError":
      return { message: `seed file ${String(field(error, "message"))}`, hint: "see `stytch-effect fake --help` for the seed format" }
    case "MissingData":
    case "InvalidData":
    case "And":
    case "Or":
    case "SourceUnavailable":
    case "Unsupported":
      return { message: `configuration: ${String(error)}` }
  }
  const message = field(error, "message")
  return { message: typeof message === "string" && message !== "" ? message : String(error) }
}

/** Whether the failure is @effect/cli's, which has printed its own help text. @internal */
const isValidationError = (error: unknown): boolean =>
  typeof error === "object" && error !== null && Symbol.for("@effect/cli/ValidationError") in error

/**
 * The lines printed for a failed run (to stderr) and its exit code.
 *
 * @internal
 */
export const report = (cause: Cause.Cause<unknown>, verbose: boolean): { readonly lines: ReadonlyArray<string>; readonly code: number } => {
  if (Cause.isInterruptedOnly(cause)) return { lines: [], code: ExitCode.interrupted }
  const c = color.err
  const lines: Array<string> = []
  const failure = Cause.failureOption(cause)
  if (failure._tag === "Some") {
    if (!isValidationError(failure.value)) {
      const { hint, message } = describe(failure.value)
      lines.push(`${style.red(c, style.bold(c, "error:"))} ${message}`)
      if (hint !== undefined) lines.push(`${style.dim(c, "hint:")} ${hint}`)
    }
  } else {
    const defect = Cause.squash(cause)
    lines.push(`${style.red(c, style.bold(c, "internal error:"))} ${defect instanceof Error ? defect.message : String(defect)}`)
    if (!verbose) lines.push(`${style.dim(c, "hint:")} run again with --verbose for the details, and please report it`)
  }
  if (verbose && failure._tag === "Some" && isValidationError(failure.value)) return { lines, code: ExitCode.error }
  if (verbose) lines.push(Cause.pretty(cause, { renderErrorCause: true }))
  return { lines, code: ExitCode.error }
}
