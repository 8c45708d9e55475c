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
import * as PlatformFetchHttpClient from "@effect/platform/FetchHttpClient"
import { StytchManagement } from "@stytch-effect/core"
import * as FetchHttpClient from "@stytch-effect/core/FetchHttpClient"
import { Environments, Projects, Secrets } from "@stytch-effect/resources"
import { FakeManagementApi } from "@stytch-effect/testing"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Schema from "effect/Schema"
import { makeFacade } from "./lib/facade.js"
import { createBody, createRequest, credentials, getBody, getRequest, KEY_ID, KEY_SECRET } from "./lib/fixture.js"
import { loadOfficialClient } from "./lib/official.js"
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
 * An `HttpClient.make` client whose every response is a fresh web
 * `Response` of `body` with status 200 (what `FetchHttpClient` hands over),
 * with a `content-length` header or without one (as compressed or chunked
 * API responses over `fetch` come).
 */
export const freshClient = (body: string, contentLength: boolean): HttpClient.HttpClient => {
  const headers: Record<string, string> = contentLength
    ? { "content-type": "application/json", "content-length": String(new TextEncoder().encode(body).length) }
    : { "content-type": "application/json" }
  return HttpClient.make((request) => Effect.sync(() => HttpClientResponse.fromWeb(request, new Response(body, { status: 200, headers }))))
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

export const FLOOR = "HttpClient + Schema floor (no SDK), prebuilt response"
export const FLOOR_FRESH = "HttpClient + Schema floor (no SDK), fresh Response, no content-length"
export const SECRETS_GET = "Secrets.get (Effect), Node default path"
export const SECRETS_GET_CLIENT = "Secrets.get (Effect) over a supplied HttpClient, fresh Response, no content-length"
export const SECRETS_GET_FETCH = "Secrets.get (Effect) over FetchHttpClient (default off Node), stubbed fetch, fresh Response"
const EXECUTE_ONLY = "diagnostic: HttpClient.make execute alone (no SDK, no span), fresh Response, no content-length"
const SECRETS_GET_CLIENT_LENGTH = "Secrets.get (Effect) over a supplied HttpClient, fresh Response, content-length"
export const OFFICIAL = "official SDK secrets.get over a stubbed fetch, fresh Response"
const FAKE = "Secrets.get (Effect) over the in-memory fake (FakeManagementApi.layer)"
const RUN_PROMISE = "Secrets.get, one ManagedRuntime.runPromise per call, Node default path"
const UNTIMED = "diagnostic: Secrets.get over a supplied HttpClient, fresh Response, no content-length, timeout: infinity"

export const run = async (options: Options = defaults): Promise<Result> => {
  const variants: Array<Variant> = []

  // Effect's own floor: execute, read, JSON.parse, decode one schema; over the prebuilt response (whose
  // text is read once, then cached) and over a fresh web Response per call (what any fetch-based client gives).
  const FloorBody = Schema.Struct({
    request_id: Schema.String,
    status_code: Schema.Number,
    secret: Schema.Struct({ secret_id: Schema.String, last_four: Schema.String })
  })
  const decodeFloor = Schema.decodeUnknown(FloorBody)
  const floorVariant = (name: string, floorClient: HttpClient.HttpClient): Variant => {
    const floorCall = Effect.suspend(() =>
      floorClient.execute(HttpClientRequest.get(`${BASE_URL}/pwa/v3/projects/p/environments/e/secrets/s`)).pipe(
        Effect.flatMap((response) => response.text),
        Effect.flatMap((text) => decodeFloor(JSON.parse(text)))
      )
    )
    return {
      name,
      run: async (calls, batch) => {
        for (let done = 0; done < calls; done += batch) {
          await Effect.runPromise(Effect.repeatN(floorCall, Math.min(batch, calls - done) - 1))
          await macrotask()
        }
      },
      close: async () => {}
    }
  }
  variants.push(floorVariant(FLOOR, prebuiltClient(getBody)), floorVariant(FLOOR_FRESH, freshClient(getBody, false)))

  const directRuntime = runtimeOver(getBody, undefined, await directClient(getBody))
  variants.push(effectVariant(SECRETS_GET, directRuntime, () => Secrets.get(getRequest)))
  const createRuntime = runtimeOver(createBody, undefined, await directClient(createBody))
  variants.push(effectVariant("Projects.create (Effect), Node default path", createRuntime, () => Projects.create(createRequest)))
  const getRuntime = runtimeOver(getBody, undefined, freshClient(getBody, false))
  variants.push(effectVariant(SECRETS_GET_CLIENT, getRuntime, () => Secrets.get(getRequest)))
  const lengthRuntime = runtimeOver(getBody, undefined, freshClient(getBody, true))
  variants.push(effectVariant(SECRETS_GET_CLIENT_LENGTH, lengthRuntime, () => Secrets.get(getRequest)))

  // The fetch transport (core's FetchHttpClient: the default off Node) over the stubbed fetch the official
  // SDK is measured with below: a fresh Response per call, no content-length.
  const stubFetch = (async () =>
    new Response(getBody, { status: 200, headers: { "content-type": "application/json" } })) as typeof fetch
  const fetchRuntime = ManagedRuntime.make(
    StytchManagement.layerWithHttpClient({ credentials, baseURL: BASE_URL }).pipe(
      Layer.provide(FetchHttpClient.layer),
      Layer.provide(Layer.succeed(PlatformFetchHttpClient.Fetch, stubFetch))
    )
  )
  variants.push(effectVariant(SECRETS_GET_FETCH, fetchRuntime, () => Secrets.get(getRequest)))

  // Diagnostic: what any caller of a supplied client pays before its own work: HttpClient.make's execute
  // (its client span off) over the same fresh Response, the body read from the web Response, no SDK.
  const bareClient = HttpClient.withTracerDisabledWhen(freshClient(getBody, false), () => true)
  const bareRequest = HttpClientRequest.get(`${BASE_URL}/pwa/v3/projects/p/environments/e/secrets/s`)
  const bareCall = Effect.flatMap(
    bareClient.execute(bareRequest),
    (response) => Effect.promise(() => (response as unknown as { original: { source: Response } }).original.source.text())
  )
  variants.push({
    name: EXECUTE_ONLY,
    run: async (calls, batch) => {
      for (let done = 0; done < calls; done += batch) {
        await Effect.runPromise(Effect.repeatN(bareCall, Math.min(batch, calls - done) - 1))
        await macrotask()
      }
    },
    close: async () => {}
  })

  // Diagnostic: the same operation with no per-attempt timeout, i.e. without its timer.
  const untimedRuntime = runtimeOver(getBody, Duration.infinity, freshClient(getBody, false))
  variants.push(effectVariant(UNTIMED, untimedRuntime, () => Secrets.get(getRequest)))

  // The official SDK's secrets.get over a stubbed global fetch (a fresh Response per call), when a build of it
  // is named by STYTCH_MANAGEMENT_SDK (bench/lib/official.ts).
  const official = loadOfficialClient({ workspace_key_id: KEY_ID, workspace_key_secret: KEY_SECRET, base_url: BASE_URL })
  if (official !== undefined) {
    const officialRequest = {
      project_slug: getRequest.projectSlug,
      environment_slug: getRequest.environmentSlug,
      secret_id: getRequest.secretID
    }
    const officialCalls = promiseVariant(OFFICIAL, () => official.secrets.get(officialRequest), async () => {})
    variants.push({
      ...officialCalls,
      run: async (calls, batch) => {
        const saved = globalThis.fetch
        globalThis.fetch = stubFetch
        try {
          await officialCalls.run(calls, batch)
        } finally {
          globalThis.fetch = saved
        }
      }
    })
  }

  // The in-memory fake (what tests run against): a project, its environment and a secret, then Secrets.get.
  const fakeRuntime = ManagedRuntime.make(FakeManagementApi.layer())
  const fakeRequest = await fakeRuntime.runPromise(Effect.gen(function*() {
    const { project } = yield* Projects.create({ name: "Bench project", vertical: "B2B" })
    const { environment } = yield* Environments.create({
      projectSlug: project.projectSlug,
      name: "production",
      type: "LIVE",
      environmentSlug: "production"
    })
    const scope = { projectSlug: project.projectSlug, environmentSlug: environment.environmentSlug }
    const { secret } = yield* Secrets.create(scope)
    return { ...scope, secretID: secret.secretID }
  }))
  variants.push(effectVariant(FAKE, fakeRuntime, () => Secrets.get(fakeRequest)))

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
  // Issue #21: a supplied HttpClient (fresh web Response, no content-length) against the official SDK over a
  // stubbed fetch and against Effect's own floor over the same client.
  const supplied = micros(SECRETS_GET_CLIENT)
  const suppliedChecks = [
    {
      name: `in-memory ${SECRETS_GET_CLIENT} ÷ official SDK`,
      measured: official === undefined
        ? `${formatNumber(supplied, 1)} µs (official not measured: set STYTCH_MANAGEMENT_SDK)`
        : `${formatNumber(supplied, 1)} µs (${formatRatio(supplied / micros(OFFICIAL))})`,
      target: "≤ 1.00× official",
      met: supplied / micros(OFFICIAL) <= 1
    },
    {
      name: `in-memory ${SECRETS_GET_FETCH} ÷ official SDK over the same stub`,
      measured: official === undefined
        ? `${formatNumber(micros(SECRETS_GET_FETCH), 1)} µs (official not measured: set STYTCH_MANAGEMENT_SDK)`
        : `${formatNumber(micros(SECRETS_GET_FETCH), 1)} µs (${formatRatio(micros(SECRETS_GET_FETCH) / micros(OFFICIAL))})`,
      target: "≤ 1.00× official",
      met: micros(SECRETS_GET_FETCH) / micros(OFFICIAL) <= 1
    },
    {
      name: `in-memory ${SECRETS_GET_CLIENT} ÷ floor over the same client`,
      measured: `${formatRatio(supplied / micros(FLOOR_FRESH))}`,
      target: "≤ 3.00× floor",
      met: supplied / micros(FLOOR_FRESH) <= 3
    }
  ]
  return {
    rows,
    secretsGetPerSecond,
    report: {
      title: "2. SDK-only cost (in memory: no sockets)",
      table: [
        ["operation", "calls/s (median)", "µs/call", "÷ floor", "÷ official"],
        ...rows.map((row) => [
          row.name,
          formatNumber(row.callsPerSecond),
          formatNumber(row.micros, 1),
          formatRatio(row.micros / floor),
          formatRatio(row.micros / micros(OFFICIAL))
        ])
      ],
      notes: [
        `${options.rounds} round(s) of ${options.calls} sequential calls per variant after ${options.warmup} warm-up calls; a macrotask turn every ${options.batch} calls.`,
        "The floor rows are Effect's HttpClient (HttpClient.make) + response.text + JSON.parse + one Schema decode, without the SDK: over one prebuilt response (its text read once, then cached; the \"÷ floor\" column) and over a fresh web Response per call.",
        "\"Node default path\" rows run what StytchManagement.layer runs on Node (the Node transport's direct send, native timer) with the socket replaced by the fixed answer.",
        "The runPromise row starts one root fiber and one promise per call, as any promise caller of an Effect does: the facade's overhead is its difference to that row.",
        "\"Supplied HttpClient\" rows run over an HttpClient.make client answering with a fresh web Response per call (what FetchHttpClient, i.e. browsers, Deno, Bun and edge runtimes, and most clients you pass, hand over), with and without content-length; the timeout: infinity row is the same without the per-attempt timer.",
        "The FetchHttpClient row is the SDK's fetch transport (what browsers, Deno, Bun and edge runtimes get by default) over the very stubbed fetch the official row uses.",
        "The execute-alone row is HttpClient.make's own per-request work over the supplied client (abort controller, response registry, wrapper) plus the body read: a floor for anything that calls a supplied client's execute.",
        "The official row is stytch-management's own secrets.get (a build of it named by STYTCH_MANAGEMENT_SDK, see bench/lib/official.ts; left out without it) over a global fetch stubbed to return a fresh Response per call; the fake row is the same Secrets.get over @stytch-effect/testing's in-memory API."
      ],
      checks: [check(SECRETS_GET), ...suppliedChecks]
    }
  }
}
