/**
 * Load under faults: 1000 concurrent facade calls (half GETs, half creates)
 * against a loopback server that faults 20% of attempts (connection resets
 * before or after acting, 503s, delays past the timeout) → every call
 * settles, every failure is typed, no create is processed twice, and the
 * heap returns to its baseline after GC. Prints its figures.
 */
import * as http from "node:http"
import type { AddressInfo, Socket } from "node:net"
import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"
import { ClientError, ManagementClient, ManagementStytchError, RequestError } from "@stytch-effect/compat"
import { describe, expect, it } from "vitest"

const CALLS = 1000
const FAULT_RATE = 0.2

/** `global.gc`, or one obtained by turning the flag on at run time. */
const gc = (): (() => void) | undefined => {
  const g = (globalThis as { gc?: () => void }).gc
  if (g !== undefined) return g
  try {
    setFlagsFromString("--expose-gc")
    return runInNewContext("gc") as () => void
  } catch {
    return undefined
  }
}

const settleHeap = async (collect: () => void) => {
  for (let i = 0; i < 4; i++) {
    collect()
    await new Promise((resolve) => setImmediate(resolve))
  }
  return process.memoryUsage().heapUsed
}

describe("load under faults", () => {
  it(`${CALLS} concurrent calls, ${FAULT_RATE * 100}% of attempts faulted: all settle, all failures typed, no duplicate create, heap back to baseline`, async () => {
    const processedCreates = new Map<string, number>()
    const faults = { reset: 0, resetAfterActing: 0, status503: 0, delay: 0, attempts: 0 }
    let seed = 42
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    const server = http.createServer((req, res) => {
      req.resume()
      req.on("end", () => {
        faults.attempts++
        const post = req.method === "POST"
        const act = () => {
          if (post) processedCreates.set(req.url!, (processedCreates.get(req.url!) ?? 0) + 1)
          res.writeHead(200, { "content-type": "application/json" })
          res.end(JSON.stringify({
            request_id: "r",
            status_code: 200,
            secret: post
              ? { secret_id: "s1", secret: "value", created_at: "2026-01-01T00:00:00Z" }
              : { secret_id: "s1", last_four: "abcd", created_at: "2026-01-01T00:00:00Z" }
          }))
        }
        if (random() >= FAULT_RATE) return act()
        const kind = Math.floor(random() * 4)
        if (kind === 0) {
          faults.reset++
          return req.socket.resetAndDestroy()
        }
        if (kind === 1) {
          faults.resetAfterActing++
          if (post) processedCreates.set(req.url!, (processedCreates.get(req.url!) ?? 0) + 1)
          return req.socket.resetAndDestroy()
        }
        if (kind === 2) {
          faults.status503++
          res.writeHead(503, { "content-type": "application/json" })
          return res.end(JSON.stringify({ status_code: 503, request_id: "r", error_type: "unavailable", error_message: "busy" }))
        }
        faults.delay++
        // A slow answer (client and server share this process, so the client's timeout is generous).
        setTimeout(() => (req.socket.destroyed ? undefined : act()), 300)
      })
    })
    const sockets = new Set<Socket>()
    server.on("connection", (s: Socket) => {
      sockets.add(s)
      s.on("error", () => {})
      s.once("close", () => sockets.delete(s))
    })
    // A backlog for 1000 simultaneous connects (the default, 511, drops SYNs: a 1 s retransmit each).
    await new Promise<void>((resolve) => server.listen({ port: 0, host: "127.0.0.1", backlog: 2048 }, resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const collect = gc()

    const round = async (n: number) => {
      const client = new ManagementClient({
        base_url: url,
        workspace_key_id: "key-id",
        workspace_key_secret: "key-secret",
        timeout: 5_000,
        max_retries: 3,
        max_retry_delay: 20,
        deadline: 12_000
      })
      const started = Date.now()
      const calls = Array.from({ length: n }, (_, i) =>
        i % 2 === 0
          ? client.secrets.get({ projectSlug: "p", environmentSlug: "e", secretID: `s${i}` })
          : client.secrets.create({ projectSlug: "p", environmentSlug: `env-${i}` }))
      let hang: NodeJS.Timeout | undefined
      const results = await Promise.race([
        Promise.allSettled(calls),
        new Promise<never>((_, reject) => {
          hang = setTimeout(() => reject(new Error("calls still pending after 15 s")), 15_000)
        })
      ])
      clearTimeout(hang)
      const elapsed = Date.now() - started
      await client.close()
      return { results, elapsed }
    }

    // Warm-up round (JIT, module state), then the baseline.
    await round(100)
    const baseline = collect === undefined ? undefined : await settleHeap(collect)
    processedCreates.clear()
    for (const key of Object.keys(faults) as Array<keyof typeof faults>) faults[key] = 0

    const { elapsed, results } = await round(CALLS)
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason as unknown)
    const untyped = failures.filter((e) =>
      !(e instanceof ManagementStytchError || e instanceof RequestError || e instanceof ClientError)
    )
    const duplicates = [...processedCreates.values()].filter((n) => n > 1).length
    const after = collect === undefined ? undefined : await settleHeap(collect)
    await new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })

    const byKind: Record<string, number> = {}
    for (const e of failures) {
      const key = e instanceof RequestError
        ? `RequestError:${e.reason}`
        : e instanceof ManagementStytchError
        ? `ManagementStytchError:${e.status_code}`
        : e instanceof ClientError
        ? `ClientError:${e.code}`
        : "untyped"
      byKind[key] = (byKind[key] ?? 0) + 1
    }
    console.log(JSON.stringify({
      calls: CALLS,
      elapsedMillis: elapsed,
      succeeded: results.length - failures.length,
      failed: byKind,
      untyped: untyped.length,
      duplicateCreates: duplicates,
      faults,
      heapBaselineMiB: baseline === undefined ? "n/a" : +(baseline / 2 ** 20).toFixed(2),
      heapAfterMiB: after === undefined ? "n/a" : +(after / 2 ** 20).toFixed(2),
      openServerSockets: sockets.size
    }))

    expect(results).toHaveLength(CALLS)
    expect(untyped).toEqual([])
    expect(duplicates).toBe(0)
    expect(faults.attempts).toBeGreaterThan(CALLS)
    // Every create that succeeded was processed exactly once.
    expect(results.filter((r, i) => i % 2 === 1 && r.status === "fulfilled").length).toBeLessThanOrEqual(processedCreates.size)
    if (baseline !== undefined && after !== undefined) {
      // Back to baseline: within 8 MiB (a leak of the calls' state would be far above that).
      expect(after - baseline).toBeLessThan(8 * 2 ** 20)
    }
  })
})
