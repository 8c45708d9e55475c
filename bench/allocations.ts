/**
 * Per-call memory and CPU of `Secrets.get` on the Node default path, in
 * memory (the Node transport's direct attempt with the socket replaced by a
 * fixed answer, given on a microtask, so the per-attempt timer is armed as
 * on a real request). Not part of `pnpm bench`: a tool for work on the
 * per-call cost, whose first two figures are deterministic (unlike times on
 * a shared machine, they can be compared across runs and commits).
 *
 *   pnpm build
 *   TSX_TSCONFIG_PATH=bench/tsconfig.dist.json node --expose-gc --import tsx bench/allocations.ts
 *
 * 1. allocated bytes per call: V8's sampling heap profiler, counting the
 *    objects that scavenges and mark-compacts collected too (so: every
 *    allocation, sampled every 256 bytes on average), over 20,000 calls.
 * 2. live bytes per in-flight call: 1,000 calls waiting for their answer,
 *    `heapUsed` after a full GC against before. Under concurrency this is
 *    what scavenges copy and promote, i.e. most of the GC cost at c=128.
 * 3. CPU µs per call (`process.cpuUsage`, GC threads included) at c=1 and
 *    with 128 fibers in flight, medians of interleaved rounds with Effect's
 *    floor (one `HttpClient` request and one Schema decode) as a reference
 *    for the machine's state. Noisy on a shared machine: compare two
 *    builds in one process (interleaved), not across runs.
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientRequest from "@effect/platform/HttpClientRequest"
import { StytchManagement } from "@stytch-effect/core"
import { Secrets } from "@stytch-effect/resources"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Schema from "effect/Schema"
import { Session } from "node:inspector/promises"
import { BASE_URL, prebuiltClient } from "./inMemory.js"
import { credentials, getBody, getRequest } from "./lib/fixture.js"
import { macrotask, median } from "./lib/stats.js"

type Callback = (error: unknown, response: unknown) => void

const gc = (globalThis as { gc?: () => void }).gc
if (gc === undefined) throw new Error("run with node --expose-gc")

const directAttemptModule = new URL("../packages/core/dist/esm/internal/directAttempt.js", import.meta.url).href
const DirectAttempt = (await import(directAttemptModule)) as {
  make: (send: unknown, settings: unknown) => unknown
}

/** Answers are given on a microtask, or held until `release` (in-flight measurement). */
let holding = false
const held: Array<Callback> = []
const answer = { status: 200, header: () => undefined, text: getBody }
const send = (_m: string, _p: string, _h: unknown, _b: unknown, callback: Callback) => {
  if (holding) held.push(callback)
  else queueMicrotask(() => callback(undefined, answer))
  return () => {}
}
const release = () => {
  for (const callback of held.splice(0)) callback(undefined, answer)
}

const client = Object.assign(prebuiltClient(getBody), {
  [Symbol.for("@stytch-effect/core/DirectAttempt")]: (settings: unknown) => DirectAttempt.make(send, settings)
})
const runtime = ManagedRuntime.make(
  StytchManagement.layerWithHttpClient({ credentials, baseURL: BASE_URL }).pipe(
    Layer.provide(Layer.succeed(HttpClient.HttpClient, client))
  )
)
const call = Secrets.get(getRequest)

/** `calls` calls by `fibers` fibers, in batches with a macrotask turn between them. */
const sdk = async (calls: number, fibers = 1): Promise<void> => {
  const perFiber = 4
  const batch = fibers === 1 ? 256 : fibers * perFiber
  for (let done = 0; done < calls; done += batch) {
    await runtime.runPromise(
      fibers === 1
        ? Effect.asVoid(Effect.repeatN(call, Math.min(batch, calls - done) - 1))
        : Effect.forEach(Array.from({ length: fibers }), () => Effect.repeatN(call, perFiber - 1), {
          concurrency: "unbounded",
          discard: true
        })
    )
    await macrotask()
  }
}

const floorClient = prebuiltClient(getBody)
const decodeFloor = Schema.decodeUnknown(Schema.Struct({
  request_id: Schema.String,
  status_code: Schema.Number,
  secret: Schema.Struct({ secret_id: Schema.String, last_four: Schema.String })
}))
const floorCall = Effect.suspend(() =>
  floorClient.execute(HttpClientRequest.get(`${BASE_URL}/pwa/v3/projects/p/environments/e/secrets/s`)).pipe(
    Effect.flatMap((response) => response.text),
    Effect.flatMap((text) => decodeFloor(JSON.parse(text)))
  )
)
const floor = async (calls: number): Promise<void> => {
  for (let done = 0; done < calls; done += 256) {
    await Effect.runPromise(Effect.repeatN(floorCall, Math.min(256, calls - done) - 1))
    await macrotask()
  }
}

await sdk(20_000)
await floor(20_000)

// 1. Allocated bytes per call.
interface SamplingNode {
  readonly selfSize: number
  readonly children: ReadonlyArray<SamplingNode>
}
const total = (node: SamplingNode): number => node.children.reduce((sum, child) => sum + total(child), node.selfSize)
const session = new Session()
session.connect()
await session.post("HeapProfiler.enable")
const allocated = async (run: (calls: number) => Promise<void>, calls: number): Promise<number> => {
  await session.post("HeapProfiler.startSampling", {
    samplingInterval: 256,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true
  })
  await run(calls)
  const { profile } = await session.post("HeapProfiler.stopSampling")
  return total(profile.head as SamplingNode) / calls
}
const sdkBytes = await allocated(sdk, 20_000)
const floorBytes = await allocated(floor, 20_000)
session.disconnect()

// 2. Live bytes per in-flight call.
const inFlight = 1_000
holding = true
gc()
gc()
const before = process.memoryUsage().heapUsed
const waiting = runtime.runPromise(
  Effect.forEach(Array.from({ length: inFlight }), () => call, { concurrency: "unbounded", discard: true })
)
await macrotask()
gc()
gc()
const live = (process.memoryUsage().heapUsed - before) / held.length
const heldCount = held.length
holding = false
release()
await waiting

// 3. CPU per call, interleaved rounds.
const cpu = async (run: () => Promise<void>, calls: number): Promise<number> => {
  gc()
  await macrotask()
  const start = process.cpuUsage()
  await run()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / calls
}
const samples = { c1: [] as Array<number>, c128: [] as Array<number>, floor: [] as Array<number> }
for (let round = 0; round < 9; round++) {
  samples.c1.push(await cpu(() => sdk(10_000), 10_000))
  samples.c128.push(await cpu(() => sdk(10_240, 128), 10_240))
  samples.floor.push(await cpu(() => floor(10_000), 10_000))
}
await runtime.dispose()

console.log(`Secrets.get, Node default path, in memory (${heldCount} held in flight)`)
console.log(`allocated per call:        ${sdkBytes.toFixed(0)} B (Effect's floor: ${floorBytes.toFixed(0)} B)`)
console.log(`live per in-flight call:   ${live.toFixed(0)} B`)
console.log(`CPU per call, c=1:         ${median(samples.c1).toFixed(1)} µs (floor ${median(samples.floor).toFixed(1)} µs)`)
console.log(`CPU per call, 128 fibers:  ${median(samples.c128).toFixed(1)} µs`)
