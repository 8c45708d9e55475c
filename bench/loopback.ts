/**
 * Section 1 — loopback: the same `secrets.get` call, N times at concurrency
 * 1, 32 and 128, through raw `fetch`, raw `node:http` (keep-alive agent), the
 * Effect operation over the default layer and the promise facade, against a
 * minimal node:http server on 127.0.0.1 in a child process. Each round times
 * every variant once (in a rotating order); a variant's ratios are its time
 * over raw fetch's and over raw node:http's in the same round; medians over
 * rounds.
 */
import { type ChildProcess, fork } from "node:child_process"
import * as http from "node:http"
import { StytchManagement } from "@stytch-effect/core"
import * as FetchHttpClient from "@stytch-effect/core/FetchHttpClient"
import { Secrets } from "@stytch-effect/resources"
import * as PlatformFetchHttpClient from "@effect/platform/FetchHttpClient"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { makeFacade } from "./lib/facade.js"
import { authorization, credentials, getBody, getPath, getRequest } from "./lib/fixture.js"
import type { Report } from "./lib/report.js"
import { formatNumber, formatRatio, median, settle } from "./lib/stats.js"

export interface Options {
  /** Calls per variant per round at concurrency 1. */
  readonly calls: number
  /** Calls per variant per round at the higher concurrency. */
  readonly concurrentCalls: number
  readonly concurrency: ReadonlyArray<number>
  readonly rounds: number
  /** Calls per variant and concurrency before the first round. */
  readonly warmup: number
  /**
   * Also run the variant over core's `FetchHttpClient` (the default transport of browsers, Deno, Bun,
   * edge) and over `@effect/platform`'s (the path of any supplied client).
   */
  readonly diagnostics: boolean
}

export const defaults: Options = {
  calls: 1500,
  concurrentCalls: 4000,
  concurrency: [1, 32, 128],
  rounds: 5,
  warmup: 400,
  diagnostics: true
}

export interface Row {
  readonly variant: "fetch" | "node" | "effect" | "facade" | "effectFetch" | "effectPlatformFetch" | "effectRawFetch"
  readonly concurrency: number
  /** Median calls per second over the rounds. */
  readonly callsPerSecond: number
  /** Median of (this variant's time / raw fetch's time) over the rounds; 1 for fetch. */
  readonly ratio: number
  /** Median of (this variant's time / raw node:http's time) over the rounds; 1 for node. */
  readonly ratioNode: number
}

export interface Result {
  readonly rows: ReadonlyArray<Row>
  readonly report: Report
}

interface Variant {
  readonly name: Row["variant"]
  readonly call: () => Promise<unknown>
  /** Runs `calls` calls with `concurrency` in flight. */
  readonly run: (calls: number, concurrency: number) => Promise<void>
  readonly close: () => Promise<void>
}

/** `concurrency` async workers sharing `calls` calls. */
const workers = (call: () => Promise<unknown>) => async (calls: number, concurrency: number): Promise<void> => {
  let next = 0
  const worker = async () => {
    while (next < calls) {
      next++
      await call()
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, calls) }, worker))
}

const startServer = async (): Promise<{ readonly baseURL: string; readonly child: ChildProcess }> => {
  const child = fork(new URL("./lib/loopback-server.mjs", import.meta.url), [], {
    env: { ...process.env, BENCH_BODY: getBody },
    execArgv: [],
    stdio: ["ignore", "inherit", "inherit", "ipc"]
  })
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("loopback server did not start within 10 s")), 10_000)
    child.once("message", (message) => {
      clearTimeout(timer)
      resolve((message as { port: number }).port)
    })
    child.once("exit", (code) => reject(new Error(`loopback server exited with ${code}`)))
  })
  return { baseURL: `http://127.0.0.1:${port}`, child }
}

const check = (response: { readonly secret: { readonly lastFour: string } }) => {
  if (response.secret.lastFour !== "abcd") throw new Error("unexpected response")
}

