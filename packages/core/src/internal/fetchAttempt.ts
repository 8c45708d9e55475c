/**
 * The direct attempt of the `fetch` transport (`FetchHttpClient.ts`): the
 * request goes to `fetch` as a plain `RequestInit`, the body is read by the
 * shared bounded reader, and the per-attempt timeout and interruption abort
 * the request through its `AbortSignal` (see `directAttempt.ts`).
 *
 * `fetch` and its options come from `@effect/platform`'s `FetchHttpClient`
 * services, as that client reads them: the calling fiber's, else the
 * layer's (captured when it was built), else `globalThis.fetch` (read at
 * each call, so a stubbed global is honoured).
 *
 * @internal
 */
import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import * as Context from "effect/Context"
import { constVoid } from "effect/Function"
import type { DirectAttempt, DirectSettings } from "./direct.js"
import { type DirectSend, make as makeAttempt } from "./directAttempt.js"
import { readWebBody } from "./webBody.js"

/**
 * The `RequestInit` of a request: the configured options, then the
 * request's own fields. The configured headers come first, the request's
 * override them; redirects are never followed (`"manual"`, kept as
 * `"error"` if configured so): a 3xx comes back as a response, which the
 * SDK refuses.
 */
const requestInit = (
  options: RequestInit | undefined,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  signal: AbortSignal
): RequestInit => {
  const init: RequestInit = options === undefined
    ? { method, headers, redirect: "manual", signal }
    : {
      ...options,
      method,
      headers: options.headers === undefined
        ? headers
        : { ...Object.fromEntries(new Headers(options.headers)), ...headers },
      redirect: options.redirect === "error" ? "error" : "manual",
      signal
    }
  if (body !== undefined) init.body = body
  return init
}

/**
 * Whether a response's body is exactly its declared `content-length` in
 * bytes, so that the runtime's own `text()` can read it, with the size limit
 * checked against the declared length (on loopback, a reader costs Deno
 * ~45 µs more per call; Node and Bun about the same): a response received
 * from the network (a URL; a `Response` built by a `fetch` wrapper has
 * none, and its headers may describe another body), with every header
 * visible (not a browser's cross-origin response, whose `content-encoding`
 * is hidden; the other filtered types have no body), and not compressed
 * (the decoded body is larger than its length). Any other body is read by
 * `readWebBody`, counting bytes.
 */
const framed = (response: Response): boolean =>
  response.url !== "" && response.type !== "cors" && !response.headers.has("content-encoding")

/**
 * The direct attempt of a `fetch` transport built in `layerContext`.
 *
 * @internal
 */
export const make = (layerContext: Context.Context<never>) => {
  const configuredFetch = Context.getOrElse(layerContext, FetchHttpClient.Fetch, () => undefined)
  const configuredInit = Context.getOrElse(layerContext, FetchHttpClient.RequestInit, () => undefined)
  return (settings: DirectSettings): DirectAttempt => {
    const { baseURL, maxResponseBytes: limit } = settings
    const send: DirectSend = (method, pathAndQuery, headers, body, callback, fiber) => {
      const context = fiber.currentContext
      const fetch = Context.getOrElse(context, FetchHttpClient.Fetch, () => configuredFetch) ?? globalThis.fetch
      const options = Context.getOrElse(context, FetchHttpClient.RequestInit, () => configuredInit)
      const controller = new AbortController()
      let stopped = false
      let cancelBody: (() => void) | undefined
      const onResponse = (response: Response) => {
        if (stopped) {
          response.body?.cancel().catch(constVoid)
          return
        }
        const status = response.status
        const responseHeaders = response.headers
        const header = (name: string) => responseHeaders.get(name) ?? undefined
        const done = (error: unknown, text: string | undefined) =>
          callback(error, text === undefined ? undefined : { status, header, text })
        const length = responseHeaders.get("content-length")
        const declared = length === null ? NaN : Number(length)
        // `body` read last: Deno makes its stream when first read (~3.5 µs per call, Bun ~0.7 µs), which `text()` then has to go through.
        if ((declared >= 0 && declared <= limit && framed(response)) || response.body === null) {
          // Aborting the request (interruption, timeout) also ends this read.
          response.text().then((text) => stopped || done(undefined, text), onError)
        } else {
          cancelBody = readWebBody(response.body, declared, limit, status, done)
        }
      }
      const onError = (error: unknown) => {
        if (!stopped) callback(error, undefined)
      }
      try {
        fetch(baseURL + pathAndQuery, requestInit(options, method, headers, body, controller.signal))
          .then(onResponse, onError)
      } catch (error) {
        // A `fetch` that throws instead of rejecting (an invalid header, a stub).
        onError(error)
      }
      return () => {
        stopped = true
        cancelBody?.()
        controller.abort()
      }
    }
    return makeAttempt(send, settings)
  }
}
