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
import { formatNumber, macrotask, median, settle } from "./lib/stats.js"

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
    new Response(body, { status: 200, headers: { "content-type": "application/json" } })
  )
  return HttpClient.make(() => Effect.succeed(response))
}

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

const runtimeOver = (body: string, timeout?: Duration.Duration) =>
  ManagedRuntime.make(
    StytchManagement.layerWithHttpClient({ credentials, baseURL: BASE_URL, timeout }).pipe(
      Layer.provide(Layer.succeed(HttpClient.HttpClient, prebuiltClient(body)))
    )
  )

export const SECRETS_GET = "Secrets.get (Effect)"
const UNTIMED = "diagnostic: Secrets.get, timeout: infinity"

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
    name: "HttpClient + Schema floor (no SDK)",
    run: async (calls, batch) => {
      for (let done = 0; done < calls; done += batch) {
        await Effect.runPromise(Effect.repeatN(floorCall, Math.min(batch, calls - done) - 1))
        await macrotask()
      }
    },
    close: async () => {}
  })

  const getRuntime = runtimeOver(getBody)
  variants.push(effectVariant(SECRETS_GET, getRuntime, () => Secrets.get(getRequest)))
  const createRuntime = runtimeOver(createBody)
  variants.push(effectVariant("Projects.create (Effect)", createRuntime, () => Projects.create(createRequest)))

  // Diagnostic: the same operation with no per-attempt timeout, i.e. without the fiber that enforces it.
  const untimedRuntime = runtimeOver(getBody, Duration.infinity)
  variants.push(effectVariant(UNTIMED, untimedRuntime, () => Secrets.get(getRequest)))

  const facade = makeFacade(BASE_URL, prebuiltClient(getBody))
  variants.push(promiseVariant("client.secrets.get (facade)", () => facade.secrets.get(getRequest), () => facade.close()))

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
  return {
    rows,
    secretsGetPerSecond,
    report: {
      title: "2. SDK-only cost (in-memory HttpClient, prebuilt response)",
      table: [
        ["operation", "calls/s (median)", "µs/call"],
        ...rows.map((row) => [row.name, formatNumber(row.callsPerSecond), formatNumber(row.micros, 1)])
      ],
      notes: [
        `${options.rounds} round(s) of ${options.calls} sequential calls per variant after ${options.warmup} warm-up calls; a macrotask turn every ${options.batch} calls.`,
        "The floor row is Effect's HttpClient + one Schema decode without the SDK: the difference to Secrets.get is the SDK's own cost.",
        "The timeout: infinity row runs Secrets.get with the per-attempt timeout off: the difference is the cost of the fiber that enforces it."
      ],
      checks: [{
        name: "in-memory Secrets.get",
        measured: `${formatNumber(secretsGetPerSecond)}/s`,
        target: "≥ 50,000/s",
        met: secretsGetPerSecond >= 50_000
      }]
    }
  }
}
