import * as Clock from "effect/Clock"
import * as Deferred from "effect/Deferred"
import * as Effect from "effect/Effect"
import * as FiberId from "effect/FiberId"

interface Entry<A, E> {
  readonly deferred: Deferred.Deferred<A, E>
  /** When the value must be fetched again (epoch ms); `Infinity` while the fetch is in flight. */
  refreshAt: number
  fetchedAt: number
}

/**
 * A keyed cache whose values are fetched once for all concurrent callers
 * (single-flight) and fetched again after their time to live. A failed
 * fetch is not cached: every waiter gets the failure, the next call fetches.
 *
 * @internal
 */
export interface SingleFlight<K, A> {
  readonly get: <E, R>(
    key: K,
    now: number,
    fetch: Effect.Effect<A, E, R>,
    /** Milliseconds the fetched value stays fresh, counted from the end of the fetch. */
    ttl: (value: A) => number,
    /** Fetch again unless the value was fetched at or after this time (epoch ms). */
    staleBefore?: number
  ) => Effect.Effect<A, E, R>
  /** The keys held, least recently used first. */
  readonly keys: () => ReadonlyArray<K>
}

/**
 * A new cache. It holds at most `maxEntries` keys (default: no bound): when
 * a new key would exceed it, the least recently used ones are dropped. An
 * expired value is dropped when it is asked for, or when any new key is
 * fetched (values still being fetched are kept).
 *
 * @internal
 */
export const make = <K, A>(options: { readonly maxEntries?: number | undefined } = {}): SingleFlight<K, A> => {
  const maxEntries = options.maxEntries ?? Infinity
  // A Map iterates in insertion order: a key used again is moved to the end, so the first is the least recently used.
  const entries = new Map<K, Entry<A, unknown>>()
  return {
    keys: () => Array.from(entries.keys()),
    get: <E, R>(key: K, now: number, fetch: Effect.Effect<A, E, R>, ttl: (value: A) => number, staleBefore?: number) => {
      const entry = entries.get(key) as Entry<A, E> | undefined
      if (
        entry !== undefined && now < entry.refreshAt &&
        (staleBefore === undefined || entry.refreshAt === Infinity || entry.fetchedAt >= staleBefore)
      ) {
        entries.delete(key)
        entries.set(key, entry as Entry<A, unknown>)
        return Deferred.await(entry.deferred)
      }
      for (const [k, e] of entries) if (e.refreshAt <= now) entries.delete(k)
      const fresh: Entry<A, E> = { deferred: Deferred.unsafeMake<A, E>(FiberId.none), refreshAt: Infinity, fetchedAt: now }
      entries.delete(key)
      entries.set(key, fresh as Entry<A, unknown>)
      for (const k of entries.keys()) {
        if (entries.size <= maxEntries) break
        entries.delete(k)
      }
      const run = Effect.tapBoth(fetch, {
        onSuccess: (value) =>
          Effect.map(Clock.currentTimeMillis, (at) => {
            fresh.fetchedAt = at
            fresh.refreshAt = at + ttl(value)
          }),
        onFailure: () =>
          Effect.sync(() => {
            if (entries.get(key) === fresh) entries.delete(key)
          })
      })
      // The fetch completes for the waiters even if the caller that started it is interrupted.
      return Effect.zipRight(
        Effect.uninterruptible(Effect.flatMap(Effect.exit(run), (exit) => Deferred.done(fresh.deferred, exit))),
        Deferred.await(fresh.deferred)
      )
    }
  }
}
