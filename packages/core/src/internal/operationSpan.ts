/**
 * The operation span: `Effect.useSpan`, made cheaper where nobody but us and
 * `Cause.pretty` can see the difference.
 *
 * With a tracer of the user's (OpenTelemetry, a test tracer) the call runs in
 * `Effect.useSpan` exactly as written. With Effect's built-in tracer (no
 * exporter: the default) the span is an {@link OperationSpan} — the same
 * fields as Effect's native span, its ids drawn when first read — made and
 * ended here the way `useSpan` makes and ends it, without its `onExit`
 * layering. Anything unusual (tracing disabled, span annotations or links
 * set on the fiber, a parent that disables propagation, another copy of
 * `effect` in the process) takes `useSpan`.
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

const hex = "0123456789abcdef"
/** What Effect's native span draws: `length` random lowercase hex digits. */
const randomHex = (length: number): string => {
  let result = ""
  for (let i = 0; i < length; i++) result += hex[Math.floor(Math.random() * 16)]
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
  readonly context: Context.Context<never> = Context.empty()
  status: Tracer.SpanStatus
  readonly attributes = new Map<string, unknown>()
  readonly events: Array<[name: string, startTime: bigint, attributes: Record<string, unknown>]> = []
  readonly links: Array<Tracer.SpanLink> = []
  private ids: { traceId: string; spanId: string } | undefined

  constructor(
    readonly name: string,
    readonly parent: Option.Option<Tracer.AnySpan>,
    startTime: bigint,
    readonly kind: Tracer.SpanKind
  ) {
    this.status = { _tag: "Started", startTime }
  }

  private get drawn(): { traceId: string; spanId: string } {
    return this.ids ??= {
      traceId: this.parent._tag === "Some" ? this.parent.value.traceId : randomHex(32),
      spanId: randomHex(16)
    }
  }

  get traceId(): string {
    return this.drawn.traceId
  }

  get spanId(): string {
    return this.drawn.spanId
  }

  end(endTime: bigint, exit: Exit.Exit<unknown, unknown>): void {
    this.status = { _tag: "Ended", endTime, exit, startTime: this.status.startTime }
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
 * `at stytch.secrets.get (file:line)` line): the same global `useSpan` fills.
 */
const spanToTrace = GlobalValue.globalValue(
  "effect/Tracer/spanToTrace",
  () => new WeakMap<Tracer.AnySpan, () => string | undefined>()
)

let verified: boolean | undefined
/**
 * Whether `spanToTrace` is the map `useSpan` fills, checked once on a span
 * made by Effect itself: if a version of Effect keeps it elsewhere, every
 * call takes `useSpan`.
 */
const fastPathAvailable = (): boolean => {
  if (verified !== undefined) return verified
  const trace = () => "probe"
  const span = Effect.runSync(
    Effect.withTracer(Effect.makeSpan("stytch.probe", { captureStackTrace: trace }), builtInTracer)
  )
  return verified = spanToTrace.get(span) === trace
}

const bigint0 = BigInt(0)

/** `Effect.useSpan`'s end: the stack trace attribute on failure, then the end time. */
const endSpan = (span: OperationSpan, exit: Exit.Exit<unknown, unknown>, clock: Clock.Clock, timing: boolean) => {
  if (span.status._tag === "Ended") return
  if (Exit.isFailure(exit)) {
    const trace = spanToTrace.get(span)
    if (trace !== undefined) span.attribute("code.stacktrace", trace())
  }
  span.end(timing ? clock.unsafeCurrentTimeNanos() : bigint0, exit)
}

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
  ): Effect.Effect<A, E> => Effect.withFiberRuntime<A, E>((fiber) => {
    const services = fiber.getFiberRef(DefaultServices.currentServices)
    const parent = Context.getOption(fiber.currentContext, Tracer.ParentSpan)
    if (
      Context.get(services, Tracer.Tracer) !== builtInTracer ||
      !fiber.getFiberRef(FiberRef.currentTracerEnabled) ||
      HashMap.size(fiber.getFiberRef(FiberRef.currentTracerSpanAnnotations)) > 0 ||
      Chunk.isNonEmpty(fiber.getFiberRef(FiberRef.currentTracerSpanLinks)) ||
      (parent._tag === "Some" && Context.get(parent.value.context, Tracer.DisablePropagation)) ||
      !fastPathAvailable()
    ) {
      return Effect.useSpan(name, options, (span) => evaluate(span, fiber))
    }
    const timing = fiber.getFiberRef(FiberRef.currentTracerTimingEnabled)
    const clock = Context.get(services, Clock.Clock)
    const span = new OperationSpan(name, parent, timing ? clock.unsafeCurrentTimeNanos() : bigint0, options.kind)
    for (const [key, value] of attributes) span.attributes.set(key, value)
    spanToTrace.set(span, options.captureStackTrace)
    return Effect.uninterruptibleMask((restore) =>
      // Evaluated in the region, as `useSpan` does: a throw is a defect that ends the span.
      Effect.matchCauseEffect(restore(Effect.withFiberRuntime(() => evaluate(span, fiber))), {
        onFailure: (cause) => {
          const exit = Exit.failCause(cause)
          endSpan(span, exit, clock, timing)
          return exit
        },
        onSuccess: (value) => {
          const exit = Exit.succeed(value)
          endSpan(span, exit, clock, timing)
          return exit
        }
      })
    )
  })
}
