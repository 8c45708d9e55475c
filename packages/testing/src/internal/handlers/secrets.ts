import { Secrets } from "@stytch-effect/resources"
import * as Redacted from "effect/Redacted"
import { notFound } from "../errors.js"
import { type EnvironmentState, randomToken, slot } from "../state.js"
import { environmentOf, type Handlers } from "./common.js"

/** A stored secret: the value is kept only to derive `last_four`. */
interface StoredSecret {
  readonly secretID: string
  readonly value: string
  readonly createdAt: string
}

const secretsOf = slot((_: EnvironmentState) => new Map<string, StoredSecret>())

const secretOf = (environment: EnvironmentState, secretID: string): StoredSecret => {
  const secret = secretsOf(environment).get(secretID)
  if (secret === undefined) throw notFound("secret", secretID)
  return secret
}

const masked = (secret: StoredSecret) =>
  new Secrets.MaskedSecret({
    secretID: secret.secretID,
    lastFour: secret.value.slice(-4),
    createdAt: secret.createdAt
  })

/** @internal */
export const secrets: Handlers<typeof Secrets> = {
  create: (request, { now, workspace }) => {
    const state = environmentOf(workspace, request)
    const kind = state.environment.type === "LIVE" ? "live" : "test"
    const stored: StoredSecret = {
      secretID: `secret-${kind}-${crypto.randomUUID()}`,
      value: `secret-${kind}-${randomToken(24)}`,
      createdAt: now
    }
    secretsOf(state).set(stored.secretID, stored)
    return { secret: new Secrets.Secret({ secretID: stored.secretID, secret: Redacted.make(stored.value), createdAt: now }) }
  },
  get: (request, { workspace }) => ({ secret: masked(secretOf(environmentOf(workspace, request), request.secretID)) }),
  getAll: (request, { workspace }) => ({ secrets: Array.from(secretsOf(environmentOf(workspace, request)).values(), masked) }),
  delete: (request, { workspace }) => {
    const state = environmentOf(workspace, request)
    secretOf(state, request.secretID)
    secretsOf(state).delete(request.secretID)
    return {}
  }
}


/** Whether a value is a secret of the environment (the project API's Basic auth password). @internal */
export const isSecretOf = (environment: EnvironmentState, value: string): boolean => {
  for (const secret of secretsOf(environment).values()) if (secret.value === value) return true
  return false
}
