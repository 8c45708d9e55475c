/**
 * Workspace as code for the Stytch Management API: a Schema-defined document
 * of projects' whole configuration, export, plan, apply, promote and drift.
 *
 * @since 0.1.0
 */
/**
 * The workspace document: its schema, parsing (JSON, YAML) and formatting.
 *
 * @since 0.1.0
 */
export * as Document from "./Document.js"
/**
 * Plans: actions with field-level changes, and their renderings.
 *
 * @since 0.1.0
 */
export * as Plan from "./Plan.js"
/**
 * Export, plan, apply, promote and drift (the Effect API).
 *
 * @since 0.1.0
 */
export * as Workspace from "./Workspace.js"
/**
 * The promise API: `new WorkspaceClient({ … })`.
 *
 * @since 0.1.0
 */
export * from "./WorkspaceClient.js"
