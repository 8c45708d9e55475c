/**
 * `login`, `logout`, `whoami`: OAuth with PKCE through a one-shot loopback
 * callback server, the tokens in a file (0600) under the user's
 * configuration directory. Tokens and secrets are never printed.
 */
import { OAuth } from "@stytch-effect/core"
import * as NodeOAuth from "@stytch-effect/core/NodeOAuth"
import { Projects } from "@stytch-effect/resources"
import * as Effect from "effect/Effect"
import * as Encoding from "effect/Encoding"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Client from "../client.js"
import { CliError } from "../errors.js"
import type * as Options from "../options.js"
import { color, out, style } from "../output.js"

const oauthLayer = (verbose: boolean) =>
  Layer.merge(Client.httpClientLayer(verbose), NodeOAuth.layerFileTokenStorage(Client.tokenPath()))

/** `login [--callback-port n] [--no-browser]`. @internal */
export const login = (options: Options.Common & { readonly callbackPort: number; readonly noBrowser: boolean }) =>
  Effect.gen(function*() {
    const path = Client.tokenPath()
    const c = color.err
    const tokens = yield* NodeOAuth.loginWithLoopback({
      ...Client.oauthServer(),
      port: options.callbackPort,
      open: (url) => {
        process.stderr.write(`Open this URL to sign in to Stytch:\n\n  ${url}\n\n`)
        if (!options.noBrowser) NodeOAuth.openInBrowser(url)
        process.stderr.write(style.dim(c, "Waiting for the browser (Ctrl-C to cancel)…") + "\n")
      }
    })
    yield* out(`Signed in${subjectOf(tokens.accessToken).pipe(Option.match({ onNone: () => "", onSome: (s) => ` as ${s}` }))}.`)
    yield* out(`Scopes: ${tokens.scopes.join(" ")}`)
    yield* out(`Tokens stored in ${path} (mode 0600).`)
  }).pipe(Effect.provide(oauthLayer(options.verbose)))

/** `logout`: revokes the stored refresh token, then removes the token file. @internal */
export const logout = (options: Options.Common) =>
  Effect.gen(function*() {
    const path = Client.tokenPath()
    const storage = yield* OAuth.TokenStorage
    const stored = yield* storage.get
    if (Option.isNone(stored)) return yield* out(`Not signed in (no tokens in ${path}).`)
    yield* OAuth.logout(Client.oauthServer())
    yield* out(`Signed out: the session was revoked and ${path} removed.`)
  }).pipe(Effect.provide(oauthLayer(options.verbose)))

/** The `sub` claim of an access token (a JWT; not verified: for display only). */
const subjectOf = (token: Redacted.Redacted<string>): Option.Option<string> => {
  const payload = Redacted.value(token).split(".")[1]
  if (payload === undefined) return Option.none()
  const decoded = Encoding.decodeBase64UrlString(payload)
  if (Either.isLeft(decoded)) return Option.none()
  try {
    const sub = (JSON.parse(decoded.right) as { sub?: unknown }).sub
    return typeof sub === "string" ? Option.some(sub) : Option.none()
  } catch {
    return Option.none()
  }
}

/** `whoami`: which credentials the commands use, checked with one request. @internal */
export const whoami = (options: Options.Api) =>
  Effect.gen(function*() {
    if (options.fake) {
      yield* out("Using the in-process fake (--fake).")
    } else {
      const source = yield* Client.credentialSource(options)
      if (source._tag === "Key") {
        const credentials = source.credentials
        yield* out(
          credentials._tag === "WorkspaceKey"
            ? `Using workspace key ${credentials.keyID} (from ${source.from}).`
            : `Using an access token (from ${source.from}).`
        )
      } else {
        const path = Client.tokenPath()
        const stored = yield* Effect.flatMap(OAuth.TokenStorage, (storage) => storage.get).pipe(
          Effect.provide(NodeOAuth.layerFileTokenStorage(path))
        )
        if (Option.isNone(stored)) {
          return yield* new CliError({
            message: "not signed in",
            hint: "run `stytch-effect login`, or set STYTCH_WORKSPACE_KEY_ID and STYTCH_WORKSPACE_KEY_SECRET"
          })
        }
        const tokens = stored.value
        const who = Option.match(subjectOf(tokens.accessToken), { onNone: () => "", onSome: (s) => ` as ${s}` })
        yield* out(`Signed in with OAuth${who} (tokens in ${path}).`)
        yield* out(`Scopes: ${tokens.scopes.join(" ")}`)
        yield* out(
          `Access token valid until ${new Date(tokens.expiresAt).toISOString()}${tokens.refreshToken === undefined ? "" : " (refreshed automatically)"}.`
        )
      }
    }
    const { projects } = yield* Client.provide(options, Projects.getAll())
    const c = color.out
    yield* out(style.green(c, `✓ ${projects.length} project(s) visible.`))
  })
