import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { StytchManagement } from "@stytch-effect/core"
import type * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Exit from "effect/Exit"
import type * as Fiber from "effect/Fiber"
import * as FiberId from "effect/FiberId"
import type { RawRequest, RawResponse } from "./raw.js"
import type { FakeServer } from "./server.js"

/** Where to listen. @internal */
export interface ListenOptions {
  readonly host?: string | undefined
  readonly port?: number | undefined
}

/** A listening server. @internal */
export interface Listening {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string
  /** Interrupts requests in flight, closes every connection and the server. Idempotent. */
  readonly close: () => Promise<void>
}

/** Runs the fake's handler for one request. @internal */
export type Run = (effect: Effect.Effect<RawResponse>) => Fiber.RuntimeFiber<RawResponse>

const bracket = (host: string) => (host.includes(":") && !host.startsWith("[") ? `[${host}]` : host)

/**
 * Checks where to listen, synchronously: a loopback host (the same rule as
 * core's base-URL check, so a served fake is always a valid `http:` base URL)
 * and a port in 0–65535. Returns the problem, if any.
 *
 * @internal
 */
export const checkListenOptions = (options: ListenOptions): string | undefined => {
  const host = options.host ?? "127.0.0.1"
  const port = options.port ?? 0
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return `FakeManagementApi: port must be an integer in 0-65535, got ${port}`
  }
  if (Either.isLeft(StytchManagement.parseBaseURL(`http://${bracket(host)}`))) {
    return `FakeManagementApi: refusing to listen on ${JSON.stringify(host)}: only loopback hosts (127.0.0.1, ::1, localhost) are allowed`
  }
  return undefined
}

const headersOf = (headers: IncomingHttpHeaders): Record<string, string | undefined> => {
  const out: Record<string, string | undefined> = {}
  for (const [name, value] of Object.entries(headers)) out[name] = Array.isArray(value) ? value.join(", ") : value
  return out
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Array<Uint8Array> = []
    req.on("data", (chunk: Uint8Array) => chunks.push(chunk))
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    req.on("error", reject)
  })

/**
 * Serves a {@link FakeServer} over a real loopback `node:http` server: every
 * request is handed to the same `handle` the in-memory `HttpClient` uses. A
 * `Drop` response destroys the socket (the client sees a reset connection,
 * whatever the code). `node:http` is imported lazily, so the rest of the
 * testing package stays usable where there is no Node.
 *
 * @internal
 */
export const listen = async (fake: FakeServer, options: ListenOptions, run: Run): Promise<Listening> => {
  const problem = checkListenOptions(options)
  if (problem !== undefined) throw new Error(problem)
  const http = await import("node:http")
  const inFlight = new Set<Fiber.RuntimeFiber<RawResponse>>()
  let base = "http://127.0.0.1"

  const respond = async (req: IncomingMessage, res: ServerResponse) => {
    let body: string
    try {
      body = await readBody(req)
    } catch {
      req.socket.destroy()
      return
    }
    const request: RawRequest = {
      method: req.method ?? "GET",
      url: new URL(req.url ?? "/", base),
      headers: headersOf(req.headers),
      body
    }
    const fiber = run(fake.handle(request))
    inFlight.add(fiber)
    // The client went away (for example on its timeout): stop serving it.
    res.on("close", () => {
      if (!res.writableFinished) fiber.unsafeInterruptAsFork(FiberId.none)
    })
    fiber.addObserver((exit) => {
      inFlight.delete(fiber)
      if (res.destroyed || res.writableEnded) return
      if (Exit.isFailure(exit)) {
        req.socket.destroy()
        return
      }
      const response = exit.value
      if (response._tag === "Drop") {
        req.socket.destroy()
        return
      }
      res.writeHead(response.status, { ...response.headers, "content-length": Buffer.byteLength(response.body) })
      res.end(response.body)
    })
  }

  const server: Server = http.createServer((req, res) => {
    void respond(req, res)
  })
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  base = `http://${bracket(address.address)}:${address.port}`

  let closing: Promise<void> | undefined
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      for (const fiber of inFlight) fiber.unsafeInterruptAsFork(FiberId.none)
      server.close(() => resolve())
      server.closeAllConnections()
    })
    return closing
  }
  return { url: base, close }
}
