/**
 * Progress of long work on stderr. On a TTY: a spinner (export, plan) or a
 * progress bar under the list of finished actions (apply), redrawn in
 * place. Elsewhere: one plain line per finished action, nothing redrawn.
 */
import type { Plan, Workspace } from "@stytch-effect/workspace"
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import { describe } from "./errors.js"
import { color, style } from "./output.js"

const CLEAR = "\r\u001b[2K"
const frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

const tty = () => process.stderr.isTTY === true

/**
 * A spinner with `label` and the elapsed time while the scope is open (TTY
 * only; elsewhere nothing).
 *
 * @internal
 */
export const spinner = (label: string): Effect.Effect<void, never, Scope.Scope> =>
  Effect.suspend(() => {
    if (!tty()) return Effect.void
    const started = performance.now()
    let frame = 0
    const draw = () => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1)
      process.stderr.write(`${CLEAR}${style.cyan(color.err, frames[frame++ % frames.length]!)} ${label} ${style.dim(color.err, `${seconds}s`)}`)
    }
    return Effect.acquireRelease(
      Effect.sync(() => {
        draw()
        return setInterval(draw, 80)
      }),
      (timer) => Effect.sync(() => {
        clearInterval(timer)
        process.stderr.write(CLEAR)
      })
    )
  })

const where = (action: Plan.Action) =>
  action.environment === undefined ? action.project : `${action.project}/${action.environment}`

/**
 * The `onProgress` of `Workspace.apply`, drawing its events, and `finish`
 * to clear the bar.
 *
 * @internal
 */
export const applyProgress = (total: number, label: (action: Plan.Action) => string) => {
  const interactive = tty()
  const c = color.err
  const running = new Set<Plan.Action>()
  let completed = 0
  let barShown = false
  const width = 24
  const bar = () => {
    const filled = total === 0 ? width : Math.round((completed / total) * width)
    const current = running.values().next().value
    const doing = current === undefined ? "" : style.dim(c, ` ${label(current)} (${where(current)})`)
    return `${CLEAR}[${style.green(c, "█".repeat(filled))}${"░".repeat(width - filled)}] ${completed}/${total}${doing}`
  }
  const line = (text: string) => {
    process.stderr.write(`${interactive && barShown ? CLEAR : ""}${text}\n`)
    if (interactive) {
      process.stderr.write(bar())
      barShown = true
    }
  }
  const onProgress = (event: Workspace.Progress) => {
    if (event.kind === "started") {
      running.add(event.action)
      if (interactive) {
        process.stderr.write(bar())
        barShown = true
      }
      return
    }
    running.delete(event.action)
    completed = event.completed
    line(
      event.kind === "done"
        ? `${style.green(c, "✓")} ${label(event.action)} ${style.dim(c, `(${where(event.action)})`)}`
        : `${style.red(c, "✗")} ${label(event.action)} ${style.dim(c, `(${where(event.action)})`)}`
    )
  }
  const finish = () => {
    if (interactive && barShown) process.stderr.write(CLEAR)
  }
  return { onProgress, finish }
}

/**
 * The end of an apply: the failed actions with their errors, then
 * `Apply: n done, n failed, n not started.`
 *
 * @internal
 */
export const summary = (report: Workspace.ApplyReport, label: (action: Plan.Action) => string): ReadonlyArray<string> => {
  const c = color.out
  const lines: Array<string> = []
  for (const { action, error } of report.failed) {
    const { hint, message } = describe(error)
    lines.push(`${style.red(c, "failed:")} ${label(action)} (${where(action)}): ${message}`)
    if (hint !== undefined) lines.push(`  ${style.dim(c, "hint:")} ${hint}`)
  }
  for (const action of report.notStarted) lines.push(`${style.yellow(c, "not started:")} ${label(action)} (${where(action)})`)
  const counts = `Apply: ${report.done.length} done, ${report.failed.length} failed, ${report.notStarted.length} not started.`
  lines.push(report.failed.length === 0 && report.notStarted.length === 0 ? style.green(c, counts) : style.red(c, counts))
  return lines
}
