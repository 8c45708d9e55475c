/**
 * `pnpm bench:workspace` — exports 10 fully configured projects (every
 * family, 5 Consumer with two environments, 5 B2B with one) from the fake
 * served on loopback, at several concurrencies: wall time, requests in all
 * and per project. Runs from the sources (tsx); numbers in bench/README.md.
 */
import { StytchManagement } from "@stytch-effect/core"
import { FakeManagementApi } from "@stytch-effect/testing"
import { Document, Workspace } from "@stytch-effect/workspace"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import { b2bProject, consumerProject, secretValues } from "../packages/workspace/test/fixtures.js"

const PROJECTS = 10
const RUNS = 3

const program = Effect.gen(function*() {
  const served = yield* FakeManagementApi.serve()
  const desired: Document.Document = {
    version: 1,
    projects: Array.from({ length: PROJECTS }, (_, i) => i % 2 === 0 ? consumerProject(`bench-${i}`) : b2bProject(`bench-${i}`))
  }
  const slugs = desired.projects.map((p) => p.projectSlug)
  yield* Effect.gen(function*() {
    const setup = yield* Workspace.apply(yield* Workspace.drift(desired))
    if (setup.failed.length > 0) return yield* Effect.dieMessage(`setup failed: ${String(setup.failed[0]!.error)}`)
    const environments = desired.projects.reduce((n, p) => n + p.environments.length, 0)
    console.log(`${PROJECTS} projects, ${environments} environments, every family; fake served on ${served.url}`)
    console.log("concurrency | median ms (of 3) | requests | requests/project | document bytes (YAML)")
    for (const concurrency of [1, 4, 8, 16, 32]) {
      const times: Array<number> = []
      let requests = 0
      let bytes = 0
      for (let run = 0; run < RUNS; run++) {
        const before = (yield* served.requests).length
        const start = performance.now()
        const doc = yield* Workspace.export(slugs, { concurrency })
        times.push(performance.now() - start)
        requests = (yield* served.requests).length - before
        bytes = Document.format(doc, "yaml").length
      }
      const median = times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!
      console.log(
        `${String(concurrency).padStart(11)} | ${median.toFixed(0).padStart(16)} | ${String(requests).padStart(8)} | ${
          (requests / PROJECTS).toFixed(1).padStart(16)
        } | ${bytes}`
      )
    }
  }).pipe(
    Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(secretValues)))),
    Effect.provide(StytchManagement.layer({ credentials: served.credentials, baseURL: served.url }))
  )
})

Effect.runPromise(Effect.scoped(program)).catch((e) => {
  console.error(e)
  process.exit(1)
})
