/**
 * An `HttpClient` over Node's own HTTP client (`node:http` / `node:https`)
 * with keep-alive agents: the default transport of `StytchManagement.layer`
 * on Node (see `StytchManagement.layer`). No dependency beyond Node itself.
 *
 * Import it by its path, on Node only (core's index does not re-export it,
 * so browser and edge builds never see `node:` modules):
 *
 * ```ts
 * import * as NodeHttpClient from "@stytch-effect/core/NodeHttpClient"
 * import * as https from "node:https"
 *
 * // A custom agent: a corporate CA, a socket limit, a proxying agent, …
 * const transport = NodeHttpClient.layer({ httpsAgent: new https.Agent({ keepAlive: true, ca }) })
 * const live = StytchManagement.layerWithHttpClient(options).pipe(Layer.provide(transport))
 * ```
 *
 * What it does, and does not:
 * - keep-alive agents of its own (one for `http:`, one for `https:`), whose
 *   sockets are destroyed when the layer's scope closes; idle sockets never
 *   keep the process alive. Agents you pass are yours: they are used, never
 *   destroyed.
 * - `https:` verifies certificates against Node's CA store (plus
 *   `NODE_EXTRA_CA_CERTS`), like any `node:https` request.
 * - Proxy environment variables (`HTTPS_PROXY`, `NO_PROXY`, …) are NOT read,
 *   as Node's own HTTP client does not read them: pass a proxying agent.
 * - Sends `accept-encoding: identity` unless the request sets its own, and
 *   decodes `gzip`, `deflate` and `br` response bodies if a server compresses
 *   anyway.
 * - Interruption (and the SDK's per-attempt timeout) destroys the request's
 *   socket: the server sees the connection closed.
 * - A request that fails with `ECONNRESET`/`EPIPE` on a reused keep-alive
 *   socket before any response (the server closed the idle connection as we
 *   sent) is sent once more on a fresh socket, as Node's documentation
 *   advises.
 * - As a general `HttpClient` it buffers each response body before
 *   succeeding (`stream` replays the buffered bytes): made for API calls, not
 *   for downloads. For the SDK's own requests the body is bounded
 *   (`maxResponseSize`, default 16 MiB, decoded size included): past it the
 *   socket is destroyed and the call fails with `UnexpectedResponseError`.
 * - Never follows a redirect (node:http does not); the SDK refuses a 3xx.
 *
 * @since 0.1.0
 */
/// <reference types="node" />
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientError from "@effect/platform/HttpClientError"
import type * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type * as Scope from "effect/Scope"
import * as Stream from "effect/Stream"
import * as Http from "node:http"
import * as Https from "node:https"
import * as Zlib from "node:zlib"
import { DirectAttemptId, type DirectSettings } from "./internal/direct.js"
import * as DirectAttempt from "./internal/directAttempt.js"
import { ResponseTooLarge } from "./internal/webBody.js"

/**
 * Options of {@link layer}: the agents requests are sent with. Agents given
 * here are used as is and never destroyed by the layer.
 *
 * @since 0.1.0
 * @category options
 */
export interface Options {
  /** The agent for `http:` URLs (loopback only, for the API). Default: a keep-alive agent of the client's own. */
  readonly httpAgent?: Http.Agent | undefined
  /** The agent for `https:` URLs: custom CAs, client certificates, socket limits, a proxy. Default: a keep-alive agent of the client's own. */
  readonly httpsAgent?: Https.Agent | undefined
}

interface Agents {
  readonly http: Http.Agent
  readonly https: Https.Agent
  readonly destroy: () => void
}

const makeAgents = (options: Options): Agents => {
  const http = options.httpAgent ?? new Http.Agent({ keepAlive: true })
  const https = options.httpsAgent ?? new Https.Agent({ keepAlive: true })
  return {
    http,
    https,
    destroy: () => {
      if (options.httpAgent === undefined) http.destroy()
      if (options.httpsAgent === undefined) https.destroy()
    }
  }
}

interface Target {
  readonly request: typeof Http.request
  readonly agent: Http.Agent
  readonly protocol: string
  readonly hostname: string
  readonly port: string
  /** The base URL's path, without a trailing slash (usually ""). */
  readonly prefix: string
}

const targetOf = (agents: Agents, url: URL): Target => {
  const secure = url.protocol === "https:"
  if (!secure && url.protocol !== "http:") throw new TypeError(`unsupported protocol ${url.protocol}`)
  return {
    request: secure ? Https.request : Http.request,
    agent: secure ? agents.https : agents.http,
    protocol: url.protocol,
    // `[::1]` → `::1`: node:http wants the bare address.
    hostname: url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname,
    port: url.port,
    prefix: url.pathname.replace(/\/+$/, "")
  }
}

