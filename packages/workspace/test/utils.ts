import { FakeManagementApi } from "@stytch-effect/testing"
import { Document, Workspace } from "@stytch-effect/workspace"
import * as ConfigProvider from "effect/ConfigProvider"
import * as Effect from "effect/Effect"
import { expect } from "vitest"
import { secretValues } from "./fixtures.js"

/** Runs a test against a fresh in-memory fake, with the fixtures' secret inputs in the environment. */
export const withFake = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  effect.pipe(
    Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(secretValues)))),
    Effect.provide(FakeManagementApi.layer())
  )

/** Plans the document against the live workspace and applies it; fails the test if anything failed. */
export const converge = (doc: Document.Document, options: { readonly prune?: boolean } = {}) =>
  Effect.gen(function*() {
    const plan = yield* Workspace.drift(doc, options)
    const report = yield* Workspace.apply(plan)
    expect(report.failed.map((f) => `${f.action.family} ${f.action.key}: ${String(f.error)}`)).toEqual([])
    expect(report.notStarted).toEqual([])
    return report
  })

/** A document with every project slug rewritten (the "modulo slug" of a round trip). */
export const renamed = (doc: Document.Document, rename: (slug: string) => string): Document.Document => ({
  ...doc,
  projects: doc.projects.map((p) => ({ ...p, projectSlug: rename(p.projectSlug) }))
})
