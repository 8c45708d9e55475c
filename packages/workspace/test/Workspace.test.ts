import { it } from "@effect/vitest"
import { Document, Plan, Workspace } from "@stytch-effect/workspace"
import * as Effect from "effect/Effect"
import { describe, expect } from "vitest"
import { fullDocument } from "./fixtures.js"
import { converge, renamed, withFake } from "./utils.js"

describe("Workspace", () => {
  it.effect("applies a document with every family into an empty workspace; the export then has no drift", () =>
    withFake(Effect.gen(function*() {
      const desired = fullDocument()
      yield* converge(desired)
      const again = yield* Workspace.drift(desired)
      expect(Plan.render(again, { color: false })).toBe("No changes. The live configuration matches the document.\n")
      const exported = yield* Workspace.export(desired.projects.map((p) => p.projectSlug))
      expect(Workspace.plan(desired, exported)).toEqual(Plan.empty)
    })))

  it.effect("round-trips: export, apply into a new empty project, export again gives the same document", () =>
    withFake(Effect.gen(function*() {
      yield* converge(fullDocument())
      const first = yield* Workspace.export(["consumer-app", "b2b-app"])
      const copy = renamed(first, (slug) => `${slug}-copy`)
      const report = yield* converge(copy)
      expect(report.done.filter((a) => a.family === "project").map((a) => a.op)).toEqual(["create", "create"])
      const second = yield* Workspace.export(["consumer-app-copy", "b2b-app-copy"])
      expect(Document.format(second, "yaml")).toBe(Document.format(copy, "yaml"))
      expect(Plan.isEmpty(yield* Workspace.drift(copy))).toBe(true)
    })))
})
