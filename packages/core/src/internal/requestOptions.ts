/**
 * Per-call request options (`StytchManagement.withRequestOptions`) and the
 * header checks shared with the layer's `headers` option.
 *
 * @internal
 */
import * as Duration from "effect/Duration"
import * as FiberRef from "effect/FiberRef"
import { globalValue } from "effect/GlobalValue"

/** Checked per-call overrides, as `makeSend` reads them. @internal */
export interface Resolved {
  readonly timeout: Duration.Duration | undefined
  readonly deadline: Duration.Duration | undefined
  readonly maxRetries: number | undefined
  /** Lower-case names, checked. */
  readonly headers: Readonly<Record<string, string>> | undefined
}

/** The overrides of the current fiber; `undefined` for none (the common case). @internal */
export const currentRequestOptions: FiberRef.FiberRef<Resolved | undefined> = globalValue(
  Symbol.for("@stytch-effect/core/CurrentRequestOptions"),
  () => FiberRef.unsafeMake<Resolved | undefined>(undefined)
)

/** An HTTP token (RFC 9110 §5.6.2). */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
/** What node:http and fetch accept in a header value: tab, visible ASCII, space, obs-text (no CR, LF, NUL, other controls, nothing above U+00FF). */
const VALUE = /^[\t\x20-\x7e\x80-\xff]*$/

/**
 * Headers a caller may not set: framing and connection headers (a wrong one
 * desynchronises the connection), and `authorization` (credentials are the
 * one way to authenticate, and are validated).
 */
const RESERVED = new Set([
  "authorization",
  "proxy-authorization",
  "host",
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "upgrade",
  "te",
  "trailer",
  "expect"
])

/**
 * Checks extra headers; returns them with lower-case names, or the problem
 * (naming the header, never its value).
 *
 * @internal
 */
export const checkHeaders = (
  headers: unknown
): { readonly headers: Readonly<Record<string, string>> } | { readonly field: string; readonly problem: string } => {
  if (headers === undefined) return { headers: {} }
  if (typeof headers !== "object" || headers === null || Array.isArray(headers)) {
    return { field: "headers", problem: "headers must be an object of header names to string values" }
  }
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    const field = `headers.${TOKEN.test(name) ? name : JSON.stringify(name)}`
    if (!TOKEN.test(name)) return { field, problem: `header name ${JSON.stringify(name)} is not a valid HTTP token` }
    const lower = name.toLowerCase()
    if (RESERVED.has(lower)) return { field, problem: `header "${name}" cannot be set (reserved by the client)` }
    if (typeof value !== "string") return { field, problem: `header "${name}" must be a string` }
    if (!VALUE.test(value)) {
      return { field, problem: `header "${name}" contains a character not allowed in a header value (CR, LF, NUL, another control character, or above U+00FF)` }
    }
    out[lower] = value
  }
  return { headers: out }
}

/** A duration option: positive, or a reason. @internal */
export const checkDuration = (value: unknown): Duration.Duration | string => {
  const decoded = Duration.decodeUnknown(value)
  if (decoded._tag === "None") return "must be a duration (a number of milliseconds, or a Duration)"
  const d = decoded.value
  return Duration.greaterThan(d, Duration.zero) ? d : "must be positive"
}
