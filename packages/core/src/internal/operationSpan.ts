/**
 * The operation span: `Effect.useSpan`, made cheaper where nobody but us and
 * `Cause.pretty` can see the difference.
 *
 * With a tracer of the user's (OpenTelemetry, a test tracer) the call runs in
 * `Effect.useSpan` exactly as written. With Effect's built-in tracer (no
 * exporter: the default) the span is an {@link OperationSpan} — the fields and
 * methods of Effect's native span, its ids drawn when first read (the native
 * span draws 48 random hex digits per span, the larger part of `useSpan`'s
 * cost) — made and ended here as `useSpan` makes and ends it. Anything
 * unusual (tracing disabled, span annotations or links set on the fiber, a
 * parent that disables propagation, another copy of `effect`, an Effect that
 * keeps stack traces elsewhere) takes `useSpan`.
 *
 * @internal
 */
import * as Chunk from "effect/Chunk"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as DefaultServices from "effect/DefaultServices"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import type * as Fiber from "effect/Fiber"
import * as FiberRef from "effect/FiberRef"
import * as GlobalValue from "effect/GlobalValue"
import * as HashMap from "effect/HashMap"
import type * as Option from "effect/Option"
import * as Tracer from "effect/Tracer"

/** What Effect's native span draws for an id: `length` random lowercase hex digits. */
const randomHex = (length: number): string => {
  let result = ""
  for (let i = 0; i < length; i++) result += (Math.random() * 16 | 0).toString(16)
  return result
}

/**
 * A span with the fields and methods of Effect's native span, whose trace
 * and span ids are drawn when first read (the trace id is the parent's, as
 * there, when it has one). Most calls never read them.
 *
 * @internal
 */
export class OperationSpan implements Tracer.Span {
  readonly _tag = "Span"
  readonly sampled = true
  readonly context = Context.empty()
  status: Tracer.SpanStatus
  readonly events: Array<[name: string, startTime: bigint, attributes: Record<string, unknown>]> = []
  readonly links: Array<Tracer.SpanLink> = []
  private ids: readonly [traceId: string, spanId: string] | undefined

  constructor(
    readonly name: string,
    readonly parent: Option.Option<Tracer.AnySpan>,
    readonly startTime: bigint,
    readonly kind: Tracer.SpanKind,
    readonly attributes: Map<string, unknown>
  ) {
    this.status = { _tag: "Started", startTime }
  }

  private draw(): readonly [traceId: string, spanId: string] {
    return this.ids ??= [this.parent._tag === "Some" ? this.parent.value.traceId : randomHex(32), randomHex(16)]
  }

  get traceId(): string {
    return this.draw()[0]
  }

  get spanId(): string {
    return this.draw()[1]
  }

  end(endTime: bigint, exit: Exit.Exit<unknown, unknown>): void {
    this.status = { _tag: "Ended", endTime, exit, startTime: this.startTime }
  }

  attribute(key: string, value: unknown): void {
    this.attributes.set(key, value)
  }

  event(name: string, startTime: bigint, attributes?: Record<string, unknown>): void {
    this.events.push([name, startTime, attributes ?? {}])
  }

  addLinks(links: ReadonlyArray<Tracer.SpanLink>): void {
    this.links.push(...links)
  }
}

/** Effect's built-in tracer, as this copy of `effect` provides it by default. */
const builtInTracer = Context.get(DefaultServices.liveServices, Tracer.Tracer)

/**
 * Where Effect keeps a span's stack-trace thunk for `Cause.pretty` (the
 * `at stytch.secrets.get (file:line)` line) and `code.stacktrace`: the map
 * `useSpan` fills, which `effect` has made by the time this module runs. If
 * it is not there (an Effect that keeps it elsewhere), `useSpan` it is.
 */
let stored = true
const spanToTrace = GlobalValue.globalValue("effect/Tracer/spanToTrace", () => {
  stored = false
  return new WeakMap<Tracer.AnySpan, () => string | undefined>()
})

const bigint0 = BigInt(0)

/** The span options of an operation: always a kind, attributes and a stack-trace thunk. */
export interface Options {
  readonly kind: Tracer.SpanKind
  readonly attributes: Readonly<Record<string, unknown>>
  readonly captureStackTrace: () => string | undefined
}

/**
 * The operation span `name`, prepared once: `inSpan(evaluate)` is
 * `Effect.useSpan(name, options, (span) => evaluate(span, fiber))`, by the
 * fiber running it: the same span, parent, attributes, timing and end as seen
 * from any tracer, `Cause.pretty` or `Effect.currentSpan`.
 *
 * @internal
 */
export const make = (name: string, options: Options) => {
  const attributes = Object.entries(options.attributes)
  return <A, E>(
    evaluate: (span: Tracer.Span, fiber: Fiber.RuntimeFiber<unknown, unknown>) => Effect.Effect<A, E>
  ): Effect.Effect<A, E> =>
    Effect.withFiberRuntime<A, E>((fiber) => {
      const services = fiber.getFiberRef(DefaultServices.currentServices)
      const parent = Context.getOption(fiber.currentContext, Tracer.ParentSpan)
      if (
        !stored || Context.get(services, Tracer.Tracer) !== builtInTracer ||
        !fiber.getFiberRef(FiberRef.currentTracerEnabled) ||
        HashMap.size(fiber.getFiberRef(FiberRef.currentTracerSpanAnnotations)) > 0 ||
        Chunk.isNonEmpty(fiber.getFiberRef(FiberRef.currentTracerSpanLinks)) ||
        (parent._tag === "Some" && Context.get(parent.value.context, Tracer.DisablePropagation))
      ) {
        return Effect.useSpan(name, options, (span) => evaluate(span, fiber))
      }
      const clock = fiber.getFiberRef(FiberRef.currentTracerTimingEnabled) ? Context.get(services, Clock.Clock) : undefined
      const span = new OperationSpan(name, parent, now(clock), options.kind, new Map(attributes))
      spanToTrace.set(span, options.captureStackTrace)
      // Evaluated in the region, as by `useSpan`: a throw is a defect that ends the span.
      return Effect.uninterruptibleMask((restore) =>
        Effect.matchCauseEffect(restore(Effect.withFiberRuntime(() => evaluate(span, fiber))), {
          onFailure: (cause) => end(span, Exit.failCause(cause), clock, options),
          onSuccess: (value) => end(span, Exit.succeed(value), clock, options)
        })
      )
    })
}

/** A span's start or end time: the clock's, or 0 with timing turned off (`clock` undefined), as `useSpan` reads it. */
const now = (clock: Clock.Clock | undefined): bigint => clock === undefined ? bigint0 : clock.unsafeCurrentTimeNanos()

/**
 * `useSpan`'s end: on failure the stack trace attribute, then the end time.
 * Shared by every call (not made per call): only the two handlers are.
 */
const end = <A, E>(span: OperationSpan, exit: Exit.Exit<A, E>, clock: Clock.Clock | undefined, options: Options) => {
  if (span.status._tag === "Ended") return exit
  if (Exit.isFailure(exit)) span.attribute("code.stacktrace", options.captureStackTrace())
  span.end(now(clock), exit)
  return exit
}
