/**
 * The operation span with Effect's built-in tracer (the cheaper span of
 * `internal/operationSpan.ts`) against the same call under a tracer that
 * delegates to the built-in one (which takes `Effect.useSpan`): everything a
 * user can observe must be the same.
 */
import { it } from "@effect/vitest"
import { Credentials, RetryPolicy, StytchManagement } from "@stytch-effect/core"
import { Secrets } from "@stytch-effect/resources"
import * as HttpClient from "@effect/platform/HttpClient"
import * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import { Cause, Effect, Exit, Fiber, Layer, Option, Tracer } from "effect"
import { describe, expect } from "vitest"
import { recordSpansInto } from "../../resources/test/utils.js"
import { OperationSpan } from "../src/internal/operationSpan.js"

const okBody = JSON.stringify({
  request_id: "request-id-test-ok",
  status_code: 200,
  secret: { secret_id: "secret-test-1", last_four: "abcd", created_at: "2026-01-01T00:00:00Z" }
})
const notFound = JSON.stringify({
  status_code: 404,
  request_id: "request-id-test-404",
  error_type: "secret_not_found",
  error_message: "Secret not found."
})

/** A supplied client answering `status`/`body` (or never), recording the span current inside it. */
const clientLayer = (seen: Array<Tracer.Span>, answer: { status: number; body: string } | "never") =>
  StytchManagement.layerWithHttpClient({ credentials: Credentials.workspaceKey("key-id", "key-secret") }).pipe(
    Layer.provide(Layer.succeed(
      HttpClient.HttpClient,
      HttpClient.make((request) =>
        Effect.flatMap(Effect.currentSpan, (span) => {
          seen.push(span)
          return answer === "never"
            ? Effect.never
            : Effect.succeed(HttpClientResponse.fromWeb(request, new Response(answer.body, { status: answer.status })))
        }).pipe(Effect.orDie)
      )
    )),
    Layer.merge(RetryPolicy.none)
  )

const getSecret = Secrets.get({ projectSlug: "p", environmentSlug: "e", secretID: "secret-test-1" })

/** What a user can see of a span, ids and times aside. */
const observable = (span: Tracer.Span) => ({
  name: span.name,
  kind: span.kind,
  sampled: span.sampled,
  attributes: Object.fromEntries(span.attributes),
  parent: Option.map(span.parent, (p) => p._tag === "Span" ? p.name : p.spanId),
  links: span.links,
  status: span.status._tag,
  exit: span.status._tag === "Ended" ? Exit.isSuccess(span.status.exit) ? "success" : Cause.pretty(span.status.exit.cause) : "-"
})

/** Runs `program` with the built-in tracer, then under a tracer delegating to it (the `useSpan` path). */
const bothWays = <A, E, R>(program: (seen: Array<Tracer.Span>) => Effect.Effect<A, E, R>) =>
  Effect.gen(function*() {
    const fast: Array<Tracer.Span> = []
    const fastResult = yield* Effect.exit(program(fast))
    const reference: Array<Tracer.Span> = []
    const recorded: Array<Tracer.Span> = []
    const referenceResult = yield* Effect.exit(program(reference).pipe(recordSpansInto(recorded)))
    return { fast, fastResult, reference, referenceResult, recorded }
  })

