/**
 * The two OpenAPI documents of the repository (docs/openapi.json,
 * docs/openapi-project.json), built from the endpoint registries: written by
 * `pnpm openapi` (scripts/openapi.ts), compared with the committed files by
 * the resources tests.
 */
import { OpenApi } from "@stytch-effect/core"
import { Api, ProjectApi } from "@stytch-effect/resources"

/** The Management API: every operation of `Api.endpoints`. */
export const managementDocument = OpenApi.make(Api.endpoints, {
  title: "Stytch Management API (as defined by stytch-effect)",
  version: "v3",
  description: "Programmatic Workspace Actions. Generated from the endpoint definitions of @stytch-effect/resources."
})

/** The project API (M2M clients, tokens): a document of its own, from the project-API registry. */
export const projectDocument = OpenApi.make(
  ProjectApi.endpoints,
  {
    title: "Stytch project API: M2M (as defined by stytch-effect)",
    version: "v1",
    description: "A project's own API (project id + secret). Generated from the project-API endpoint definitions of @stytch-effect/resources."
  },
  "https://test.stytch.com",
  OpenApi.projectSecurity
)
