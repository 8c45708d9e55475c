/**
 * OAuth on Node: a file {@link OAuth.TokenStorage} (permissions 0600, atomic
 * writes, a lock file so processes sharing it refresh one at a time) and
 * {@link loginWithLoopback}, the command-line login (a one-shot
 * server on 127.0.0.1 receives the browser's callback).
 *
 * ```ts
 * import * as NodeOAuth from "@stytch-effect/core/NodeOAuth"
 * yield* NodeOAuth.loginWithLoopback({ open: NodeOAuth.openInBrowser })
 * // then: Effect.provide(OAuth.layer()), Effect.provide(NodeOAuth.layerFileTokenStorage())
 * ```
 *
 * Node only (it imports `node:fs`, `node:http`, `node:os`); it is not part
 * of the package's main entry, so browser and edge builds never see it.
 *
 * @since 0.1.0
 */
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Deferred from "effect/Deferred"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Runtime from "effect/Runtime"
import * as Schema from "effect/Schema"
import * as ChildProcess from "node:child_process"
import * as Fs from "node:fs"
import * as Http from "node:http"
import type { AddressInfo } from "node:net"
import * as Os from "node:os"
import * as Path from "node:path"
import * as OAuth from "./OAuth.js"
import type { TransportError } from "./StytchError.js"

// ---------------------------------------------------------------------------
// File storage
// ---------------------------------------------------------------------------

/**
 * Where {@link fileTokenStorage} keeps the tokens by default, under the
 * user's configuration directory: `$XDG_CONFIG_HOME` (else `~/.config`) on
 * Linux and other Unixes, `~/Library/Application Support` on macOS,
 * `%APPDATA%` on Windows; then `stytch-effect/oauth-tokens.json`.
 *
 * @since 0.1.0
 * @category file storage
 */
export const defaultTokenPath = (): string => {
  const home = Os.homedir()
  const base = process.platform === "win32"
    ? process.env.APPDATA ?? Path.join(home, "AppData", "Roaming")
    : process.platform === "darwin"
    ? Path.join(home, "Library", "Application Support")
    : process.env.XDG_CONFIG_HOME !== undefined && process.env.XDG_CONFIG_HOME !== ""
    ? process.env.XDG_CONFIG_HOME
    : Path.join(home, ".config")
  return Path.join(base, "stytch-effect", "oauth-tokens.json")
}

const decodeFile = Schema.decodeUnknownEither(OAuth.TokensFromJson)
const encodeFile = Schema.encodeSync(OAuth.TokensFromJson)

const storageError = (what: string, path: string) => (cause: unknown) =>
  new OAuth.AuthError({ reason: "StorageFailed", message: `could not ${what} the token file ${path}`, cause })

const codeOf = (error: unknown) => (error as { code?: unknown } | null)?.code

/**
 * Options of {@link fileTokenStorage}.
 *
 * @since 0.1.0
 * @category file storage
 */
export interface FileTokenStorageOptions {
  /**
   * A lock file older than this is taken to be left by a process that died
   * holding it, and removed (a lock of a process on this host that no
   * longer runs is removed at once). Default 60 s: longer than a refresh
   * (one token request, 30 s at most by default).
   */
  readonly lockStaleAfter?: Duration.DurationInput | undefined
}

const DEFAULT_LOCK_STALE_AFTER = Duration.seconds(60)

/** Who holds a lock file: written into it, compared before it is removed. */
interface LockOwner {
  readonly pid: number
  readonly host: string
  readonly nonce: string
}

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return codeOf(error) === "EPERM"
  }
}

/** Whether the lock file's content and age say its holder is gone. */
const isStale = (content: string, modifiedAt: number, staleAfterMillis: number): boolean => {
  if (Date.now() - modifiedAt > staleAfterMillis) return true
  try {
    const owner = JSON.parse(content) as Partial<LockOwner>
    return owner.host === Os.hostname() && typeof owner.pid === "number" && owner.pid !== process.pid &&
      !isRunning(owner.pid)
  } catch {
    return false // still being written: only its age can make it stale
  }
}

/**
 * One attempt at the lock: creates the lock file exclusively (`wx`) and
 * returns its content, or `undefined` when another holder has it (after
 * removing it if it is stale, so the next attempt can take it).
 */