describe("the operation span with Effect's built-in tracer", () => {
  it.effect("is an OperationSpan seen inside the call as the useSpan span is: name, kind, attributes, parent, end", () =>
    Effect.gen(function*() {
      for (const answer of [{ status: 200, body: okBody }, { status: 404, body: notFound }]) {
        const run = bothWays((seen) => Effect.withSpan(getSecret.pipe(Effect.provide(clientLayer(seen, answer))), "caller"))
        const { fast, fastResult, reference, referenceResult, recorded } = yield* run
        expect(fast[0]).toBeInstanceOf(OperationSpan)
        expect(reference[0]).not.toBeInstanceOf(OperationSpan)
        expect(recorded.map((s) => s.name)).toEqual(["caller", "stytch.secrets.get"])
        expect(observable(fast[0]!)).toEqual(observable(reference[0]!))
        expect(observable(fast[0]!)).toMatchObject({
          name: "stytch.secrets.get",
          kind: "client",
          parent: Option.some("caller"),
          status: "Ended",
          attributes: {
            "http.request.method": "GET",
            "url.template": "/pwa/v3/projects/{project_slug}/environments/{environment_slug}/secrets/{secret_id}",
            "http.response.status_code": answer.status
          }
        })
        // The same outcome, and the same `Cause.pretty` (with its `at stytch.secrets.get (…)` line).
        expect(Exit.isSuccess(fastResult)).toBe(answer.status === 200)
        if (Exit.isFailure(fastResult) && Exit.isFailure(referenceResult)) {
          const pretty = Cause.pretty(fastResult.cause)
          expect(pretty).toBe(Cause.pretty(referenceResult.cause))
          expect(pretty).toMatch(/at stytch\.secrets\.get \(.*Secrets\.(ts|js):\d+/)
          expect(fast[0]!.attributes.get("code.stacktrace")).toBe(reference[0]!.attributes.get("code.stacktrace"))
          expect(fast[0]!.attributes.get("error.type")).toBe("StytchApiError")
        }
      }
    }))

  it.effect("ids: the parent's trace id, a span id of its own; random hex without a parent, fixed once read", () =>
    Effect.gen(function*() {
      const seen: Array<Tracer.Span> = []
      const layer = clientLayer(seen, { status: 200, body: okBody })
      const parent = yield* Effect.withSpan(Effect.zipRight(getSecret.pipe(Effect.provide(layer)), Effect.currentSpan), "caller")
      yield* getSecret.pipe(Effect.provide(layer))
      yield* getSecret.pipe(Effect.provide(layer))
      const [child, first, second] = seen
      expect(child!.traceId).toBe(parent.traceId)
      expect(child!.spanId).toMatch(/^[0-9a-f]{16}$/)
      expect(child!.spanId).not.toBe(parent.spanId)
      expect(first!.traceId).toMatch(/^[0-9a-f]{32}$/)
      expect(first!.traceId).not.toBe(second!.traceId)
      expect(first!.spanId).not.toBe(second!.spanId)
      expect([first!.traceId, first!.spanId]).toEqual([first!.traceId, first!.spanId])
      // A span made inside the operation span (by a supplied client or a token source) is in its trace.
      const inner = yield* Effect.withParentSpan(Effect.withSpan(Effect.currentSpan, "inner"), first!)
      expect(inner.traceId).toBe(first!.traceId)
      expect(Option.getOrUndefined(inner.parent)).toBe(first)
    }))

  it.effect("an interrupted call ends its span with the interruption, as useSpan does", () =>
    Effect.gen(function*() {
      const { fast, reference } = yield* bothWays((seen) =>
        Effect.gen(function*() {
          const fiber = yield* Effect.fork(getSecret.pipe(Effect.provide(clientLayer(seen, "never"))))
          while (seen.length === 0) yield* Effect.yieldNow()
          yield* Fiber.interrupt(fiber)
        })
      )
      expect(fast[0]).toBeInstanceOf(OperationSpan)
      expect(fast[0]!.status._tag).toBe("Ended")
      expect(fast[0]!.status._tag === "Ended" && Exit.isInterrupted(fast[0]!.status.exit)).toBe(true)
      expect(observable(fast[0]!)).toEqual(observable(reference[0]!))
    }))

  it.live("timing: start and end from the clock, both 0 with timing off", () =>
    Effect.gen(function*() {
      const seen: Array<Tracer.Span> = []
      const layer = clientLayer(seen, { status: 200, body: okBody })
      yield* getSecret.pipe(Effect.provide(layer))
      yield* getSecret.pipe(Effect.provide(layer), Effect.withTracerTiming(false))
      const [timed, untimed] = seen
      expect(timed!.status.startTime).toBeGreaterThan(BigInt(0))
      expect(timed!.status._tag === "Ended" && timed!.status.endTime >= timed!.status.startTime).toBe(true)
      expect(untimed!.status.startTime).toBe(BigInt(0))
      expect(untimed!.status._tag === "Ended" && untimed!.status.endTime).toBe(BigInt(0))
    }))

  it.effect("span annotations and links set on the fiber, and a disabled tracer, are honoured as useSpan does", () =>
    Effect.gen(function*() {
      const seen: Array<Tracer.Span> = []
      const layer = clientLayer(seen, { status: 200, body: okBody })
      const link = { _tag: "SpanLink", span: Tracer.externalSpan({ traceId: "t", spanId: "s" }), attributes: {} } as const
      yield* getSecret.pipe(Effect.provide(layer), Effect.annotateSpans("tenant", "acme"), Effect.linkSpans(link.span))
      expect(seen[0]!.attributes.get("tenant")).toBe("acme")
      expect(seen[0]!.links).toEqual([link])
      const recorded: Array<Tracer.Span> = []
      yield* getSecret.pipe(Effect.provide(layer), Effect.withTracerEnabled(false), recordSpansInto(recorded))
      expect(recorded).toEqual([])
      expect(seen[1]).not.toBeInstanceOf(OperationSpan)
    }))
})
