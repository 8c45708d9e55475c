/**
 * Reading a web `ReadableStream` body (a `fetch` response's) up to a size
 * limit, without an Effect `Stream`: shared by the transport's
 * supplied-client path and the direct `fetch` attempt.
 *
 * @internal
 */
import { constVoid } from "effect/Function"

/**
 * A response body over the size limit; the transport stops reading and
 * releases the connection.
 *
 * @internal
 */
export class ResponseTooLarge {
  constructor(readonly status: number, readonly limit: number) {}
}

const decoder = new TextDecoder()

const joined = (chunks: ReadonlyArray<Uint8Array>, size: number): Uint8Array => {
  if (chunks.length === 1) return chunks[0]!
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.length
  }
  return bytes
}

/**
 * Reads `body` with its own reader, counting the bytes as they arrive (a
 * declared length does not bound a compressed body), then calls `done` once
 * with the UTF-8 text or an error: a {@link ResponseTooLarge} past `limit`
 * (also when the declared length, `NaN` for none, is over it), after which
 * the body is cancelled, which closes the connection; else the reader's
 * error. The returned function cancels the read (then `done` is never
 * called).
 *
 * @internal
 */
export const readWebBody = (
  body: ReadableStream<Uint8Array>,
  declared: number,
  limit: number,
  status: number,
  done: (error: unknown, text: string | undefined) => void
): () => void => {
  const reader = body.getReader()
  const chunks: Array<Uint8Array> = []
  let size = 0
  let stopped = false
  const cancel = () => {
    if (stopped) return
    stopped = true
    reader.cancel().catch(constVoid)
  }
  if (declared > limit) {
    cancel()
    done(new ResponseTooLarge(status, limit), undefined)
    return constVoid
  }
  const onChunk = (result: ReadableStreamReadResult<Uint8Array>): void => {
    if (stopped) return
    if (result.done) {
      stopped = true
      return done(undefined, chunks.length === 0 ? "" : decoder.decode(joined(chunks, size)))
    }
    size += result.value.length
    if (size > limit) {
      cancel()
      return done(new ResponseTooLarge(status, limit), undefined)
    }
    chunks.push(result.value)
    reader.read().then(onChunk, onFailure)
  }
  const onFailure = (error: unknown): void => {
    if (stopped) return
    stopped = true
    done(error, undefined)
  }
  reader.read().then(onChunk, onFailure)
  return cancel
}
