/**
 * An OpenAPI 3.1 document generated from endpoint definitions — the same
 * definitions the client and the fake use, so the three cannot drift.
 *
 * @since 0.1.0
 */
import * as JSONSchema from "effect/JSONSchema"
import * as SchemaAST from "effect/SchemaAST"
import type * as Endpoint from "./Endpoint.js"

/**
 * A JSON value.
 *
 * @since 0.1.0
 * @category models
 */
export type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [key: string]: Json }

const errorBody = {
  type: "object",
  required: ["status_code", "request_id", "error_type", "error_message"],
  properties: {
    status_code: { type: "number" },
    request_id: { type: "string" },
    error_type: { type: "string" },
    error_message: { type: "string" },
    error_url: { type: "string" }
  }
}

const managementSecurity = {
  workspaceKey: { type: "http", scheme: "basic", description: "Workspace key id and secret" },
  accessToken: { type: "http", scheme: "bearer" }
}

/**
 * The security scheme of a project's own API (for {@link make}'s
 * `securitySchemes`): the project id and a secret as HTTP Basic.
 *
 * @since 0.1.0
 * @category constants
 */
export const projectSecurity: { readonly [name: string]: Json } = {
  projectSecret: { type: "http", scheme: "basic", description: "Project id and project secret" }
}

/**
 * Builds the document. `securitySchemes` default to the Management API's;
 * anonymous endpoints (public ones) have no security requirement. Schemas are those of the wire (snake_case) side.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  endpoints: Iterable<Endpoint.Any>,
  info: { readonly title: string; readonly version: string; readonly description?: string },
  serverURL = "https://management.stytch.com",
  securitySchemes: { readonly [name: string]: Json } = managementSecurity
): { readonly [key: string]: Json } => {
  const definitions: Record<string, JSONSchema.JsonSchema7> = {}
  const toJson = (ast: SchemaAST.AST) =>
    JSONSchema.fromAST(SchemaAST.encodedAST(ast), {
      definitions,
      definitionPath: "#/components/schemas/",
      target: "openApi3.1",
      additionalPropertiesStrategy: "allow"
    }) as { type?: string; properties?: Record<string, unknown>; required?: Array<string> }
  const paths: Record<string, Record<string, unknown>> = {}
  for (const endpoint of endpoints) {
    const request = endpoint.request === undefined ? undefined : toJson(endpoint.request.ast)
    const required = new Set(request?.required ?? [])
    const property = (wire: string) => request?.properties?.[wire] ?? { type: "string" }
    const parameters = [
      ...endpoint.pathParams.map((p) => ({
        name: p.wire,
        in: "path",
        required: true,
        schema: { minLength: 1, ...property(p.wire) }
      })),
      ...endpoint.query.map((wire) => ({ name: wire, in: "query", required: required.has(wire), schema: property(wire) }))
    ]
    const operation: Record<string, unknown> = {
      operationId: `${endpoint.group}.${endpoint.name}`,
      tags: [endpoint.group],
      summary: endpoint.description,
      ...(endpoint.anonymous ? { security: [] } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      responses: {
        "200": { description: "Success", content: { "application/json": { schema: toJson(endpoint.response.ast) } } },
        default: { description: "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorBody" } } } }
      }
    }
    if (endpoint.hasBody) {
      const properties = Object.fromEntries(endpoint.bodyKeys.map((wire) => [wire, property(wire)]))
      const bodyRequired = endpoint.bodyKeys.filter((wire) => required.has(wire))
      operation.requestBody = {
        required: true,
        content: {
          "application/json": {
            schema: { type: "object", properties, ...(bodyRequired.length > 0 ? { required: bodyRequired } : {}) }
          }
        }
      }
    }
    ;(paths[endpoint.path] ??= {})[endpoint.method.toLowerCase()] = operation
  }
  return JSON.parse(JSON.stringify({
    openapi: "3.1.0",
    info,
    servers: [{ url: serverURL }],
    security: Object.keys(securitySchemes).map((name) => ({ [name]: [] })),
    paths,
    components: {
      schemas: { ...definitions, ErrorBody: errorBody },
      securitySchemes
    }
  }))
}
