import { type ChildProcess, fork, spawnSync } from "node:child_process"
import * as Fs from "node:fs"
import * as Os from "node:os"
import * as Path from "node:path"
import { fileURLToPath } from "node:url"
import { it } from "@effect/vitest"
import { OAuth, StytchManagement } from "@stytch-effect/core"
import * as NodeOAuth from "@stytch-effect/core/NodeOAuth"
import { Projects } from "@stytch-effect/resources"
import { FakeManagementApi } from "@stytch-effect/testing"
import { Deferred, Duration, Effect, Fiber, Layer, Option, Redacted, TestClock } from "effect"
import { afterEach, describe, expect, it as vitest, vi } from "vitest"

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

  it.effect("a port out of range: AuthError InvalidConfiguration, as for a port in use, not a defect", () =>
    Effect.gen(function*() {
      const env = Layer.mergeAll(StytchManagement.defaultHttpClient, OAuth.layerMemoryTokenStorage())
      for (const port of [99999, -1, 1.5]) {
        const error = yield* NodeOAuth.loginWithLoopback({ port, open: () => undefined }).pipe(
          Effect.provide(env),
          Effect.flip
        )
        expect(error._tag === "AuthError" && [error.reason, error.message]).toEqual([
          "InvalidConfiguration",
          `could not listen on 127.0.0.1:${port}`
        ])
      }
    }))
})

describe("file token storage lock", () => {
  /** Takes the lock in the background; resolves when it is held, with a function that releases it. */
  const hold = (storage: OAuth.TokenStorageService) =>
    Effect.gen(function*() {
      const held = yield* Deferred.make<void>()
      const release = yield* Deferred.make<void>()
      const fiber = yield* Effect.fork(storage.withLock!(Effect.zipRight(Deferred.succeed(held, undefined), Deferred.await(release))))
      yield* Deferred.await(held)
      return Effect.zipRight(Deferred.succeed(release, undefined), Fiber.join(fiber))
    })

  it.live("one holder at a time, in this process and across storages of the same file; released afterwards", () =>
    Effect.gen(function*() {
      const path = tempPath()
      const a = NodeOAuth.fileTokenStorage(path)
      const b = NodeOAuth.fileTokenStorage(path)
      const release = yield* hold(a)
      expect(Fs.existsSync(`${path}.lock`)).toBe(true)
      const order: Array<string> = []
      const waiter = yield* Effect.fork(b.withLock!(Effect.sync(() => order.push("b"))))
      yield* Effect.sleep("100 millis")
      order.push("a released")
      yield* release
      yield* Fiber.join(waiter)
      expect(order).toEqual(["a released", "b"])
      expect(Fs.existsSync(`${path}.lock`)).toBe(false)
      // a failure inside releases the lock too, and comes back as it was
      const error = yield* Effect.flip(a.withLock!(Effect.fail("inner" as const)))
      expect(error).toBe("inner")
      expect(Fs.existsSync(`${path}.lock`)).toBe(false)
    }))

  it.live("a lock left by a process that died is taken over at once; an old one after lockStaleAfter", () =>
    Effect.gen(function*() {
      const path = tempPath()
      Fs.mkdirSync(Path.dirname(path), { recursive: true })
      const dead = spawnSync(process.execPath, ["-e", ""]).pid!
      const owner = (pid: number) => JSON.stringify({ pid, host: Os.hostname(), nonce: "x" })
      Fs.writeFileSync(`${path}.lock`, owner(dead))
      const started = Date.now()
      yield* NodeOAuth.fileTokenStorage(path).withLock!(Effect.void)
      expect(Date.now() - started).toBeLessThan(2000)
      // held by a live process (this one, another storage), but older than lockStaleAfter
      Fs.writeFileSync(`${path}.lock`, owner(process.pid))
      const old = new Date(Date.now() - 10_000)
      Fs.utimesSync(`${path}.lock`, old, old)
      yield* NodeOAuth.fileTokenStorage(path, { lockStaleAfter: "5 seconds" }).withLock!(Effect.void)
      expect(Fs.existsSync(`${path}.lock`)).toBe(false)
      expect(Fs.readdirSync(Path.dirname(path))).toEqual([])
    }))
})

