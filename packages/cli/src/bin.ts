#!/usr/bin/env node
/**
 * The `stytch-effect` executable (the package's only entry: it has no library
 * API). `stytch-effect --help` lists the commands: `login`, `logout`,
 * `whoami`, `projects list`, `environments list`, `export`, `plan`, `apply`,
 * `promote` and `fake`; the package's README describes them, their options
 * and exit codes.
 *
 * @since 0.1.0
 */
import { main } from "./internal/main.js"

main(process.argv)