/** Reads (and decodes) a response body, at most `limit` bytes of it, then calls `done` once. */
const readBody = (
  response: Http.IncomingMessage,
  limit: number,
  done: (error: unknown, body: Buffer | undefined) => void
): void => {
  const tooLarge = () => {
    done(new ResponseTooLarge(response.statusCode ?? 0, limit), undefined)
    // Stop reading and release the connection: the socket is destroyed, not returned to the pool.
    response.destroy()
  }
  const declared = Number(response.headers["content-length"])
  if (declared > limit) return tooLarge()
  const chunks: Array<Buffer> = []
  let size = 0
  let stopped = false
  response.on("data", (chunk: Buffer) => {
    if (stopped) return
    size += chunk.length
    if (size > limit) {
      stopped = true
      return tooLarge()
    }
    chunks.push(chunk)
  })
  response.on("error", (error) => done(error, undefined))
  response.on("aborted", () => done(Object.assign(new Error("response aborted"), { code: "ECONNRESET" }), undefined))
  response.on("end", () => {
    if (stopped) return
    const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)
    const encoding = response.headers["content-encoding"]?.trim().toLowerCase()
    if (encoding === undefined || encoding === "" || encoding === "identity") return done(undefined, raw)
    const decoded = (error: Error | null, body: Buffer) =>
      error === null
        ? done(undefined, body)
        : (error as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE"
        ? done(new ResponseTooLarge(response.statusCode ?? 0, limit), undefined)
        : done(error, undefined)
    // The decoded size is bounded too (a small compressed body can expand enormously).
    const maxOutputLength = Number.isFinite(limit) ? limit : undefined
    const options = { finishFlush: Zlib.constants.Z_SYNC_FLUSH, maxOutputLength }
    switch (encoding) {
      case "gzip":
      case "x-gzip":
        return Zlib.gunzip(raw, options, decoded)
      case "deflate":
        // Servers send zlib-wrapped or raw deflate under this name.
        return raw.length > 0 && (raw[0]! & 0x0f) === 0x08
          ? Zlib.inflate(raw, options, decoded)
          : Zlib.inflateRaw(raw, options, decoded)
      case "br":
        return Zlib.brotliDecompress(raw, { maxOutputLength }, decoded)
      default:
        return done(new Error(`unsupported content-encoding: ${encoding}`), undefined)
    }
  })
}

const retriableOnReusedSocket = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code
  return code === "ECONNRESET" || code === "EPIPE"
}

interface Received {
  readonly response: Http.IncomingMessage
  readonly body: Buffer
}

/**
 * The one request function: sends, reads the whole body, calls `callback`
 * once (never after `abort`). Retries once on a stale keep-alive socket.
 */
const request = (
  target: Target,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | Uint8Array | undefined,
  limit: number,
  callback: (error: unknown, received: Received | undefined) => void
): () => void => {
  if (headers["accept-encoding"] === undefined) headers["accept-encoding"] = "identity"
  let current: Http.ClientRequest | undefined
  let settled = false
  const settle = (error: unknown, received: Received | undefined) => {
    if (settled) return
    settled = true
    callback(error, received)
  }
  const start = (retried: boolean) => {
    let responded = false
    let req: Http.ClientRequest
    try {
      req = target.request({
      agent: target.agent,
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      method,
      path,
      headers
      }, (response) => {
        responded = true
        readBody(response, limit, (error, buffer) => settle(error, buffer === undefined ? undefined : { response, body: buffer }))
      })
    } catch (error) {
      // Invalid headers or options throw synchronously.
      return settle(error, undefined)
    }
    current = req
    req.on("error", (error) => {
      if (settled || current !== req) return
      if (!responded && !retried && req.reusedSocket && retriableOnReusedSocket(error)) return start(true)
      settle(error, undefined)
    })
    req.end(body)
  }
  start(false)
  return () => {
    settled = true
    current?.destroy()
  }
}

const headerOf = (response: Http.IncomingMessage) => (name: string): string | undefined => {
  const value = response.headers[name]
  return Array.isArray(value) ? value[0] : value
}

const makeDirectAttempt = (agents: Agents) => (settings: DirectSettings) => {
  const target = targetOf(agents, new URL(settings.baseURL))
  const send: DirectAttempt.DirectSend = (method, pathAndQuery, headers, body, callback) =>
    request(target, method, target.prefix + pathAndQuery, headers, body, settings.maxResponseBytes, (error, received) =>
      received === undefined
        ? callback(error, undefined)
        : callback(undefined, {
          status: received.response.statusCode ?? 0,
          header: headerOf(received.response),
          text: received.body.toString("utf8")
        }))
  return DirectAttempt.make(send, settings)
}

