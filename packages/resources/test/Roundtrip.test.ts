import { it } from "@effect/vitest"
import { Environments, Projects, Secrets } from "@stytch-effect/resources"
import { liveProject as liveProjectOf, withFake } from "./utils.js"
import { Effect, Redacted } from "effect"
import { describe, expect } from "vitest"

const liveProject = liveProjectOf("B2B")

describe("Projects", () => {
  it.effect("create echoes name, vertical and a chosen slug", () =>
    Effect.gen(function*() {
      const res = yield* Projects.create({ name: "Test Project", vertical: "B2B", projectSlug: "custom-slug" })
      expect(res.project.projectSlug).toBe("custom-slug")
      expect(res.project.name).toBe("Test Project")
      expect(res.project.vertical).toBe("B2B")
      expect(res.requestID).toMatch(/^request-id-test-/)
      expect(res.statusCode).toBe(200)
    }).pipe(withFake))

  it.effect("create generates a slug when none is given", () =>
    Effect.gen(function*() {
      const { project } = yield* Projects.create({ name: "My new project" })
      expect(project.projectSlug).toMatch(/^my-new-project-/)
    }).pipe(withFake))

  it.effect("get, getAll, update and delete", () =>
    Effect.gen(function*() {
      const { project } = yield* Projects.create({ name: "P", vertical: "CONSUMER" })
      const got = yield* Projects.get({ projectSlug: project.projectSlug })
      expect(got.project).toEqual(project)
      const all = yield* Projects.getAll()
      expect(all.projects.map((p) => p.projectSlug)).toContain(project.projectSlug)
      const updated = yield* Projects.update({ projectSlug: project.projectSlug, name: "Renamed" })
      expect(updated.project.name).toBe("Renamed")
      expect(updated.project.vertical).toBe("CONSUMER")
      const deleted = yield* Projects.delete({ projectSlug: project.projectSlug })
      expect(deleted.requestID).not.toBe("")
      const after = yield* Effect.flip(Projects.get({ projectSlug: project.projectSlug }))
      expect(after._tag).toBe("StytchApiError")
    }).pipe(withFake))
})

describe("Environments", () => {
  it.effect("a new project has no environments; LIVE must come before TEST", () =>
    Effect.gen(function*() {
      const { project } = yield* Projects.create({ name: "P", vertical: "B2B" })
      const empty = yield* Environments.getAll({ projectSlug: project.projectSlug })
      expect(empty.environments).toEqual([])
      const early = yield* Effect.flip(
        Environments.create({ projectSlug: project.projectSlug, name: "staging", type: "TEST" })
      )
      expect(early._tag === "StytchApiError" && early.statusCode).toBe(400)
    }).pipe(withFake))

  it.effect("create, get, getAll, update (partial), getMetrics, delete", () =>
    Effect.gen(function*() {
      const { projectSlug } = yield* liveProject
      const created = yield* Environments.create({
        projectSlug,
        name: "Custom",
        type: "TEST",
        environmentSlug: "custom-slug",
        crossOrgPasswordsEnabled: true,
        userLockSelfServeEnabled: true,
        userLockThreshold: 5,
        userLockTtl: 600,
        zeroDowntimeSessionMigrationURL: "https://example.com/userinfo"
      })
      const env = created.environment
      expect(env.environmentSlug).toBe("custom-slug")
      expect(env.type).toBe("TEST")
      expect(env.crossOrgPasswordsEnabled).toBe(true)
      expect(env.userLockThreshold).toBe(5)
      expect(env.userLockTtl).toBe(600)
      expect(env.zeroDowntimeSessionMigrationURL).toBe("https://example.com/userinfo")

      const got = yield* Environments.get({ projectSlug, environmentSlug: "custom-slug" })
      expect(got.environment).toEqual(env)

      const all = yield* Environments.getAll({ projectSlug })
      expect(all.environments.map((e) => e.type).sort()).toEqual(["LIVE", "TEST"])

      yield* Environments.update({ projectSlug, environmentSlug: "custom-slug", userImpersonationEnabled: true })
      const renamed = yield* Environments.update({ projectSlug, environmentSlug: "custom-slug", name: "Renamed" })
      expect(renamed.environment.name).toBe("Renamed")
      expect(renamed.environment.crossOrgPasswordsEnabled).toBe(true)
      expect(renamed.environment.userImpersonationEnabled).toBe(true)

      const { metrics } = yield* Environments.getMetrics({ projectSlug, environmentSlug: "custom-slug" })
      expect(metrics.userCount).toBe(0)

      yield* Environments.delete({ projectSlug, environmentSlug: "custom-slug" })
      const gone = yield* Effect.flip(Environments.get({ projectSlug, environmentSlug: "custom-slug" }))
      expect(gone._tag === "StytchApiError" && gone.errorType).toContain("not_found")
    }).pipe(withFake))

  it.effect("the LIVE environment cannot be deleted", () =>
    Effect.gen(function*() {
      const { environmentSlug, projectSlug } = yield* liveProject
      const error = yield* Effect.flip(Environments.delete({ projectSlug, environmentSlug }))
      expect(error._tag === "StytchApiError" && error.statusCode).toBe(400)
    }).pipe(withFake))
})

describe("Secrets", () => {
  it.effect("create, get (masked), getAll, delete", () =>
    Effect.gen(function*() {
      const scope = yield* liveProject
      const { secret } = yield* Secrets.create(scope)
      expect(Redacted.isRedacted(secret.secret)).toBe(true)
      expect(String(secret.secret)).toBe("<redacted>")
      const value = Redacted.value(secret.secret)
      expect(value.length).toBeGreaterThan(10)
      expect(secret.createdAt).toBeDefined()

      const got = yield* Secrets.get({ ...scope, secretID: secret.secretID })
      expect(got.secret.secretID).toBe(secret.secretID)
      expect(got.secret.lastFour).toBe(value.slice(-4))
      expect(got.secret.createdAt).toBe(secret.createdAt)
      expect(got.secret).not.toHaveProperty("secret")

      yield* Secrets.create(scope)
      yield* Secrets.create(scope)
      const all = yield* Secrets.getAll(scope)
      expect(all.secrets.length).toBe(3)

      const deleted = yield* Secrets.delete({ ...scope, secretID: secret.secretID })
      expect(deleted.requestID).not.toBe("")
      const gone = yield* Effect.flip(Secrets.get({ ...scope, secretID: secret.secretID }))
      expect(gone._tag).toBe("StytchApiError")
    }).pipe(withFake))
})
