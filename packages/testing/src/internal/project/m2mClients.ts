import { M2MClients } from "@stytch-effect/resources"
import * as Redacted from "effect/Redacted"
import { badRequest, conflict, notFound } from "../errors.js"
import { type EnvironmentState, merge, randomToken, slot } from "../state.js"
import { FakeErrorWithDetails, type ProjectHandlers } from "./common.js"

/** A stored M2M client (the fake keeps secrets in clear to compare them). @internal */
export interface StoredClient {
  readonly clientID: string
  clientName: string
  clientDescription: string
  status: M2MClients.Status
  scopes: ReadonlyArray<string>
  trustedMetadata: Readonly<Record<string, unknown>> | undefined
  secret: string
  nextSecret: string | undefined
}

/** The M2M clients of a project (an environment), in creation order. @internal */
export const clientsOf = slot((_: EnvironmentState) => new Map<string, StoredClient>())

const clientOf = (environment: EnvironmentState, clientID: string): StoredClient => {
  const client = clientsOf(environment).get(clientID)
  if (client === undefined) throw notFound("m2m client", clientID)
  return client
}

const view = (c: StoredClient) =>
  new M2MClients.M2MClient({
    clientID: c.clientID,
    clientName: c.clientName,
    clientDescription: c.clientDescription,
    status: c.status,
    scopes: c.scopes,
    clientSecretLastFour: c.secret.slice(-4),
    ...(c.nextSecret === undefined ? {} : { nextClientSecretLastFour: c.nextSecret.slice(-4) }),
    ...(c.trustedMetadata === undefined ? {} : { trustedMetadata: c.trustedMetadata })
  })

/** A secret supplied at creation: at least 8 characters and not trivially guessable (≥ 5 distinct characters). */
const checkSecret = (secret: string) => {
  if (secret.length < 8 || new Set(secret).size < 5) {
    throw new FakeErrorWithDetails(
      400,
      "invalid_client_secret",
      "client_secret must be at least 8 characters long and pass entropy requirements.",
      { field: "client_secret", min_length: 8 }
    )
  }
}

const kindOf = (environment: EnvironmentState) => (environment.environment.type === "LIVE" ? "live" : "test")
const newSecret = () => randomToken(24)

const DEFAULT_LIMIT = 100
const cursorOf = (offset: number) => `cursor-${offset}`
const offsetOf = (cursor: string): number => {
  const m = /^cursor-(\d+)$/.exec(cursor)
  if (m === null) throw badRequest("invalid_cursor", "The cursor is not valid.")
  return Number(m[1])
}

const matches = (client: StoredClient, operand: M2MClients.SearchOperand): boolean => {
  switch (operand.filterName) {
    case "client_id":
      return operand.filterValue.includes(client.clientID)
    case "client_name":
      return operand.filterValue.includes(client.clientName)
    case "scopes":
      return operand.filterValue.some((scope) => client.scopes.includes(scope))
  }
}

/** @internal */
export const m2mClients: ProjectHandlers<typeof M2MClients> = {
  create: (request, { environment }) => {
    const clients = clientsOf(environment)
    const clientID = request.clientID ?? `m2m-client-${kindOf(environment)}-${crypto.randomUUID()}`
    if (clients.has(clientID)) throw conflict("duplicate_client_id", `An M2M client with this client_id already exists: ${clientID}`)
    let secret = newSecret()
    if (request.clientSecret !== undefined) {
      secret = Redacted.isRedacted(request.clientSecret) ? Redacted.value(request.clientSecret) : request.clientSecret
      checkSecret(secret)
    }
    const stored: StoredClient = {
      clientID,
      clientName: request.clientName ?? "",
      clientDescription: request.clientDescription ?? "",
      status: "active",
      scopes: request.scopes,
      trustedMetadata: request.trustedMetadata,
      secret,
      nextSecret: undefined
    }
    clients.set(clientID, stored)
    return { m2mClient: new M2MClients.M2MClientWithClientSecret({ ...view(stored), clientSecret: Redacted.make(secret) }) }
  },
  get: (request, { environment }) => ({ m2mClient: view(clientOf(environment, request.clientID)) }),
  search: (request, { environment }) => {
    const all = Array.from(clientsOf(environment).values())
    const operands = request.query?.operands ?? []
    const found = operands.length === 0
      ? all
      : all.filter((c) =>
        request.query?.operator === "OR" ? operands.some((o) => matches(c, o)) : operands.every((o) => matches(c, o))
      )
    const offset = request.cursor === undefined || request.cursor === "" ? 0 : offsetOf(request.cursor)
    const limit = Math.min(request.limit ?? DEFAULT_LIMIT, 1000)
    const page = found.slice(offset, offset + limit)
    const next = offset + limit < found.length ? cursorOf(offset + limit) : undefined
    return {
      m2mClients: page.map(view),
      resultsMetadata: { total: found.length, ...(next === undefined ? {} : { nextCursor: next }) }
    }
  },
  update: (request, { environment }) => {
    const client = clientOf(environment, request.clientID)
    const { clientID: _, ...changes } = request
    Object.assign(client, merge(client, changes))
    return { m2mClient: view(client) }
  },
  delete: (request, { environment }) => {
    clientOf(environment, request.clientID)
    clientsOf(environment).delete(request.clientID)
    return { clientID: request.clientID }
  },
  rotateStart: (request, { environment }) => {
    const client = clientOf(environment, request.clientID)
    // Starting again while a rotation is in progress issues a new next secret (the previous one is lost).
    client.nextSecret = newSecret()
    return {
      m2mClient: new M2MClients.M2MClientWithNextClientSecret({
        ...view(client),
        nextClientSecret: Redacted.make(client.nextSecret)
      })
    }
  },
  rotate: (request, { environment }) => {
    const client = clientOf(environment, request.clientID)
    if (client.nextSecret === undefined) {
      throw badRequest("no_secret_rotation_in_progress", "No secret rotation is in progress for this M2M client.")
    }
    client.secret = client.nextSecret
    client.nextSecret = undefined
    return { m2mClient: view(client) }
  },
  rotateCancel: (request, { environment }) => {
    const client = clientOf(environment, request.clientID)
    if (client.nextSecret === undefined) {
      throw badRequest("no_secret_rotation_in_progress", "No secret rotation is in progress for this M2M client.")
    }
    client.nextSecret = undefined
    return { m2mClient: view(client) }
  }
}
