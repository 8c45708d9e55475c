/**
 * Credentials for the Stytch Management API.
 *
 * Secrets are held as `Redacted` values: they print as `<redacted>` in logs,
 * errors, spans and `toString`, and are only unwrapped to build the
 * `Authorization` header.
 *
 * @since 0.1.0
 */
import * as ConfigError from "effect/ConfigError"
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Predicate from "effect/Predicate"
import * as Redacted from "effect/Redacted"

/**
 * A workspace management key, sent as HTTP Basic auth.
 *
 * @since 0.1.0
 * @category models
 */
export class WorkspaceKey extends Data.TaggedClass("WorkspaceKey")<{
  readonly keyID: string
  readonly keySecret: Redacted.Redacted<string>
}> {}

/**
 * A bearer access token (for example one obtained through OAuth).
 *
 * @since 0.1.0
 * @category models
 */
export class AccessToken extends Data.TaggedClass("AccessToken")<{
  readonly token: Redacted.Redacted<string>
}> {}

/**
 * Fixed credentials of the Management API: a {@link WorkspaceKey} (HTTP Basic)
 * or an {@link AccessToken} (Bearer). `StytchManagement.Options.credentials`
 * also takes a {@link TokenSource}, for tokens that change (OAuth).
 *
 * @since 0.1.0
 * @category models
 */
export type Credentials = WorkspaceKey | AccessToken

/**
 * Credentials computed for every attempt: `authorization` yields the whole
 * `Authorization` header value (for example `Bearer …` from a token store).
 * It cannot fail: a source that can (OAuth's `LoginRequired`) dies with a
 * typed error, which `OAuth.withAuthErrors` turns back into a failure. Used
 * by `OAuth.layer`; not checked by {@link validate} (its values are not known
 * up front).
 *
 * @since 0.1.0
 * @category models
 */
export class TokenSource extends Data.TaggedClass("TokenSource")<{
  readonly authorization: Effect.Effect<Redacted.Redacted<string>>
}> {}

const redact = (value: string | Redacted.Redacted<string>): Redacted.Redacted<string> =>
  Redacted.isRedacted(value) ? value : Redacted.make(value)

/**
 * A workspace key. The values are checked ({@link validate}) when a client is
 * built from them: a missing, blank or malformed id or secret is a
 * `ConfigError`, never a request.
 *
 * @since 0.1.0
 * @category constructors
 */
export const workspaceKey = (keyID: string, keySecret: string | Redacted.Redacted<string>): WorkspaceKey =>
  new WorkspaceKey({ keyID, keySecret: redact(keySecret) })

/**
 * A bearer access token, checked like {@link workspaceKey} when a client is
 * built from it.
 *
 * @since 0.1.0
 * @category constructors
 */
export const accessToken = (token: string | Redacted.Redacted<string>): AccessToken =>
  new AccessToken({ token: redact(token) })

/**
 * Why a credential value is unusable, or `undefined` when it is fine: it
 * must be a non-blank string without control characters; a key id must not
 * contain `:` (HTTP Basic splits there) and a token must be one HTTP header
 * token (printable ASCII, no spaces). Never mentions the value.
 *
 * @since 0.1.0
 * @category validation
 */
export const problem = (kind: "keyID" | "keySecret" | "token", value: unknown): string | undefined => {
  const text = Redacted.isRedacted(value) ? Redacted.value(value as Redacted.Redacted<unknown>) : value
  if (text === undefined || text === null) return "is missing"
  if (typeof text !== "string") return `must be a string, got ${Array.isArray(text) ? "an array" : typeof text}`
  if (text.trim() === "") return "must not be empty or blank"
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) return "must not contain control characters (CR, LF, NUL, …)"
  if (kind === "keyID" && text.includes(":")) return "must not contain \":\""
  if (kind === "token" && !/^[\x21-\x7e]+$/.test(text)) return "must be printable ASCII without spaces"
  return undefined
}

/**
 * Checks credentials where they enter the SDK (`StytchManagement.make`,
 * `layerConfig`, the promise facade): anything but {@link problem}-free
 * values is a `ConfigError` naming the field (`credentials.keySecret`),
 * never its value.
 *
 * @since 0.1.0
 * @category validation
 */
export const validate = (credentials: unknown): Either.Either<Credentials | TokenSource, ConfigError.ConfigError> => {
  const fail = (field: string, message: string) =>
    Either.left(ConfigError.InvalidData(["credentials", ...(field === "" ? [] : [field])], `credentials${field === "" ? "" : `.${field}`} ${message}`))
  // By tag and shape, not `instanceof`: credentials made by another copy of this module (an ESM and a
  // CommonJS build side by side, or sources beside a build) are the same credentials.
  if (Predicate.isTagged(credentials, "WorkspaceKey") && Redacted.isRedacted((credentials as WorkspaceKey).keySecret)) {
    const key = credentials as WorkspaceKey
    const id = problem("keyID", key.keyID)
    if (id !== undefined) return fail("keyID", id)
    const secret = problem("keySecret", key.keySecret)
    return secret === undefined ? Either.right(key) : fail("keySecret", secret)
  }
  if (Predicate.isTagged(credentials, "AccessToken") && Redacted.isRedacted((credentials as AccessToken).token)) {
    const token = problem("token", (credentials as AccessToken).token)
    return token === undefined ? Either.right(credentials as AccessToken) : fail("token", token)
  }
  if (Predicate.isTagged(credentials, "TokenSource") && Effect.isEffect((credentials as TokenSource).authorization)) {
    return Either.right(credentials as TokenSource)
  }
  return fail("", "must be Credentials.workspaceKey(id, secret) or Credentials.accessToken(token)")
}

/**
 * The `Authorization` header value for some credentials, still redacted.
 *
 * @since 0.1.0
 * @category utils
 */
export const authorization = (credentials: Credentials): Redacted.Redacted<string> => {
  switch (credentials._tag) {
    case "WorkspaceKey":
      return Redacted.make(
        `Basic ${base64(`${credentials.keyID}:${Redacted.value(credentials.keySecret)}`)}`
      )
    case "AccessToken":
      return Redacted.make(`Bearer ${Redacted.value(credentials.token)}`)
  }
}

/** Base64 of a string's UTF-8 bytes (`btoa` alone takes Latin-1 only). */
const base64 = (text: string): string => btoa(String.fromCharCode(...new TextEncoder().encode(text)))