describe("two processes sharing one token file", () => {
  const root = fileURLToPath(new URL("../../../", import.meta.url))
  const child = fileURLToPath(new URL("./fixtures/refreshChild.ts", import.meta.url))
  const children: Array<ChildProcess> = []
  afterEach(() => {
    for (const c of children.splice(0)) c.kill()
  })

  /** A child process running an OAuth session over the token file; `call()` runs one API call in it. */
  const start = async (args: ReadonlyArray<string>) => {
    const process_ = fork(child, [...args], { cwd: root, execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] })
    children.push(process_)
    const answers: Array<(answer: { ok: boolean; reason?: string }) => void> = []
    const ready = new Promise<void>((resolve, reject) => {
      process_.once("error", reject)
      process_.once("exit", (code) => reject(new Error(`the child exited with ${code}`)))
      process_.on("message", (message) => message === "ready" ? resolve() : answers.shift()?.(message as never))
    })
    await ready
    return {
      call: () =>
        new Promise<{ ok: boolean; reason?: string }>((resolve) => {
          answers.push(resolve)
          process_.send("call")
        })
    }
  }

  vitest("refresh at the same moment 20 times in a row: one refresh grant each time, the login alive at the end", async () => {
    // access tokens of 1 s: the leeway is capped at 0.5 s, so both processes need a refresh every ~0.5 s
    await using server = await FakeManagementApi.start({ oauth: { accessTokenLifetime: "1 second" } })
    const file = tempPath()
    const endpoints = { tokenURL: server.oauth.tokenURL, revokeURL: server.oauth.revokeURL }
    const env = Layer.mergeAll(StytchManagement.defaultHttpClient, NodeOAuth.layerFileTokenStorage(file))
    await Effect.runPromise(Effect.gen(function*() {
      const login = yield* OAuth.loginURL({ ...server.oauth, redirectURI: "http://127.0.0.1:5001/callback" })
      const callbackURL = yield* Effect.promise(() => server.approve(login.url))
      yield* OAuth.handleCallback({ ...endpoints, callbackURL, verifier: login.verifier, expectedState: login.state })
    }).pipe(Effect.provide(env)))
    const args = [server.url, endpoints.tokenURL, endpoints.revokeURL, file]
    const [a, b] = await Promise.all([start(args), start(args)])
    const grants = () =>
      server.requests().filter((r) => r.operation === "oauth.token" && (r.body as { grant_type?: string }).grant_type === "refresh_token").length
    const readFile = () => JSON.parse(Fs.readFileSync(file, "utf8")) as { expires_at: number; issued_at: number; refresh_token: string }
    for (let round = 1; round <= 20; round++) {
      // wait until the stored tokens are within their (capped) leeway: both processes must refresh
      const { expires_at, issued_at } = readFile()
      const due = expires_at - (expires_at - issued_at) / 2
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now()) + 20))
      const before = grants()
      const answers = await Promise.all([a!.call(), b!.call()])
      expect(answers, `round ${round}`).toEqual([{ ok: true }, { ok: true }])
      expect(grants() - before, `round ${round}`).toBe(1)
    }
    expect(grants()).toBe(20)
    const api = server.requests().filter((r) => r.operation === "projects.getAll")
    expect(api).toHaveLength(40)
    expect(api.every((r) => r.authorized)).toBe(true)
    // the login is alive: the stored refresh token works (with reuse detection, a reuse would have revoked it)
    const refreshed = await fetch(endpoints.tokenURL, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: readFile().refresh_token, client_id: OAuth.DEFAULT_CLIENT_ID })
    })
    expect(refreshed.status).toBe(200)
    expect(Fs.existsSync(`${file}.lock`)).toBe(false)
  }, 120_000)
})
