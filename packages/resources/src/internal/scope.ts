import * as Wire from "@stytch-effect/core/Wire"

/** @internal The path of a project. */
export const P = "/pwa/v3/projects/{project_slug}" as const

/** @internal The path of an environment. */
export const PE = `${P}/environments/{environment_slug}` as const

/** @internal Request fields addressing a project. */
export const projectScope = {
  projectSlug: Wire.field("project_slug", Wire.PathParam)
}

/** @internal Request fields addressing an environment. */
export const environmentScope = {
  ...projectScope,
  environmentSlug: Wire.field("environment_slug", Wire.PathParam)
}