const tryLock = async (lockPath: string, staleAfterMillis: number): Promise<string | undefined> => {
  const content = JSON.stringify(
    { pid: process.pid, host: Os.hostname(), nonce: globalThis.crypto.randomUUID() } satisfies LockOwner
  )
  try {
    const handle = await Fs.promises.open(lockPath, "wx", 0o600)
    try {
      await handle.writeFile(content, "utf8")
    } finally {
      await handle.close()
    }
    return content
  } catch (error) {
    if (codeOf(error) !== "EEXIST") throw error
  }
  const held = await Promise.all([
    Fs.promises.readFile(lockPath, "utf8"),
    Fs.promises.stat(lockPath).then((stat) => stat.mtimeMs)
  ]).catch((error: unknown) => {
    if (codeOf(error) === "ENOENT") return undefined // released meanwhile
    throw error
  })
  if (held === undefined) return undefined
  const [seen, modifiedAt] = held
  if (isStale(seen, modifiedAt, staleAfterMillis)) {
    // Move it aside (atomic: of several waiters one wins), then check it is the one judged stale; a
    // lock taken in between is put back.
    const aside = `${lockPath}.${globalThis.crypto.randomUUID()}.stale`
    try {
      await Fs.promises.rename(lockPath, aside)
    } catch (error) {
      if (codeOf(error) === "ENOENT") return undefined
      throw error
    }
    if ((await Fs.promises.readFile(aside, "utf8").catch(() => seen)) !== seen) {
      await Fs.promises.link(aside, lockPath).catch(() => undefined)
    }
    await Fs.promises.unlink(aside).catch(() => undefined)
  }
  return undefined
}

/** Removes the lock file if it is still ours (a lock judged stale and taken over is left to its new holder). */
const unlock = async (lockPath: string, content: string): Promise<void> => {
  const current = await Fs.promises.readFile(lockPath, "utf8").catch(() => undefined)
  if (current === content) await Fs.promises.unlink(lockPath).catch(() => undefined)
}

/**
 * Runs an effect holding the lock file `lockPath`: attempts with a
 * jittered backoff (5 ms doubling to 200 ms), stale locks removed, at most
 * twice the stale timeout of waiting (then `StorageFailed`).
 */
const withLockFile = (path: string, staleAfterMillis: number) => {
  const lockPath = `${path}.lock`
  const failed = storageError("lock", path)
  const acquire = Effect.gen(function*() {
    yield* Effect.tryPromise({
      try: () => Fs.promises.mkdir(Path.dirname(path), { recursive: true, mode: 0o700 }),
      catch: failed
    })
    const giveUpAt = Date.now() + 2 * staleAfterMillis
    for (let attempt = 0;; attempt++) {
      const content = yield* Effect.tryPromise({ try: () => tryLock(lockPath, staleAfterMillis), catch: failed })
      if (content !== undefined) return content
      if (Date.now() > giveUpAt) {
        return yield* Effect.fail(failed(new Error(`the lock file ${lockPath} stayed held; remove it if no process uses it`)))
      }
      yield* Effect.sleep(Duration.millis(Math.min(200, 5 * 2 ** attempt) * (0.5 + Math.random() / 2)))
    }
  })
  return <A, E, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E | OAuth.AuthError, R> =>
    Effect.acquireUseRelease(acquire, () => effect, (content) => Effect.promise(() => unlock(lockPath, content)))
}

/**
 * A token storage in a JSON file (`{ access_token, refresh_token?,
 * expires_at, issued_at?, scope }`). The directory is created with mode
 * 0700, the file written with mode 0600 to a temporary file next to it,
 * flushed, then renamed over the old one: a crash mid-write leaves the
 * previous tokens intact, never a half-written file. A missing file is "no
 * tokens"; a file that does not parse is treated as "no tokens" too (with a
 * warning), so a new login replaces it.
 *
 * Processes sharing the file refresh one at a time: `withLock` holds the
 * lock file `<path>.lock` (created with `wx`, so exactly one process has
 * it; waiters retry with a jittered backoff). A lock left by a process that
 * died is removed when its holder no longer runs on this host, or when it
 * is older than `lockStaleAfter`.
 *
 * @since 0.1.0
 * @category file storage
 */
