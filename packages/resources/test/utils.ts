import { Environments, Projects } from "@stytch-effect/resources"
import { FakeManagementApi } from "@stytch-effect/testing"
import * as Effect from "effect/Effect"

/** Runs a test against a fresh in-memory fake. */
export const withFake = Effect.provide(FakeManagementApi.layer())

/** Where an environment-scoped operation is sent. */
export interface Scope {
  readonly projectSlug: string
  readonly environmentSlug: string
}

/**
 * A project of the vertical with its LIVE environment (`production`), as
 * every suite of the official SDKs sets up. Returns the LIVE environment.
 */
export const liveProject = (vertical: Projects.Vertical = "B2B") =>
  Effect.gen(function*() {
    const { project } = yield* Projects.create({ name: "Disposable Project", vertical })
    const { environment } = yield* Environments.create({
      projectSlug: project.projectSlug,
      name: "production",
      type: "LIVE",
      environmentSlug: "production"
    })
    return { projectSlug: project.projectSlug, environmentSlug: environment.environmentSlug } satisfies Scope
  })

/** A project of the vertical with its LIVE environment and a fresh TEST one. Returns the TEST environment. */
export const testEnvironment = (vertical: Projects.Vertical = "B2B") =>
  Effect.gen(function*() {
    const { projectSlug } = yield* liveProject(vertical)
    const { environment } = yield* Environments.create({ projectSlug, name: "test", type: "TEST" })
    return { projectSlug, environmentSlug: environment.environmentSlug } satisfies Scope
  })
