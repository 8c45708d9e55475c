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
import { StytchManagement } from "@stytch-effect/core"
import type * as Cause from "effect/Cause"
import type * as Effect from "effect/Effect"
import * as FiberId from "effect/FiberId"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import { ClientError } from "../Errors.js"
import type { RequestOptions, Run } from "./runner.js"

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

/** The per-call options other than `signal`, as core's `withRequestOptions` (only when there are some). */
const withOptions = <A, E, R>(program: Effect.Effect<A, E, R>, options: RequestOptions): Effect.Effect<A, unknown, R> => {
  if (typeof options !== "object") {
    throw new ClientError("INVALID_REQUEST", "request options must be an object", { field: "options" })
  }
  const { deadline, headers, maxRetries, timeout } = options
  if (deadline === undefined && headers === undefined && maxRetries === undefined && timeout === undefined) return program
  const checked = StytchManagement.resolveRequestOptions({ deadline, headers, maxRetries, timeout })
  if ("field" in checked) throw new ClientError("INVALID_REQUEST", checked.message, { field: checked.field })
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
  /** The cancellers of the calls in flight. */
  readonly #inFlight = new Set<(error: ClientError) => void>()
  #closed = false

  /**
   * Runs an operation's effect on the client's runtime and settles with its
   * value, or rejects with the error `fromCause` makes of its failure.
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

    // Each call forks one fiber on the client's runtime (built once, by the
    // first call; a build failure fails every call) and settles one promise
    // from the fiber's exit: no per-call layer, scope or `Effect.suspend`, and
    // one promise rather than `runPromiseExit` + `then`. Per-call options add
    // a FiberRef (`withRequestOptions`) and an abort listener, only when given.
    const inFlight = this.#inFlight
    this.run = (effect, options) =>
      new Promise((resolve, reject) => {
        if (this.#closed) return reject(new ClientError("CLIENT_CLOSED", `the ${name} was closed`))
        let program: Effect.Effect<unknown, unknown, R>
        let signal: AbortSignal | undefined
        try {
          program = effect()
          if (options !== undefined && options !== null) {
            signal = signalOf(options)
            if (signal?.aborted) return reject(aborted(signal))
            program = withOptions(program, options)
          }
        } catch (defect) {
          return reject(defect)
        }
        let settled = false
        const fiber = managed.runFork(program)
        const cancel = (error: ClientError) => {
          if (settled) return
          settled = true
          inFlight.delete(cancel)
          signal?.removeEventListener("abort", onAbort)
          reject(error)
          // Interruption aborts the request in flight (its socket is destroyed).
          fiber.unsafeInterruptAsFork(FiberId.none)
        }
        const onAbort = () => cancel(aborted(signal!))
        inFlight.add(cancel)
        signal?.addEventListener("abort", onAbort, { once: true })
        fiber.addObserver((exit) => {
          if (settled) return
          settled = true
          inFlight.delete(cancel)
          signal?.removeEventListener("abort", onAbort)
          if (exit._tag === "Success") resolve(exit.value as never)
          else reject(fromCause(exit.cause))
        })
      })
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
    for (const cancel of [...this.#inFlight]) cancel(closing)
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
