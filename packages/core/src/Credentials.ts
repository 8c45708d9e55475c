/**
 * Credentials for the Stytch Management API.
 *
 * Secrets are held as `Redacted` values: they print as `<redacted>` in logs,
 * errors, spans and `toString`, and are only unwrapped to build the
 * `Authorization` header.
 *
 * @since 0.1.0
 */
import * as Data from "effect/Data"
import * as Encoding from "effect/Encoding"
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
 * @since 0.1.0
 * @category models
 */
export type Credentials = WorkspaceKey | AccessToken

const redact = (value: string | Redacted.Redacted<string>): Redacted.Redacted<string> =>
  Redacted.isRedacted(value) ? value : Redacted.make(value)

/**
 * @since 0.1.0
 * @category constructors
 */
export const workspaceKey = (keyID: string, keySecret: string | Redacted.Redacted<string>): WorkspaceKey =>
  new WorkspaceKey({ keyID, keySecret: redact(keySecret) })

/**
 * @since 0.1.0
 * @category constructors
 */
export const accessToken = (token: string | Redacted.Redacted<string>): AccessToken =>
  new AccessToken({ token: redact(token) })

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
        `Basic ${Encoding.encodeBase64(`${credentials.keyID}:${Redacted.value(credentials.keySecret)}`)}`
      )
    case "AccessToken":
      return Redacted.make(`Bearer ${Redacted.value(credentials.token)}`)
  }
}
