/**
 * `fake`: serves the fake Management API (and its OAuth authorization
 * server) on loopback and prints the shell exports that point the other
 * commands, and the SDKs, at it.
 */
import { FakeManagementApi } from "@stytch-effect/testing"
import * as Effect from "effect/Effect"
import type * as Option from "effect/Option"
import { CliError } from "../errors.js"
import type * as Options from "../options.js"
import { color, err, out, style } from "../output.js"

const quote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`

/**
 * `fake [--port n] [--host h] [--seed file]`: runs until interrupted
 * (Ctrl-C). Prints testing's `shellExports` line, then one for the OAuth
 * endpoints (`login` against the fake).
 *
 * @internal
 */
export const fake = (
  options: Options.Common & { readonly port: number; readonly host: string; readonly seed: Option.Option<string> }
) =>
  Effect.scoped(Effect.gen(function*() {
    const seed = options.seed._tag === "Some" ? yield* FakeManagementApi.loadSeed(options.seed.value) : undefined
    const served = yield* FakeManagementApi.serve({ port: options.port, host: options.host, seed }).pipe(
      Effect.catchAllDefect((defect) =>
        new CliError({
          message: `could not serve the fake on ${options.host}:${options.port}: ${defect instanceof Error ? defect.message : String(defect)}`,
          hint: "pick another --port (0 lets the system choose), on a loopback --host"
        })
      )
    )
    const c = color.err
    yield* err(style.bold(c, `Serving a fake Stytch Management API on ${served.url}`))
    yield* err(style.dim(c, "In memory: its state is lost when it stops. Its workspace key opens nothing else. Ctrl-C to stop."))
    yield* err(style.dim(c, "Point stytch-effect (and the SDKs) at it with:"))
    yield* out(FakeManagementApi.shellExports(served))
    yield* out(
      ["export", ...[
        ["STYTCH_OAUTH_AUTHORIZE_URL", served.oauth.authorizeURL],
        ["STYTCH_OAUTH_TOKEN_URL", served.oauth.tokenURL],
        ["STYTCH_OAUTH_REVOKE_URL", served.oauth.revokeURL]
      ].map(([name, value]) => `${name}=${quote(value!)}`)].join(" ")
    )
    return yield* Effect.never
  }))
