import { it } from "@effect/vitest"
import { Credentials } from "@stytch-effect/core"
import { Environments, Projects, V1ToV3Migration } from "@stytch-effect/resources"
import { FakeManagementApi } from "@stytch-effect/testing"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { describe, expect } from "vitest"
import { liveProject, testEnvironment, withFake } from "./utils.js"

const environmentsOf = (projectSlug: string) =>
  Effect.gen(function*() {
    const { environments } = yield* Environments.getAll({ projectSlug })
    return {
      live: environments.find((e) => e.type === "LIVE")!,
      test: environments.find((e) => e.type === "TEST")
    }
  })

describe("V1ToV3Migration", () => {
  it.effect("getProjects maps each project to its LIVE and TEST environments' ids and slugs", () =>
    Effect.gen(function*() {
      expect((yield* V1ToV3Migration.getProjects()).projects).toEqual([])
      const { projectSlug } = yield* testEnvironment("B2B")
      const { live, test } = yield* environmentsOf(projectSlug)
      const { project } = yield* Projects.get({ projectSlug })

      const response = yield* V1ToV3Migration.getProjects()
      expect(response.statusCode).toBe(200)
      expect(response.requestID).not.toBe("")
      expect(response.projects).toHaveLength(1)
      const legacy = response.projects[0]!
      expect(legacy.liveProjectID).toBe(live.projectID)
      expect(legacy.liveProjectSlug).toBe(live.environmentSlug)
      expect(legacy.testProjectID).toBe(test!.projectID)
      expect(legacy.testProjectSlug).toBe(test!.environmentSlug)
      expect(legacy.projectSlug).toBe(projectSlug)
      expect(legacy.name).toBe(project.name)
      expect(legacy.vertical).toBe("B2B")
      expect(legacy.createdAt).toBe(project.createdAt)
      for (const value of [legacy.liveProjectID, legacy.liveProjectSlug, legacy.testProjectID, legacy.testProjectSlug]) {
        expect(value).not.toBe("")
      }
      expect(legacy.liveProjectID).not.toBe(legacy.testProjectID)
    }).pipe(withFake))

  it.effect("decision: a project without a LIVE environment is left out; without a TEST one its test fields are empty", () =>
    Effect.gen(function*() {
      yield* Projects.create({ name: "No environments" })
      const { projectSlug } = yield* liveProject("CONSUMER")
      const { projects } = yield* V1ToV3Migration.getProjects()
      expect(projects.map((p) => p.projectSlug)).toEqual([projectSlug])
      expect(projects[0]!.testProjectID).toBe("")
      expect(projects[0]!.testProjectSlug).toBe("")
      expect(projects[0]!.vertical).toBe("CONSUMER")
    }).pipe(withFake))

  it.effect("getProject by live_project_id (or test_project_id) returns the same values as getProjects", () =>
    Effect.gen(function*() {
      yield* testEnvironment("B2B")
      yield* testEnvironment("CONSUMER")
      const { projects } = yield* V1ToV3Migration.getProjects()
      expect(projects).toHaveLength(2)
      for (const legacy of projects) {
        const byLive = yield* V1ToV3Migration.getProject({ projectID: legacy.liveProjectID })
        expect(byLive.project).toEqual(legacy)
        expect(byLive.statusCode).toBe(200)
        const byTest = yield* V1ToV3Migration.getProject({ projectID: legacy.testProjectID })
        expect(byTest.project).toEqual(legacy)
      }
    }).pipe(withFake))

  it.effect("getProject of an unknown id is 404 project_not_found", () =>
    Effect.gen(function*() {
      yield* testEnvironment("B2B")
      const error = yield* Effect.flip(V1ToV3Migration.getProject({ projectID: "project-live-does-not-exist" }))
      expect(error._tag).toBe("StytchApiError")
      expect(error).toMatchObject({ statusCode: 404, errorType: "project_not_found" })
    }).pipe(withFake))

  it.effect("the fake answers without status_code; statusCode comes from the HTTP status", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const { projectSlug } = yield* liveProject("B2B")
      const { live } = yield* environmentsOf(projectSlug)
      const authorization = Redacted.value(Credentials.authorization(fake.credentials))
      const bodyOf = (path: string) =>
        fake.httpClient.get(`https://management.stytch.com${path}`, { headers: { authorization } }).pipe(
          Effect.flatMap((response) => response.json),
          Effect.scoped
        )
      for (const path of ["/web/v1/projects", `/web/v1/projects/${live.projectID}`]) {
        const body = yield* bodyOf(path)
        expect(body).toHaveProperty("request_id")
        expect(body).not.toHaveProperty("status_code")
      }
      // v3 responses still carry it.
      expect(yield* bodyOf(`/pwa/v3/projects/${projectSlug}`)).toHaveProperty("status_code", 200)
    }).pipe(withFake))

  it.effect("an empty projectID is rejected before any request (the Go SDK sends it)", () =>
    Effect.gen(function*() {
      const fake = yield* FakeManagementApi.FakeManagementApi
      const error = yield* Effect.flip(V1ToV3Migration.getProject({ projectID: "" }))
      expect(error._tag).toBe("InvalidRequestError")
      expect(error).toMatchObject({ kind: "MissingPathParameter", field: "projectID" })
      expect(yield* fake.requests).toEqual([])
    }).pipe(withFake))
})
