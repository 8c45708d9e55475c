/**
 * Runs the command line: parses `process.argv`, runs the command on Node's
 * platform layer, renders a failure as one line plus a hint (the whole
 * cause with `--verbose`) and sets the exit code.
 */
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as NodePath from "@effect/platform-node/NodePath"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as NodeTerminal from "@effect/platform-node/NodeTerminal"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as Cli from "./cli.js"
import { ExitCode, report } from "./errors.js"
import { withPlainConsole } from "./output.js"

/** Runs `stytch-effect` with `argv` (as `process.argv`: node, script, arguments). @internal */
export const main = (argv: ReadonlyArray<string>): void => {
  const verbose = argv.includes("--verbose")
  const program = Cli.run(argv).pipe(
    withPlainConsole,
    Effect.catchAllCause((cause) =>
      Effect.sync(() => {
        const { code, lines } = report(cause, verbose)
        for (const line of lines) process.stderr.write(`${line}\n`)
        process.exitCode = code
      })
    ),
    // What @effect/cli needs (not all of NodeContext: no child_process, no workers, at start)
    Effect.provide(Layer.mergeAll(NodeFileSystem.layer, NodePath.layer, NodeTerminal.layer))
  )
  // runMain interrupts the program on SIGINT/SIGTERM and then exits with the
  // code given to `onExit`; otherwise it lets the process end by itself.
  let signalled = false
  const onSignal = () => {
    signalled = true
  }
  process.once("SIGINT", onSignal)
  process.once("SIGTERM", onSignal)
  NodeRuntime.runMain(program, {
    disableErrorReporting: true,
    disablePrettyLogger: true,
    teardown: (exit, onExit) => {
      process.removeListener("SIGINT", onSignal)
      process.removeListener("SIGTERM", onSignal)
      if (signalled || Exit.isFailure(exit)) process.exitCode = ExitCode.interrupted
      if (signalled) return onExit(ExitCode.interrupted)
      // Let the event loop drain (so piped output is flushed) instead of
      // process.exit; a stray handle cannot keep the process alive for long.
      setTimeout(() => process.exit(), 1000).unref()
      onExit(0)
    }
  })
}
