#!/usr/bin/env node
/**
 * The `stytch-effect` executable.
 *
 * @since 0.1.0
 */
import { main } from "./internal/main.js"

main(process.argv)
