/**
 * What the two promise clients (`ManagementClient`, `ProjectClient`) share:
 * one runtime per client, built once from its layer; one `run` that settles
 * one promise per call from one forked fiber (per-call options, an
 * `AbortSignal`, `close()` aborting the calls in flight); `close()`,
 * `await using`, and a description that never shows a secret.
 *
 * @internal
 */
import * as HttpClient from "@effect/platform/HttpClient"
import * as StytchManagement from "@stytch-effect/core/StytchManagement"
import type * as Cause from "effect/Cause"
import type * as Effect from "effect/Effect"
import type * as Fiber from "effect/Fiber"
import * as FiberId from "effect/FiberId"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Runtime from "effect/Runtime"
import { ClientError } from "../Errors.js"
import { checkKeys } from "./config.js"
import { optionNames, type RequestOptions, type Run } from "./runner.js"

declare global {
  // `Symbol.asyncDispose` (the `await using` protocol), declared exactly as
  // @types/node and lib.esnext.disposable declare it, so these declarations
  // type-check without either (the declarations merge when both are present).
  interface SymbolConstructor {
    readonly asyncDispose: unique symbol
  }
}

/**
 * The transport layer of a client's `httpClient` option: the platform's
 * default, a layer as given, or an `HttpClient` value.
 *
 * @internal
 */
export const transport = (
  httpClient: HttpClient.HttpClient | Layer.Layer<HttpClient.HttpClient> | undefined
): Layer.Layer<HttpClient.HttpClient> =>
  httpClient === undefined
    ? StytchManagement.defaultHttpClient
    : Layer.isLayer(httpClient)
    ? (httpClient as Layer.Layer<HttpClient.HttpClient>)
    : Layer.succeed(HttpClient.HttpClient, httpClient as HttpClient.HttpClient)

const aborted = (signal: AbortSignal): ClientError =>
  new ClientError("ABORTED", "the call was aborted by its signal", { cause: signal.reason })

const signalOf = (options: RequestOptions): AbortSignal | undefined => {
  const signal = options.signal
  if (signal === undefined) return undefined
  if (typeof signal !== "object" || signal === null || typeof signal.addEventListener !== "function" || typeof signal.aborted !== "boolean") {
    throw new ClientError("INVALID_REQUEST", "signal must be an AbortSignal", { field: "signal" })
  }
  return signal
}

/**
 * The per-call options other than `signal`, as core's `withRequestOptions`
 * (only when there are some); it checks them (an invalid one fails the call
 * with `InvalidRequestError`, `INVALID_REQUEST` here, before anything is sent).
 */
const withOptions = <A, E, R>(program: Effect.Effect<A, E, R>, options: RequestOptions): Effect.Effect<A, unknown, R> => {
  if (typeof options !== "object") {
    throw new ClientError("INVALID_REQUEST", "request options must be an object", { field: "options" })
  }
  // `max_retries` (the config's spelling) would be silently ignored.
  checkKeys(options, optionNames, {}, "INVALID_REQUEST")
  const { deadline, headers, maxRetries, timeout } = options
  if (deadline === undefined && headers === undefined && maxRetries === undefined && timeout === undefined) return program
  return StytchManagement.withRequestOptions(program, { deadline, headers, maxRetries, timeout })
}

/**
 * The base of the promise clients: holds the client's runtime and its
 * description; subclasses turn operations into methods with {@link run}.
 *
 * @internal
 */
export abstract class PromiseClient<R> {
  readonly #runtime: ManagedRuntime.ManagedRuntime<R, unknown>
  readonly #name: string
  readonly #description: string
  /** The calls in flight: each one's fiber, and what rejects its promise at once (`close()`). */
  readonly #inFlight = new Map<Fiber.RuntimeFiber<unknown, unknown>, (error: ClientError) => void>()
  #closed = false

  /**
   * Runs an operation on the client's runtime and settles with its value,
   * or rejects with the error `fromCause` makes of its failure.
   *
   * @internal
   */
  protected readonly run: Run<R>