/** The request body as something `ClientRequest.end` takes, and its content type. */
const bodyOf = (
  request: HttpClientRequest.HttpClientRequest
): Effect.Effect<{ readonly bytes: string | Uint8Array | undefined; readonly contentType?: string | undefined }, unknown> => {
  const body = request.body
  switch (body._tag) {
    case "Empty":
      return Effect.succeed({ bytes: undefined })
    case "Uint8Array":
      return Effect.succeed({ bytes: body.body, contentType: body.contentType })
    case "Raw": {
      const raw = body.body
      if (typeof raw === "string" || raw instanceof Uint8Array) {
        return Effect.succeed({ bytes: raw, contentType: body.contentType })
      }
      return Effect.map(
        Effect.tryPromise(() => new Response(raw as BodyInit).arrayBuffer()),
        (buffer) => ({ bytes: new Uint8Array(buffer), contentType: body.contentType })
      )
    }
    case "FormData":
      return Effect.tryPromise(async () => {
        const encoded = new Response(body.formData)
        return {
          bytes: new Uint8Array(await encoded.arrayBuffer()),
          contentType: encoded.headers.get("content-type") ?? undefined
        }
      })
    case "Stream":
      return Effect.map(
        Stream.runCollect(body.stream),
        (chunks) => ({ bytes: Buffer.concat(Chunk.toReadonlyArray(chunks)), contentType: body.contentType })
      )
  }
}

const nullBodyStatus = (status: number) => status === 204 || status === 205 || status === 304 || status < 200

const makeClient = (agents: Agents): HttpClient.HttpClient => {
  const targets = new Map<string, Target>()
  const client = HttpClient.make((req, url, signal) =>
    Effect.flatMap(
      Effect.mapError(bodyOf(req), (cause) => new HttpClientError.RequestError({ request: req, reason: "Encode", cause })),
      ({ bytes, contentType }) =>
        Effect.async<HttpClientResponse.HttpClientResponse, HttpClientError.HttpClientError>((resume) => {
          let target = targets.get(url.origin)
          if (target === undefined) {
            try {
              target = targetOf(agents, url)
            } catch (cause) {
              return resume(Effect.fail(new HttpClientError.RequestError({ request: req, reason: "InvalidUrl", cause })))
            }
            targets.set(url.origin, target)
          }
          const headers: Record<string, string> = { ...req.headers }
          if (contentType !== undefined && headers["content-type"] === undefined) headers["content-type"] = contentType
          const abort = request(target, req.method, url.pathname + url.search, headers, bytes, Infinity, (cause, received) => {
            signal.removeEventListener("abort", abort)
            if (received === undefined) {
              return resume(Effect.fail(new HttpClientError.RequestError({ request: req, reason: "Transport", cause })))
            }
            const status = received.response.statusCode ?? 0
            const responseHeaders = new globalThis.Headers()
            const raw = received.response.rawHeaders
            for (let i = 0; i + 1 < raw.length; i += 2) {
              const name = raw[i]!.toLowerCase()
              // The body is already decoded: do not advertise its original coding.
              if (name !== "content-encoding" && name !== "content-length") responseHeaders.append(name, raw[i + 1]!)
            }
            resume(Effect.succeed(HttpClientResponse.fromWeb(
              req,
              new Response(nullBodyStatus(status) ? null : (received.body as Uint8Array<ArrayBuffer>), { status, headers: responseHeaders })
            )))
          })
          signal.addEventListener("abort", abort, { once: true })
          return Effect.sync(abort)
        })
    )
  )
  return Object.assign(client, { [DirectAttemptId]: makeDirectAttempt(agents) })
}

/**
 * A Node `HttpClient` whose own keep-alive agents are destroyed when the
 * scope closes (agents passed in `options` are left alone).
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options = {}): Effect.Effect<HttpClient.HttpClient, never, Scope.Scope> =>
  Effect.map(
    Effect.acquireRelease(Effect.sync(() => makeAgents(options)), (agents) => Effect.sync(agents.destroy)),
    makeClient
  )

/**
 * The Node transport as a layer: keep-alive agents of its own (destroyed
 * with the layer), or the agents you pass.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options = {}): Layer.Layer<HttpClient.HttpClient> =>
  Layer.scoped(HttpClient.HttpClient, make(options))
