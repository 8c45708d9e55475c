/**
 * Bundle (b): one SDK operation (`Secrets.get`) over `StytchManagement.layer`,
 * importing each module by its path, as the floor (a) imports Effect's: the
 * smallest way to write it (a bundler keeps every export of a namespace
 * imported from a barrel, see (b′)).
 */
import * as Credentials from "@stytch-effect/core/Credentials"
import * as StytchManagement from "@stytch-effect/core/StytchManagement"
import * as Secrets from "@stytch-effect/resources/Secrets"
import * as Effect from "effect/Effect"

Secrets.get({ projectSlug: "p", environmentSlug: "e", secretID: "s" }).pipe(
  Effect.provide(StytchManagement.layer({ credentials: Credentials.workspaceKey("key", "secret") })),
  Effect.runPromise
).then(console.log, console.error)
