import { PublicTokens } from "@stytch-effect/resources"
import { badRequest, notFound } from "../errors.js"
import { type EnvironmentState, slot } from "../state.js"
import { environmentOf, type Handlers } from "./common.js"

const newToken = (environment: EnvironmentState, createdAt: string): PublicTokens.PublicToken => {
  const kind = environment.environment.type === "LIVE" ? "live" : "test"
  return new PublicTokens.PublicToken({ publicToken: `public-token-${kind}-${crypto.randomUUID()}`, createdAt })
}

/**
 * An environment's public tokens, in creation order. A new environment starts
 * with one, created with the environment.
 */
const tokensOf = slot((environment: EnvironmentState) => {
  const initial = newToken(environment, environment.environment.createdAt ?? new Date(0).toISOString())
  return new Map([[initial.publicToken, initial]])
})

const tokenOf = (environment: EnvironmentState, publicToken: string): PublicTokens.PublicToken => {
  const token = tokensOf(environment).get(publicToken)
  if (token === undefined) throw notFound("public token", publicToken)
  return token
}

/** @internal */
export const publicTokens: Handlers<typeof PublicTokens> = {
  create: (request, { now, workspace }) => {
    const state = environmentOf(workspace, request)
    const token = newToken(state, now)
    tokensOf(state).set(token.publicToken, token)
    return { publicToken: token }
  },
  get: (request, { workspace }) => ({ publicToken: tokenOf(environmentOf(workspace, request), request.publicToken) }),
  getAll: (request, { workspace }) => ({ publicTokens: Array.from(tokensOf(environmentOf(workspace, request)).values()) }),
  delete: (request, { workspace }) => {
    const state = environmentOf(workspace, request)
    tokenOf(state, request.publicToken)
    const tokens = tokensOf(state)
    if (tokens.size <= 1) {
      throw badRequest(
        "cannot_delete_last_public_token",
        "The last public token of an environment cannot be deleted; create another one first."
      )
    }
    tokens.delete(request.publicToken)
    return {}
  }
}