export const fileTokenStorage = (
  path: string = defaultTokenPath(),
  options: FileTokenStorageOptions = {}
): OAuth.TokenStorageService => ({
  get: Effect.tryPromise({
    try: async () => {
      try {
        return await Fs.promises.readFile(path, "utf8")
      } catch (error) {
        if ((error as { code?: unknown }).code === "ENOENT") return undefined
        throw error
      }
    },
    catch: storageError("read", path)
  }).pipe(
    Effect.flatMap((text) => {
      if (text === undefined) return Effect.succeedNone
      const decoded = decodeFile(text)
      return Either.isRight(decoded)
        ? Effect.succeedSome(decoded.right)
        : Effect.as(
          Effect.logWarning(`stytch-effect: the token file ${path} is not readable as tokens; ignoring it`),
          Option.none()
        )
    })
  ),
  set: (tokens) =>
    Effect.tryPromise({
      try: async () => {
        const dir = Path.dirname(path)
        await Fs.promises.mkdir(dir, { recursive: true, mode: 0o700 })
        const temp = Path.join(dir, `.${Path.basename(path)}.${process.pid}.${globalThis.crypto.randomUUID()}.tmp`)
        try {
          const handle = await Fs.promises.open(temp, "wx", 0o600)
          try {
            await handle.writeFile(encodeFile(tokens), "utf8")
            await handle.sync()
          } finally {
            await handle.close()
          }
          await Fs.promises.rename(temp, path)
        } catch (error) {
          await Fs.promises.unlink(temp).catch(() => undefined)
          throw error
        }
      },
      catch: storageError("write", path)
    }),
  clear: Effect.tryPromise({
    try: () =>
      Fs.promises.unlink(path).catch((error: { code?: unknown }) => {
        if (error.code !== "ENOENT") throw error
      }),
    catch: storageError("delete", path)
  }),
  withLock: withLockFile(path, Duration.toMillis(Duration.decode(options.lockStaleAfter ?? DEFAULT_LOCK_STALE_AFTER)))
})

/**
 * A layer of {@link fileTokenStorage}.
 *
 * @since 0.1.0
 * @category file storage
 */
export const layerFileTokenStorage = (
  path?: string,
  options?: FileTokenStorageOptions
): Layer.Layer<OAuth.TokenStorage> => Layer.sync(OAuth.TokenStorage, () => fileTokenStorage(path, options))

// ---------------------------------------------------------------------------
// Loopback login
// ---------------------------------------------------------------------------

/**
 * Opens a URL in the user's browser (`open` on macOS, `xdg-open` elsewhere,
 * `rundll32` on Windows; no shell). Errors are ignored: print the URL too.
 *
 * @since 0.1.0
 * @category loopback login
 */
export const openInBrowser = (url: string): void => {
  const [command, args] = process.platform === "darwin"
    ? ["open", [url]] as const
    : process.platform === "win32"
    ? ["rundll32", ["url.dll,FileProtocolHandler", url]] as const
    : ["xdg-open", [url]] as const
  try {
    ChildProcess.spawn(command, [...args], { stdio: "ignore", detached: true }).on("error", () => undefined).unref()
  } catch {
    // no browser: the URL was printed
  }
}

/**
 * Options of {@link loginWithLoopback}: the OAuth server and client (as
 * `OAuth.ServerOptions`), the scopes, where the one-shot callback server
 * listens, how long it waits and how the login URL is shown.
 *
 * @since 0.1.0
 * @category loopback login
 */
export interface LoopbackOptions extends OAuth.ServerOptions {
  /** Default {@link OAuth.DEFAULT_SCOPES} (plus `offline_access`). */
  readonly scopes?: ReadonlyArray<string> | undefined
  readonly offlineAccess?: boolean | undefined
  /** A loopback address. Default `127.0.0.1`. */
  readonly host?: string | undefined
  /** Default 5001 (the Stytch CLI client's registered redirect); `0` picks a free port. */
  readonly port?: number | undefined
  /** The callback path. Default `/callback`. */
  readonly path?: string | undefined
  /** How long to wait for the callback. Default 5 minutes. */
  readonly timeout?: Duration.DurationInput | undefined
  /**
   * Shows the login URL to the user. Default: prints it to stderr. Pass
   * {@link openInBrowser} (or a function that does both) to open it.
   */
  readonly open?: ((url: string) => void | Promise<void>) | undefined
}

