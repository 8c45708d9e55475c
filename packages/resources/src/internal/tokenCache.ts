/**
 * The cache of `M2M.token`, one per project client: a single-flight cache
 * of at most {@link MAX_ENTRIES} tokens (least recently used dropped first,
 * expired ones dropped), keyed by a salted SHA-256 digest of the client id,
 * secret and scopes, never by the secret itself. Web Crypto only, as core's
 * OAuth uses it: it runs in browsers and edge runtimes too.
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import * as SingleFlight from "./singleFlight.js"

/** How many tokens one project client keeps at most. @internal */
export const MAX_ENTRIES = 256

/** @internal */
export interface TokenCache<A> {
  readonly tokens: SingleFlight.SingleFlight<string, A>
  /** The cache key of a token: hex of SHA-256(salt ‖ JSON of the parts); the salt is random per cache, in memory only. */
  readonly keyOf: (parts: ReadonlyArray<string | null>) => Effect.Effect<string>
}

const caches = new WeakMap<object, TokenCache<unknown>>()

const make = <A>(): TokenCache<A> => {
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(32))
  const encoder = new TextEncoder()
  return {
    tokens: SingleFlight.make({ maxEntries: MAX_ENTRIES }),
    keyOf: (parts) =>
      Effect.map(
        Effect.promise(() => {
          const data = encoder.encode(JSON.stringify(parts))
          const input = new Uint8Array(salt.length + data.length)
          input.set(salt)
          input.set(data, salt.length)
          return globalThis.crypto.subtle.digest("SHA-256", input)
        }),
        (digest) => Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("")
      )
  }
}

/** The token cache of a project client (made on first use, gone with the client). @internal */
export const of = <A>(owner: object): TokenCache<A> => {
  let cache = caches.get(owner) as TokenCache<A> | undefined
  if (cache === undefined) caches.set(owner, (cache = make<A>()) as TokenCache<unknown>)
  return cache
}
