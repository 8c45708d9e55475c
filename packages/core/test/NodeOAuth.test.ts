import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import { it } from "@effect/vitest"
import { OAuth, StytchManagement } from "@stytch-effect/core"
import * as NodeOAuth from "@stytch-effect/core/NodeOAuth"
import { Projects } from "@stytch-effect/resources"
import { FakeManagementApi } from "@stytch-effect/testing"
import { Duration, Effect, Fiber, Layer, Option, Redacted, TestClock } from "effect"
import { afterEach, describe, expect, vi } from "vitest"

const dirs: Array<string> = []
const tempPath = () => {
  const dir = Fs.mkdtempSync(Path.join(Os.tmpdir(), "stytch-oauth-"))
  dirs.push(dir)
  return Path.join(dir, "nested", "tokens.json")
}
afterEach(() => {
  vi.restoreAllMocks()
  for (const dir of dirs.splice(0)) Fs.rmSync(dir, { recursive: true, force: true })
})

const tokens = (n: number): OAuth.Tokens => ({
  accessToken: Redacted.make(`access-${n}`),
  refreshToken: Redacted.make(`refresh-${n}`),
  expiresAt: 1_700_000_000_000 + n,
  scopes: ["admin:projects", "offline_access"]
})

const accessOf = (o: Option.Option<OAuth.Tokens>) => Option.map(o, (t) => Redacted.value(t.accessToken))

describe("file token storage", () => {
  it.effect("writes the file with mode 0600 (directory 0700), reads it back, clears it", () =>
    Effect.gen(function*() {
      const path = tempPath()
      const storage = NodeOAuth.fileTokenStorage(path)
      expect(yield* storage.get).toEqual(Option.none())
      yield* storage.set(tokens(1))
      if (process.platform !== "win32") {
        expect(Fs.statSync(path).mode & 0o777).toBe(0o600)
        expect(Fs.statSync(Path.dirname(path)).mode & 0o777).toBe(0o700)
      }
      expect(JSON.parse(Fs.readFileSync(path, "utf8"))).toEqual({
        access_token: "access-1",
        refresh_token: "refresh-1",
        expires_at: 1_700_000_000_001,
        scope: "admin:projects offline_access"
      })
      const back = Option.getOrThrow(yield* storage.get)
      expect(Redacted.value(back.refreshToken!)).toBe("refresh-1")
      expect(back.scopes).toEqual(["admin:projects", "offline_access"])
      yield* storage.set(tokens(2))
      expect(accessOf(yield* storage.get)).toEqual(Option.some("access-2"))
      expect(Fs.readdirSync(Path.dirname(path))).toEqual(["tokens.json"])
      yield* storage.clear
      yield* storage.clear
      expect(yield* storage.get).toEqual(Option.none())
    }))

  it.effect("a crash mid-write (before the rename) leaves the previous tokens intact", () =>
    Effect.gen(function*() {
      const path = tempPath()
      const storage = NodeOAuth.fileTokenStorage(path)
      yield* storage.set(tokens(1))
      // the process dies after writing the temporary file, before renaming it
      vi.spyOn(Fs.promises, "rename").mockRejectedValueOnce(Object.assign(new Error("killed"), { code: "EINTR" }))
      const error = yield* Effect.flip(storage.set(tokens(2)))
      expect(error.reason).toBe("StorageFailed")
      expect(accessOf(yield* storage.get)).toEqual(Option.some("access-1"))
      // a half-written temporary file left by a killed process changes nothing either
      Fs.writeFileSync(Path.join(Path.dirname(path), ".tokens.json.999.x.tmp"), "{\"access_tok")
      expect(accessOf(yield* storage.get)).toEqual(Option.some("access-1"))
      yield* storage.set(tokens(3))
      expect(accessOf(yield* storage.get)).toEqual(Option.some("access-3"))
    }))

  it.effect("a file that is not tokens reads as no tokens", () =>
    Effect.gen(function*() {
      const path = tempPath()
      Fs.mkdirSync(Path.dirname(path), { recursive: true })
      Fs.writeFileSync(path, "{\"access_tok")
      expect(yield* NodeOAuth.fileTokenStorage(path).get).toEqual(Option.none())
    }))

  it("the default path is under the user's config directory", () => {
    const dir = Fs.mkdtempSync(Path.join(Os.tmpdir(), "xdg-"))
    dirs.push(dir)
    vi.stubEnv("XDG_CONFIG_HOME", dir)
    vi.stubEnv("APPDATA", dir)
    try {
      const path = NodeOAuth.defaultTokenPath()
      if (process.platform === "darwin") expect(path).toContain("Library/Application Support")
      else expect(path).toBe(Path.join(dir, "stytch-effect", "oauth-tokens.json"))
    } finally {
      vi.unstubAllEnvs()
    }
  })
})

describe("loopback login", () => {
  it.live("logs in against the served fake, stores the tokens in a file, and the client uses them", () =>
    Effect.gen(function*() {
      const served = yield* FakeManagementApi.serve()
      const path = tempPath()
      const seen: Array<string> = []
      const env = Layer.mergeAll(StytchManagement.defaultHttpClient, NodeOAuth.layerFileTokenStorage(path))
      const endpoints = { tokenURL: served.oauth.tokenURL, revokeURL: served.oauth.revokeURL }
      const tokens = yield* NodeOAuth.loginWithLoopback({
        ...served.oauth,
        port: 0,
        open: async (url) => {
          seen.push(url)
          // a stray callback with another state is refused and ignored
          const callback = new URL(url).searchParams.get("redirect_uri")!
          expect((await fetch(`${callback}?code=x&state=forged`)).status).toBe(400)
          // the browser: the fake approves and redirects to the loopback server
          const page = await fetch(url)
          expect(page.status).toBe(200)
          expect(await page.text()).toContain("Signed in")
        }
      }).pipe(Effect.provide(env))
      expect(seen).toHaveLength(1)
      expect(new URL(seen[0]!).searchParams.get("redirect_uri")).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/)
      expect(Fs.statSync(path).isFile()).toBe(true)
      const { projects } = yield* Projects.getAll().pipe(
        OAuth.withAuthErrors,
        Effect.provide(OAuth.layerWithHttpClient({ baseURL: served.url, ...endpoints })),
        Effect.provide(env)
      )
      expect(projects).toEqual([])
      yield* OAuth.logout(endpoints).pipe(Effect.provide(env))
      expect(Fs.existsSync(path)).toBe(false)
      expect(Redacted.value(tokens.accessToken)).not.toBe("")
    }).pipe(Effect.scoped))

  it.effect("no callback in time: AuthError Timeout (TestClock), the port is released", () =>
    Effect.gen(function*() {
      const env = Layer.mergeAll(StytchManagement.defaultHttpClient, OAuth.layerMemoryTokenStorage())
      let url = ""
      const fiber = yield* Effect.fork(
        NodeOAuth.loginWithLoopback({ port: 0, timeout: "1 minute", open: (u) => void (url = u) }).pipe(
          Effect.provide(env),
          Effect.flip
        )
      )
      yield* Effect.yieldNow()
      yield* Effect.promise(() => new Promise((r) => setTimeout(r, 50)))
      yield* TestClock.adjust(Duration.minutes(1))
      const error = yield* Fiber.join(fiber)
      expect(error._tag === "AuthError" && error.reason).toBe("Timeout")
      const callback = new URL(url).searchParams.get("redirect_uri")!
      const refused = yield* Effect.promise(() => fetch(callback).then(() => "open", () => "closed"))
      expect(refused).toBe("closed")
    }))
})