const page = (title: string, text: string) =>
  `<!doctype html><meta charset="utf-8"><title>${title}</title><p>${text}</p>`

/**
 * Logs in from a command line: listens on a loopback port, shows the login
 * URL (`open`), waits for the browser's callback (at most `timeout`),
 * checks its `state` (a callback with another state is answered 400 and
 * ignored), exchanges the code with the PKCE verifier and stores the tokens
 * in the {@link OAuth.TokenStorage}. The server is closed afterwards in all
 * cases. Fails with `AuthError` (`Timeout`, `AuthorizationDenied`,
 * `TokenRequestFailed`, …) or a `TransportError`.
 *
 * @since 0.1.0
 * @category loopback login
 */
export const loginWithLoopback = (
  options: LoopbackOptions = {}
): Effect.Effect<OAuth.Tokens, OAuth.AuthError | TransportError, HttpClient.HttpClient | OAuth.TokenStorage> =>
  Effect.scoped(Effect.gen(function*() {
    const host = options.host ?? "127.0.0.1"
    const callbackPath = options.path ?? "/callback"
    const callback = yield* Deferred.make<string>()
    const expected = { state: "" }
    const runtime = yield* Effect.runtime<never>()
    const server = yield* Effect.acquireRelease(
      Effect.async<Http.Server, OAuth.AuthError>((resume) => {
        const server = Http.createServer((req, res) => {
          const url = new URL(req.url ?? "/", `http://${host}`)
          const send = (status: number, html: string) => {
            res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" })
            res.end(html)
          }
          if (req.method !== "GET" || url.pathname !== callbackPath) return send(404, page("Not found", "Not found."))
          if (expected.state === "" || url.searchParams.get("state") !== expected.state) {
            return send(400, page("Sign-in failed", "This sign-in link is stale or was not started here; start again."))
          }
          const denied = url.searchParams.has("error")
          send(
            200,
            denied
              ? page("Sign-in failed", "Sign-in was not completed. You can close this window.")
              : page("Signed in", "Signed in to stytch-effect. You can close this window.")
          )
          Runtime.runFork(runtime)(Deferred.succeed(callback, url.href))
        })
        const cannotListen = (cause: unknown) =>
          resume(Effect.fail(
            new OAuth.AuthError({
              reason: "InvalidConfiguration",
              message: `could not listen on ${host}:${options.port ?? 5001}`,
              cause
            })
          ))
        server.once("error", cannotListen)
        try {
          server.listen(options.port ?? 5001, host, () => resume(Effect.succeed(server)))
        } catch (cause) {
          // a port out of range throws at once (ERR_SOCKET_BAD_PORT) instead of emitting "error"
          cannotListen(cause)
        }
      }),
      (server) =>
        Effect.async<void>((resume) => {
          server.close(() => resume(Effect.void))
          server.closeAllConnections()
        })
    )
    const { port } = server.address() as AddressInfo
    const redirectURI = `http://${host.includes(":") ? `[${host}]` : host}:${port}${callbackPath}`
    const login = yield* OAuth.loginURL({ ...options, redirectURI })
    expected.state = login.state
    yield* Effect.promise(async () => {
      if (options.open === undefined) process.stderr.write(`Open this URL to sign in to Stytch:\n\n  ${login.url}\n\n`)
      else await options.open(login.url)
    })
    const timeout = Duration.decode(options.timeout ?? Duration.minutes(5))
    const callbackURL = yield* Deferred.await(callback).pipe(
      Effect.timeoutFail({
        duration: timeout,
        onTimeout: () =>
          new OAuth.AuthError({
            reason: "Timeout",
            message: `no sign-in callback within ${Duration.format(timeout)}`
          })
      })
    )
    return yield* OAuth.handleCallback({
      ...options,
      callbackURL,
      verifier: login.verifier,
      expectedState: login.state,
      redirectURI,
      ...(options.scopes === undefined ? {} : { scopes: options.scopes })
    })
  }))
