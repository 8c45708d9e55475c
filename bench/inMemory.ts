/**
 * Section 2 — SDK-only cost: operations over an in-memory `HttpClient`
 * (`HttpClient.make` returning a prebuilt response: no sockets, no fake
 * server logic), so what is timed is the SDK and Effect's HttpClient
 * machinery. Loops yield a macrotask turn every `batch` calls, so the
 * `FinalizationRegistry` in which HttpClient registers each response can run
 * its cleanups (see DESIGN.md).
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { StytchManagement } from "@stytch-effect/core"
import { Projects, Secrets } from "@stytch-effect/resources"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Schema from "effect/Schema"
import { makeFacade } from "./lib/facade.js"
import { createBody, createRequest, credentials, getBody, getRequest } from "./lib/fixture.js"
import type { Report } from "./lib/report.js"
import { formatNumber, formatRatio, macrotask, median, settle } from "./lib/stats.js"

export interface Options {
  /** Calls per variant per round. */
  readonly calls: number
  readonly rounds: number
  /** Calls between two macrotask turns. */
  readonly batch: number
  readonly warmup: number
}

export const defaults: Options = { calls: 20_000, rounds: 5, batch: 256, warmup: 5_000 }

export const BASE_URL = "https://management.stytch.com"

/**
 * An `HttpClient` whose every response is `body` with status 200: one
 * prebuilt `HttpClientResponse` (its text is read once, then cached).
 */
export const prebuiltClient = (body: string): HttpClient.HttpClient => {
  const request = HttpClientRequest.get(BASE_URL)
  const response = HttpClientResponse.fromWeb(
    request,
    new Response(body, {
      status: 200,
      // A declared length, as API responses have: the body is then read with `text` (cached), not streamed.
      headers: { "content-type": "application/json", "content-length": String(new TextEncoder().encode(body).length) }
    })
  )
  return HttpClient.make(() => Effect.succeed(response))
}

/**
 * The same prebuilt client, also offering the direct attempt of core's Node
 * transport (`internal/direct.ts`, keyed by a global symbol) with the socket
 * replaced by the fixed answer: `Secrets.get` as it runs on Node by default,
 * minus the I/O. Built from core's own `internal/directAttempt.js` (the
 * built file; the `exports` map hides internals).
 */
export const directClient = async (body: string): Promise<HttpClient.HttpClient> => {
  const response = { status: 200, header: () => undefined, text: body }
  const send = (_m: string, _p: string, _h: unknown, _b: unknown, callback: (error: unknown, response: unknown) => void) => {
    callback(undefined, response)
    return () => {}
  }
  const DirectAttempt = await import(directAttemptModule)
  return Object.assign(prebuiltClient(body), {
    [Symbol.for("@stytch-effect/core/DirectAttempt")]: (settings: unknown) => DirectAttempt.make(send, settings)
  })
}

const directAttemptModule = process.env.BENCH_TARGET === "dist"
  ? new URL("../packages/core/dist/esm/internal/directAttempt.js", import.meta.url).href
  : new URL("../packages/core/src/internal/directAttempt.ts", import.meta.url).href

export interface Row {
  readonly name: string
  readonly callsPerSecond: number
  /** Microseconds per call. */
  readonly micros: number
}

export interface Result {
  readonly rows: ReadonlyArray<Row>
  readonly secretsGetPerSecond: number
  readonly report: Report
}

interface Variant {
  readonly name: string
  /** Runs `calls` calls, yielding a macrotask turn every `batch`. */
  readonly run: (calls: number, batch: number) => Promise<void>
  readonly close: () => Promise<void>
}

const effectVariant = <A, E>(
  name: string,
  runtime: ManagedRuntime.ManagedRuntime<StytchManagement.StytchManagement, unknown>,
  call: () => Effect.Effect<A, E, StytchManagement.StytchManagement>
): Variant => ({
  name,
  run: async (calls, batch) => {
    for (let done = 0; done < calls; done += batch) {
      const n = Math.min(batch, calls - done)
      await runtime.runPromise(Effect.repeatN(call(), n - 1).pipe(Effect.asVoid))
      await macrotask()
    }
  },
  close: () => runtime.dispose()
})

const promiseVariant = (name: string, call: () => Promise<unknown>, close: () => Promise<void>): Variant => ({
  name,
  run: async (calls, batch) => {
    for (let done = 0; done < calls; done++) {
      await call()
      if (done % batch === batch - 1) await macrotask()
    }
  },
  close
})

const runtimeOver = (body: string, timeout?: Duration.Duration, client = prebuiltClient(body)) =>
  ManagedRuntime.make(
    StytchManagement.layerWithHttpClient({ credentials, baseURL: BASE_URL, timeout }).pipe(
      Layer.provide(Layer.succeed(HttpClient.HttpClient, client))
    )
  )

export const FLOOR = "HttpClient + Schema floor (no SDK)"
export const SECRETS_GET = "Secrets.get (Effect), Node default path"
export const SECRETS_GET_CLIENT = "Secrets.get (Effect) over a supplied HttpClient"
const RUN_PROMISE = "Secrets.get, one ManagedRuntime.runPromise per call, Node default path"
const UNTIMED = "diagnostic: Secrets.get over a supplied HttpClient, timeout: infinity"

