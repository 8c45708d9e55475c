import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { Credentials, type Endpoint, RetryPolicy, StytchManagement } from "@stytch-effect/core"
import { Api } from "@stytch-effect/resources"
import { Arbitrary, Cause, Effect, Exit, FastCheck as fc, Layer, Schema } from "effect"
import { describe, expect, it } from "vitest"

const BASE = "https://management.stytch.com"

/** Hostile strings for path and query values: separators, dot segments, escapes, lone surrogates, controls. */
const hostile = fc.oneof(
  fc.constantFrom("", " ", ".", "..", "/", "a/b", "../x", "%2F", "%", "?a=b", "#frag", "\u0000", "a\r\nb", "😀".slice(0, 1), "\uDC00x", "é", "😀"),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 12 })
)

/** What a sent request looked like. */
interface Sent {
  readonly url: URL
}

/**
 * Runs one operation over a stub HttpClient that records the URL and answers
 * `{}` (the decoded result does not matter here, only what was sent).
 */
const runOnce = async (operation: (input: unknown) => Effect.Effect<unknown, unknown, StytchManagement.StytchManagement>, input: unknown) => {
  const sent: Array<Sent> = []
  const client = HttpClient.make((request) =>
    Effect.sync(() => {
      sent.push({ url: new URL(request.url) })
      return HttpClientResponse.fromWeb(request, new Response("{}", { status: 200, headers: { "content-type": "application/json" } }))
    })
  )
  const layer = Layer.merge(
    StytchManagement.layerWithHttpClient({ credentials: Credentials.workspaceKey("id", "secret"), baseURL: BASE }).pipe(
      Layer.provide(Layer.succeed(HttpClient.HttpClient, client))
    ),
    RetryPolicy.none
  )
  const exit = await Effect.runPromiseExit(Effect.provide(operation(input), layer).pipe(Effect.scoped))
  return { exit, sent }
}

/** The path template as a regex whose parameters are single, non-empty segments. */
const templatePattern = (endpoint: Endpoint.Any) =>
  new RegExp(`^${endpoint.path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{[^}]+\\?\}/g, "([^/]+)")}$`)

describe("fuzzing every operation's request", () => {
  for (const [group, module] of Object.entries(Api.groups)) {
    for (const [name, endpoint] of Object.entries(module.endpoints as Record<string, Endpoint.Any>)) {
      if (endpoint.request === undefined) continue
      const operation = (module as unknown as Record<string, (input: unknown) => Effect.Effect<unknown, unknown, StytchManagement.StytchManagement>>)[name]!
      const request = endpoint.request as Schema.Schema<unknown>
      const valid = Arbitrary.make(request)
      const stringFields = [...endpoint.pathParams.map((p) => p.field)]
      const arbitrary = fc.tuple(valid, fc.array(fc.tuple(fc.constantFrom(...(stringFields.length > 0 ? stringFields : ["_"])), hostile), { maxLength: 3 }), fc.option(fc.anything(), { freq: 4 }))
        .map(([base, overrides, junk]) => {
          const input: Record<string, unknown> = { ...(base as object) }
          for (const [field, value] of overrides) input[field] = value
          return junk === null ? input : { ...input, junk }
        })

      it(`${group}.${name}: sends only under its path template on the API's origin, or fails with InvalidRequestError`, async () => {
        const pattern = templatePattern(endpoint)
        await fc.assert(
          fc.asyncProperty(fc.oneof(arbitrary, fc.anything()), async (input) => {
            const { exit, sent } = await runOnce(operation, input)
            if (Exit.isFailure(exit)) {
              expect(Cause.isDie(exit.cause), Cause.pretty(exit.cause)).toBe(false)
              const failure = Cause.failureOption(exit.cause)
              if (sent.length === 0) {
                expect(failure._tag === "Some" && (failure.value as { _tag: string })._tag).toBe("InvalidRequestError")
              }
            }
            expect(sent.length).toBeLessThanOrEqual(1)
            for (const { url } of sent) {
              expect(url.origin).toBe(BASE)
              const match = pattern.exec(url.pathname)
              expect(match, url.pathname).not.toBeNull()
              // Each parameter is the caller's value, intact in its own segment.
              endpoint.pathParams.forEach((p, i) => {
                expect(decodeURIComponent(match![i + 1]!)).toBe((input as Record<string, unknown>)[p.field])
              })
            }
          }),
          { numRuns: 60 }
        )
      })
    }
  }
})
