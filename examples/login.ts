/**
 * Sign in with OAuth, end to end, against the fake served on loopback HTTP
 * (its authorization server approves at once, so "the browser" is a fetch):
 *
 *   pnpm demo:login
 *
 * 1. Effect style: `NodeOAuth.loginWithLoopback` (a one-shot server on
 *    127.0.0.1 receives the callback), tokens in a file (mode 0600), then
 *    `OAuth.layer` authorizes API calls from it.
 * 2. Promise style: `OAuth#getLoginUrl` → callback → `OAuth#handleCallback`,
 *    then `new ManagementClient({ oauth: { token_storage } })`, then logout.
 *
 * Tokens are never printed.
 */
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import { ManagementClient, OAuth as PromiseOAuth, type Tokens, type TokenStorage } from "@stytch-effect/compat"
import { OAuth, StytchManagement } from "@stytch-effect/core"
import * as NodeOAuth from "@stytch-effect/core/NodeOAuth"
import { Projects } from "@stytch-effect/resources"
import { FakeManagementApi } from "@stytch-effect/testing"
import { Effect, Layer } from "effect"

async function main(): Promise<void> {
  const server = await FakeManagementApi.start()
  const dir = Fs.mkdtempSync(Path.join(Os.tmpdir(), "stytch-login-"))
  try {
    console.log(`running against the fake API served at ${server.url}`)
    const endpoints = { tokenURL: server.oauth.tokenURL, revokeURL: server.oauth.revokeURL }

    // 1. Effect: loopback login, file storage, OAuth.layer.
    const file = Path.join(dir, "tokens.json")
    const env = Layer.mergeAll(StytchManagement.defaultHttpClient, NodeOAuth.layerFileTokenStorage(file))
    const program = Effect.gen(function*() {
      const tokens = yield* NodeOAuth.loginWithLoopback({
        ...server.oauth,
        port: 0,
        // a real CLI passes NodeOAuth.openInBrowser; here the fake approves at once
        open: async (url) => {
          console.log(`1. login URL: ${new URL(url).origin}${new URL(url).pathname} (PKCE S256)`)
          await fetch(url)
        }
      })
      console.log(`   signed in; scopes: ${tokens.scopes.join(" ")}`)
      console.log(`   token file mode: ${(Fs.statSync(file).mode & 0o777).toString(8)}`)
      const { project } = yield* Projects.create({ name: "OAuth demo", vertical: "B2B" }).pipe(
        OAuth.withAuthErrors,
        Effect.provide(OAuth.layerWithHttpClient({ baseURL: server.url, ...endpoints }))
      )
      console.log(`   created project ${project.projectSlug} with the OAuth access token`)
      yield* OAuth.logout(endpoints)
      console.log(`   logged out; token file removed: ${!Fs.existsSync(file)}`)
    })
    await Effect.runPromise(program.pipe(Effect.provide(env)))

    // 2. Promise facade: getLoginUrl → handleCallback → ManagementClient({ oauth }).
    let stored: Tokens | null = null
    const token_storage: TokenStorage = {
      getTokens: async () => stored,
      setTokens: async (tokens) => void (stored = tokens),
      clearTokens: async () => void (stored = null)
    }
    const oauth = new PromiseOAuth({
      redirect_uri: "http://127.0.0.1:5001/callback",
      token_storage,
      authorize_url: server.oauth.authorizeURL,
      token_url: server.oauth.tokenURL,
      revoke_url: server.oauth.revokeURL
    })
    const { state, url, verifier } = await oauth.getLoginUrl()
    const callback = (await fetch(url, { redirect: "manual" })).headers.get("location")!
    console.log("2. the authorization server redirected back with a code")
    await oauth.handleCallback({ callback_url: callback, verifier, expected_state: state })
    console.log("   signed in (promise)")
    const client = new ManagementClient({
      base_url: server.url,
      oauth: { token_storage, token_url: server.oauth.tokenURL, revoke_url: server.oauth.revokeURL }
    })
    try {
      const { projects } = await client.projects.getAll()
      console.log(`   ${projects.length} project(s) visible with the OAuth access token`)
    } finally {
      await client.close()
    }
    await oauth.logout()
    console.log(`   logged out; storage empty: ${stored === null}`)
    console.log("done.")
  } finally {
    Fs.rmSync(dir, { recursive: true, force: true })
    await server.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