export const run = async (options: Options = defaults): Promise<Result> => {
  const variants: Array<Variant> = []

  // Effect's own floor over the same transport: execute, read, JSON.parse, decode one schema.
  const floorClient = prebuiltClient(getBody)
  const FloorBody = Schema.Struct({
    request_id: Schema.String,
    status_code: Schema.Number,
    secret: Schema.Struct({ secret_id: Schema.String, last_four: Schema.String })
  })
  const decodeFloor = Schema.decodeUnknown(FloorBody)
  const floorCall = Effect.suspend(() =>
    floorClient.execute(HttpClientRequest.get(`${BASE_URL}/pwa/v3/projects/p/environments/e/secrets/s`)).pipe(
      Effect.flatMap((response) => response.text),
      Effect.flatMap((text) => decodeFloor(JSON.parse(text)))
    )
  )
  variants.push({
    name: FLOOR,
    run: async (calls, batch) => {
      for (let done = 0; done < calls; done += batch) {
        await Effect.runPromise(Effect.repeatN(floorCall, Math.min(batch, calls - done) - 1))
        await macrotask()
      }
    },
    close: async () => {}
  })

  const directRuntime = runtimeOver(getBody, undefined, await directClient(getBody))
  variants.push(effectVariant(SECRETS_GET, directRuntime, () => Secrets.get(getRequest)))
  const createRuntime = runtimeOver(createBody, undefined, await directClient(createBody))
  variants.push(effectVariant("Projects.create (Effect), Node default path", createRuntime, () => Projects.create(createRequest)))
  const getRuntime = runtimeOver(getBody)
  variants.push(effectVariant(SECRETS_GET_CLIENT, getRuntime, () => Secrets.get(getRequest)))

  // Diagnostic: the same operation with no per-attempt timeout, i.e. without the fiber that enforces it.
  const untimedRuntime = runtimeOver(getBody, Duration.infinity)
  variants.push(effectVariant(UNTIMED, untimedRuntime, () => Secrets.get(getRequest)))

  // The reference for the facade: the same operation run from a promise, one runPromise per call.
  variants.push(promiseVariant(RUN_PROMISE, () => directRuntime.runPromise(Secrets.get(getRequest)), async () => {}))
  const facade = makeFacade(BASE_URL, await directClient(getBody))
  variants.push(promiseVariant("client.secrets.get (facade), Node default path", () => facade.secrets.get(getRequest), () => facade.close()))

  for (const variant of variants) await variant.run(options.warmup, options.batch)
  const samples = new Map<string, Array<number>>()
  for (let round = 0; round < options.rounds; round++) {
    for (let i = 0; i < variants.length; i++) {
      const variant = variants[(i + round) % variants.length]!
      await settle()
      const start = performance.now()
      await variant.run(options.calls, options.batch)
      const elapsed = performance.now() - start
      samples.set(variant.name, [...(samples.get(variant.name) ?? []), options.calls / (elapsed / 1000)])
    }
  }
  for (const variant of variants) await variant.close()

  const rows = variants.map((variant): Row => {
    const callsPerSecond = median(samples.get(variant.name) ?? [])
    return { name: variant.name, callsPerSecond, micros: 1e6 / callsPerSecond }
  })
  const secretsGetPerSecond = rows.find((row) => row.name === SECRETS_GET)?.callsPerSecond ?? Number.NaN
  const micros = (name: string) => rows.find((row) => row.name === name)?.micros ?? Number.NaN
  const floor = micros(FLOOR)
  const measured = (name: string) => `${formatNumber(micros(name), 1)} µs (${formatRatio(micros(name) / floor)} floor)`
  const check = (name: string) => ({
    name: `in-memory ${name}`,
    measured: measured(name),
    target: "≤ 35 µs or ≤ 1.30× floor",
    met: micros(name) <= 35 || micros(name) / floor <= 1.3
  })
  // The fallback for a client we do not control keeps the fiber that enforces the timeout (issue #10): reported, no target.
  const reported = (name: string) => ({ name: `in-memory ${name}`, measured: measured(name), target: "reported (fallback path)", met: undefined })
  return {
    rows,
    secretsGetPerSecond,
    report: {
      title: "2. SDK-only cost (in memory: no sockets, a prebuilt response)",
      table: [
        ["operation", "calls/s (median)", "µs/call", "÷ floor"],
        ...rows.map((row) => [row.name, formatNumber(row.callsPerSecond), formatNumber(row.micros, 1), formatRatio(row.micros / floor)])
      ],
      notes: [
        `${options.rounds} round(s) of ${options.calls} sequential calls per variant after ${options.warmup} warm-up calls; a macrotask turn every ${options.batch} calls.`,
        "The floor row is Effect's HttpClient (HttpClient.make, prebuilt response) + one Schema decode, without the SDK.",
        "\"Node default path\" rows run what StytchManagement.layer runs on Node (the Node transport's direct send, native timer) with the socket replaced by the fixed answer.",
        "The runPromise row starts one root fiber and one promise per call, as any promise caller of an Effect does: the facade's overhead is its difference to that row.",
        "\"Supplied HttpClient\" rows run over the prebuilt HttpClient.make client (any HttpClient you pass, FetchHttpClient off Node): execute, and the fiber that enforces the timeout; the timeout: infinity row is the same without that fiber."
      ],
      checks: [check(SECRETS_GET), reported(SECRETS_GET_CLIENT)]
    }
  }
}