  /**
   * @param name The class name, for `CLIENT_CLOSED` messages.
   * @param description What `toString`, `inspect` and JSON show: never a secret.
   * @param fromCause The error a failed call rejects with.
   */
  constructor(
    name: string,
    layer: Layer.Layer<R, unknown>,
    description: string,
    fromCause: (cause: Cause.Cause<unknown>) => unknown
  ) {
    this.#name = name
    this.#description = description
    const managed = ManagedRuntime.make(layer)
    this.#runtime = managed
    const inFlight = this.#inFlight

    // The runtime is built once, by the first call (a build failure fails
    // every call). Once built, calls fork on it with `Runtime.runFork`, which
    // is what `managed.runFork` does then, minus a closure per call.
    let runtime: Runtime.Runtime<R> | undefined
    let building = false
    const firstFork = <A>(program: Effect.Effect<A, unknown, R>): Fiber.RuntimeFiber<A, unknown> => {
      if (!building) {
        building = true
        managed.runtime().then((built) => (runtime = built), () => {})
      }
      return managed.runFork(program)
    }

    // Each call forks one fiber and settles one promise from its exit: no
    // per-call layer, scope, `Effect.suspend` or `Effect.map`. Without
    // options, a call adds no more than its promise, one observer and its
    // entry in `inFlight`; options add a FiberRef (`withRequestOptions`) and,
    // with a signal, an abort listener.
    this.run = <I, A, B>(
      operation: (request: I) => Effect.Effect<A, unknown, R>,
      request: I,
      options: RequestOptions | undefined,
      map?: (value: A) => B
    ): Promise<B> => {
      if (this.#closed) return Promise.reject(new ClientError("CLIENT_CLOSED", `the ${name} was closed`))
      let fiber: Fiber.RuntimeFiber<A, unknown>
      let signal: AbortSignal | undefined
      try {
        let program = operation(request)
        if (options !== undefined && options !== null) {
          signal = signalOf(options)
          if (signal?.aborted) return Promise.reject(aborted(signal))
          program = withOptions(program, options)
        }
        fiber = runtime === undefined ? firstFork(program) : Runtime.runFork(runtime, program)
      } catch (defect) {
        return Promise.reject(defect)
      }
      return new Promise<B>((resolve, reject) => {
        let onAbort: (() => void) | undefined
        if (signal === undefined) {
          inFlight.set(fiber, reject)
        } else {
          const s = signal
          onAbort = () => {
            if (!inFlight.delete(fiber)) return
            reject(aborted(s))
            // Interruption aborts the request in flight (its socket is destroyed).
            fiber.unsafeInterruptAsFork(FiberId.none)
          }
          inFlight.set(fiber, (error) => {
            s.removeEventListener("abort", onAbort!)
            reject(error)
          })
          s.addEventListener("abort", onAbort, { once: true })
        }
        fiber.addObserver((exit) => {
          // Settled already when `close()` or the signal took it out of `inFlight`.
          if (!inFlight.delete(fiber)) return
          if (onAbort !== undefined) signal!.removeEventListener("abort", onAbort)
          if (exit._tag === "Success") resolve(map === undefined ? exit.value as unknown as B : map(exit.value))
          else reject(fromCause(exit.cause))
        })
      })
    }
  }

  /**
   * Aborts the calls in flight (they reject at once with a `ClientError`
   * `CLIENT_CLOSED`, their connections closed), then releases the client's
   * resources (its layer's scope, its sockets). Later calls reject with
   * `CLIENT_CLOSED` too. Idempotent. To let calls finish first, await them
   * before closing.
   */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    const closing = new ClientError("CLIENT_CLOSED", `the ${this.#name} was closed while the call was in flight`)
    for (const [fiber, cancel] of [...this.#inFlight]) {
      this.#inFlight.delete(fiber)
      cancel(closing)
      // Interruption aborts the request in flight (its socket is destroyed).
      fiber.unsafeInterruptAsFork(FiberId.none)
    }
    await this.#runtime.dispose()
  }

  /** `await using client = new …Client(…)` closes it at the end of the block. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.close()
  }

  /** The client's settings that are not secret; never a secret. */
  toString(): string {
    return this.#description
  }

  /** @internal */
  toJSON(): string {
    return this.#description
  }

  /** @internal */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.#description
  }
}