export const run = async (options: Options = defaults): Promise<Result> => {
  const { baseURL, child } = await startServer()
  try {
    // (a) raw fetch doing the SDK's work: same URL (built per call), same headers, JSON parsed.
    const headers = { accept: "application/json", "user-agent": StytchManagement.userAgent(), authorization }
    const rawCall = async () => {
      const response = await fetch(`${baseURL}${getPath(getRequest)}`, { method: "GET", headers })
      if (!response.ok) throw new Error(`status ${response.status}`)
      const body = (await response.json()) as { secret: { last_four: string } }
      if (body.secret.last_four !== "abcd") throw new Error("unexpected response")
    }
    const variants: Array<Variant> = [{
      name: "fetch",
      call: rawCall,
      run: workers(rawCall),
      close: async () => {}
    }]

    // (a′) raw node:http with a keep-alive agent, the same work: URL built per call, same headers,
    // status checked, body read and JSON parsed.
    const agent = new http.Agent({ keepAlive: true })
    const nodeCall = () =>
      new Promise<void>((resolve, reject) => {
        const req = http.request(`${baseURL}${getPath(getRequest)}`, { method: "GET", headers, agent }, (res) => {
          let text = ""
          res.setEncoding("utf8")
          res.on("data", (chunk: string) => (text += chunk))
          res.on("error", reject)
          res.on("end", () => {
            if (res.statusCode !== 200) return reject(new Error(`status ${res.statusCode}`))
            const body = JSON.parse(text) as { secret: { last_four: string } }
            if (body.secret.last_four !== "abcd") return reject(new Error("unexpected response"))
            resolve()
          })
        })
        req.on("error", reject)
        req.end()
      })
    variants.push({ name: "node", call: nodeCall, run: workers(nodeCall), close: async () => agent.destroy() })

    // (b) the Effect operation over StytchManagement.layer (the default transport: node:http on
    // Node), run as an Effect program would: one runtime, the calls in Effect.forEach.
    const effectVariant = (
      name: Row["variant"],
      layer: Layer.Layer<StytchManagement.StytchManagement, unknown>
    ): Variant => {
      const runtime = ManagedRuntime.make(layer)
      return {
        name,
        call: () => runtime.runPromise(Secrets.get(getRequest)).then(check),
        run: (calls, concurrency) =>
          runtime.runPromise(
            Effect.forEach(Array.from({ length: calls }), () => Effect.map(Secrets.get(getRequest), check), {
              concurrency,
              discard: true
            })
          ),
        close: () => runtime.dispose()
      }
    }
    variants.push(effectVariant("effect", StytchManagement.layer({ credentials, baseURL })))

    // (c) the promise facade.
    const client = makeFacade(baseURL)
    const facadeCall = () => client.secrets.get(getRequest).then(check)
    variants.push({ name: "facade", call: facadeCall, run: workers(facadeCall), close: () => client.close() })

    // (b) over fetch: core's FetchHttpClient, the default transport off Node (browsers, Deno, Bun,
    // edge), and @effect/platform's, the path of any user-supplied HttpClient.
    if (options.diagnostics) {
      variants.push(effectVariant(
        "effectFetch",
        StytchManagement.layerWithHttpClient({ credentials, baseURL }).pipe(Layer.provide(FetchHttpClient.layer))
      ))
      // Effect's own floor over fetch: the raw call above wrapped in Effect.promise, run the same way as the
      // operations (Effect.forEach on one runtime), no SDK.
      const bareRuntime = ManagedRuntime.make(Layer.empty)
      const bareCall = Effect.promise(rawCall)
      variants.push({
        name: "effectRawFetch",
        call: rawCall,
        run: (calls, concurrency) =>
          bareRuntime.runPromise(
            Effect.forEach(Array.from({ length: calls }), () => bareCall, { concurrency, discard: true })
          ),
        close: () => bareRuntime.dispose()
      })
      variants.push(effectVariant(
        "effectPlatformFetch",
        StytchManagement.layerWithHttpClient({ credentials, baseURL }).pipe(Layer.provide(PlatformFetchHttpClient.layer))
      ))
    }

    // Every call checks its response; one call each fails fast on a broken setup.
    for (const variant of variants) await variant.call()

    const times = new Map<string, Array<number>>()
    const ratios = new Map<string, Array<number>>()
    const ratiosNode = new Map<string, Array<number>>()
    const key = (variant: string, concurrency: number) => `${variant}@${concurrency}`
    for (const concurrency of options.concurrency) {
      for (const variant of variants) await variant.run(options.warmup, concurrency)
    }
    for (let round = 0; round < options.rounds; round++) {
      for (const concurrency of options.concurrency) {
        const calls = concurrency === 1 ? options.calls : options.concurrentCalls
        const roundTimes = new Map<string, number>()
        for (let i = 0; i < variants.length; i++) {
          const variant = variants[(i + round) % variants.length]!
          await settle()
          const start = performance.now()
          await variant.run(calls, concurrency)
          const elapsed = performance.now() - start
          roundTimes.set(variant.name, elapsed)
          const k = key(variant.name, concurrency)
          times.set(k, [...(times.get(k) ?? []), calls / (elapsed / 1000)])
        }
        const base = roundTimes.get("fetch")!
        const baseNode = roundTimes.get("node")!
        for (const [name, elapsed] of roundTimes) {
          const k = key(name, concurrency)
          ratios.set(k, [...(ratios.get(k) ?? []), elapsed / base])
          ratiosNode.set(k, [...(ratiosNode.get(k) ?? []), elapsed / baseNode])
        }
      }
    }
    for (const variant of variants) await variant.close()

    const rows: Array<Row> = []
    for (const concurrency of options.concurrency) {
      for (const variant of variants) {
        const k = key(variant.name, concurrency)
        rows.push({
          variant: variant.name,
          concurrency,
          callsPerSecond: median(times.get(k) ?? []),
          ratio: median(ratios.get(k) ?? []),
          ratioNode: median(ratiosNode.get(k) ?? [])
        })
      }
    }
    return { rows, report: report(rows, options) }
  } finally {
    child.kill()
  }
}

