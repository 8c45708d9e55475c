import type { StytchError, StytchManagement } from "@stytch-effect/core"
import { Environments, Projects, Secrets } from "@stytch-effect/resources"
import type { Effect } from "effect"
import { describe, expectTypeOf, it } from "vitest"

type ErrorOf<F> = F extends (...args: never) => Effect.Effect<unknown, infer E, unknown> ? E : never

// Checked by `tsc --build` (tsconfig.check.json includes the tests); vitest runs them as no-ops.
describe("operation types", () => {
  it("an operation without input cannot fail with InvalidRequestError", () => {
    expectTypeOf<ErrorOf<typeof Projects.getAll>>().toEqualTypeOf<StytchError.ResponseError>()
  })

  it("an operation with input lists exactly the four errors", () => {
    expectTypeOf<ErrorOf<typeof Secrets.get>>().toEqualTypeOf<StytchError.StytchError>()
  })

  it("requests are camelCase, responses keep requestID and statusCode", () => {
    expectTypeOf<Parameters<typeof Secrets.get>[0]>().toEqualTypeOf<Secrets.GetRequest>()
    expectTypeOf<Secrets.GetRequest>().toEqualTypeOf<{
      readonly projectSlug: string
      readonly environmentSlug: string
      readonly secretID: string
    }>()
    expectTypeOf<Secrets.GetResponse>().toMatchTypeOf<{ readonly requestID: string; readonly statusCode: number }>()
    expectTypeOf(Environments.getMetrics).returns.toEqualTypeOf<
      Effect.Effect<Environments.GetMetricsResponse, StytchError.StytchError, StytchManagement.StytchManagement>
    >()
  })

  it("enums are closed in requests (a typo does not compile) and open in responses", () => {
    expectTypeOf<Projects.Vertical>().toEqualTypeOf<"ALL" | "CONSUMER" | "B2B">()
    expectTypeOf<NonNullable<Projects.CreateRequest["vertical"]>>().toEqualTypeOf<Projects.Vertical>()
    expectTypeOf<"B2C_TYPO">().not.toMatchTypeOf<NonNullable<Projects.CreateRequest["vertical"]>>()
    expectTypeOf<"LIEV">().not.toMatchTypeOf<NonNullable<Environments.CreateRequest["type"]>>()
    expectTypeOf<"SOMETHING_NEW">().toMatchTypeOf<NonNullable<Projects.Project["vertical"]>>()
    expectTypeOf<"B2B">().toMatchTypeOf<NonNullable<Projects.Project["vertical"]>>()
    // @ts-expect-error a typo in a request enum is a compile error
    void Projects.create({ name: "x", vertical: "B2C_TYPO" })
  })
})
