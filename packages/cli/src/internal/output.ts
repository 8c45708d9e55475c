/**
 * The terminal: whether to colour, a `Console` that drops ANSI escapes when
 * not colouring, and small text renderings (tables, styles).
 *
 * Colour only when the stream is a TTY, `NO_COLOR` is unset or empty
 * (https://no-color.org) and `TERM` is not `dumb`; `FORCE_COLOR` (non-empty,
 * not `0`) turns it on for pipes.
 */
import * as Console from "effect/Console"
import * as Effect from "effect/Effect"

/** Whether output to a stream of this kind is coloured. @internal */
export const colorFor = (stream: { readonly isTTY?: boolean | undefined }, env: NodeJS.ProcessEnv = process.env): boolean => {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "" && env.FORCE_COLOR !== "0") return true
  return stream.isTTY === true && env.TERM !== "dumb"
}

/** Colour on stdout / stderr. @internal */
export const color = {
  get out(): boolean {
    return colorFor(process.stdout)
  },
  get err(): boolean {
    return colorFor(process.stderr)
  }
}

/** Whether the session is interactive: stdin and stdout are terminals. @internal */
export const isInteractive = (): boolean => process.stdin.isTTY === true && process.stdout.isTTY === true

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g

/** `text` without ANSI escape sequences. @internal */
export const stripAnsi = (text: string): string => text.replace(ANSI, "")

const clean = (args: ReadonlyArray<unknown>, keep: boolean): ReadonlyArray<unknown> =>
  keep ? args : args.map((arg) => (typeof arg === "string" ? stripAnsi(arg) : arg))

/**
 * Runs `self` with a `Console` that strips ANSI escapes from what goes to a
 * stream that is not coloured (help texts and prompts from @effect/cli are
 * always styled).
 *
 * @internal
 */
export const withPlainConsole = <A, E, R>(self: Effect.Effect<A, E, R>): Effect.Effect<A, E, R> =>
  Console.consoleWith((base) => {
    const out = color.out
    const err = color.err
    if (out && err) return self
    const console: Console.Console = {
      ...base,
      log: (...args) => base.log(...clean(args, out)),
      info: (...args) => base.info(...clean(args, out)),
      error: (...args) => base.error(...clean(args, err)),
      warn: (...args) => base.warn(...clean(args, err)),
      unsafe: {
        ...base.unsafe,
        log: (...args) => base.unsafe.log(...clean(args, out)),
        info: (...args) => base.unsafe.info(...clean(args, out)),
        error: (...args) => base.unsafe.error(...clean(args, err)),
        warn: (...args) => base.unsafe.warn(...clean(args, err))
      }
    }
    return Console.withConsole(self, console)
  })

const sgr = (open: number, close: number) => (enabled: boolean, text: string) =>
  enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text

/** ANSI styles, applied only when `enabled`. @internal */
export const style = {
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  red: sgr(31, 39),
  green: sgr(32, 39),
  yellow: sgr(33, 39),
  cyan: sgr(36, 39)
}

/** Writes a line to stdout. @internal */
export const out = (line: string): Effect.Effect<void> => Effect.sync(() => void process.stdout.write(`${line}\n`))

/** Writes a line to stderr. @internal */
export const err = (line: string): Effect.Effect<void> => Effect.sync(() => void process.stderr.write(`${line}\n`))

/**
 * A plain-text table: a header row, then one row per item, columns padded to
 * their widest cell; the header bold when colouring. An empty list renders
 * as `empty`.
 *
 * @internal
 */
export const table = (
  header: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<string>>,
  options: { readonly color: boolean; readonly empty: string }
): string => {
  if (rows.length === 0) return options.empty
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)))
  const line = (cells: ReadonlyArray<string>) =>
    cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join("  ").trimEnd()
  return [style.bold(options.color, line(header)), ...rows.map(line)].join("\n")
}