const labels: Record<Row["variant"], string> = {
  fetch: "raw fetch",
  node: "raw node:http (keep-alive agent)",
  effect: "Secrets.get (Effect, default layer)",
  facade: "client.secrets.get (facade)",
  effectFetch: "Secrets.get over FetchHttpClient (the fetch transport, default off Node)",
  effectPlatformFetch: "Secrets.get over @effect/platform's FetchHttpClient (supplied-client path)",
  effectRawFetch: "diagnostic: raw fetch in Effect.promise, Effect.forEach (no SDK)"
}

/**
 * The acceptance targets, as ratios to raw fetch, by variant and concurrency: issue 10 (the default
 * layer, the facade) and issue 21 (over fetch at c=1 and c=32: core's FetchHttpClient, what every
 * runtime but Node gets by default).
 */
export const target = (variant: Row["variant"], concurrency: number): number | undefined =>
  variant === "effect"
    ? (concurrency === 1 ? 1.0 : 0.9)
    : variant === "facade"
    ? 1.1
    : variant === "effectFetch" && concurrency <= 32
    ? 1.1
    : undefined

const report = (rows: ReadonlyArray<Row>, options: Options): Report => ({
  title: "1. Loopback (127.0.0.1, node:http child process): secrets.get",
  table: [
    ["variant", "concurrency", "calls/s (median)", "÷ raw fetch (median)", "÷ raw node:http (median)", "target ÷ fetch"],
    ...rows.map((row) => {
      const t = target(row.variant, row.concurrency)
      return [
        labels[row.variant],
        String(row.concurrency),
        formatNumber(row.callsPerSecond),
        formatRatio(row.ratio),
        formatRatio(row.ratioNode),
        t === undefined ? "" : `≤ ${t.toFixed(2)}×`
      ]
    })
  ],
  notes: [
    `${options.rounds} round(s); per round ${options.calls} calls at concurrency 1 and ${options.concurrentCalls} at higher concurrency, per variant, after ${options.warmup} warm-up calls.`,
    "Ratio = variant time / raw fetch (or raw node:http) time in the same round (lower is better), median over rounds.",
    ...(options.diagnostics
      ? [
        "The FetchHttpClient row runs the same operation over core's FetchHttpClient: what browsers, Deno, Bun and edge " +
        "runtimes get by default (fetch driven directly). The @effect/platform row runs it over that package's " +
        "FetchHttpClient, as any HttpClient you supply (execute in a fiber of its own, the body read by the SDK). " +
        "The diagnostic row is the raw fetch call itself wrapped in Effect.promise and run like the operations: what " +
        "running as an Effect costs before any SDK work."
      ]
      : [])
  ],
  checks: rows.filter((row) => target(row.variant, row.concurrency) !== undefined).map((row) => ({
    name: `loopback ${labels[row.variant]} c=${row.concurrency}`,
    measured: formatRatio(row.ratio),
    target: `≤ ${target(row.variant, row.concurrency)!.toFixed(2)}× raw fetch`,
    met: row.ratio <= target(row.variant, row.concurrency)!
  }))
})
