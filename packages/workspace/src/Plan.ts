/**
 * A plan: the ordered actions that turn the live configuration into a
 * document's, with field-level before → after. Plans never hold a secret
 * value (documents hold none), so they can be printed, logged and stored.
 *
 * @since 0.1.0
 */

/**
 * A resource family: one kind of configuration a document manages.
 *
 * @since 0.1.0
 * @category models
 */
export type Family =
  | "project"
  | "environment"
  | "redirectURLs"
  | "publicTokens"
  | "countryCodeAllowlist"
  | "passwordStrengthConfig"
  | "sdkConfig"
  | "jwtTemplates"
  | "trustedTokenProfiles"
  | "eventLogStreaming"
  | "rbacPolicy"
  | "emailTemplates"
  | "defaultEmailTemplates"
  | "secrets"

/**
 * Every {@link Family}, in apply order.
 *
 * @since 0.1.0
 * @category models
 */
export const families: ReadonlyArray<Family> = [
  "project",
  "environment",
  "redirectURLs",
  "publicTokens",
  "secrets",
  "countryCodeAllowlist",
  "passwordStrengthConfig",
  "sdkConfig",
  "jwtTemplates",
  "trustedTokenProfiles",
  "eventLogStreaming",
  "rbacPolicy",
  "emailTemplates",
  "defaultEmailTemplates"
]

/**
 * What an action does: `create` a resource, `update` one in place, `delete`
 * one (only planned with `prune`), or `set` a singleton (SDK config, password
 * policy, allowlist, JWT template, RBAC policy, a default template).
 *
 * @since 0.1.0
 * @category models
 */
export type Op = "create" | "update" | "delete" | "set"

/**
 * One field's change: its dotted path inside the resource (`""` for the
 * whole value), and the values before and after (absent = not set).
 *
 * @since 0.1.0
 * @category models
 */
export interface Change {
  readonly path: string
  readonly before?: unknown
  readonly after?: unknown
}

/**
 * One step of a plan. `key` is the resource's natural key inside its scope
 * (the URL, template id, profile name, destination type, …; `""` for an
 * environment's singletons). `desired` is the resource as it will be sent
 * (document form, secret inputs still references), `current` as it is now.
 *
 * @since 0.1.0
 * @category models
 */
export interface Action {
  readonly op: Op
  readonly family: Family
  readonly project: string
  readonly environment?: string | undefined
  readonly key: string
  readonly changes: ReadonlyArray<Change>
  readonly desired?: unknown
  readonly current?: unknown
}

/**
 * An ordered list of actions (dependency order: project, environments, their
 * resources, templates before defaults; deletes last, in reverse).
 *
 * @since 0.1.0
 * @category models
 */
export interface Plan {
  readonly actions: ReadonlyArray<Action>
}

/**
 * The empty plan.
 *
 * @since 0.1.0
 * @category constructors
 */
export const empty: Plan = { actions: [] }

/**
 * Whether a plan has nothing to do (no drift).
 *
 * @since 0.1.0
 * @category predicates
 */
export const isEmpty = (plan: Plan): boolean => plan.actions.length === 0

/**
 * A plan's JSON form (what `--json` prints): the actions without the whole
 * `desired`/`current` values, so it shows exactly the field changes.
 *
 * @since 0.1.0
 * @category formatting
 */
export const toJSON = (plan: Plan): unknown => ({
  actions: plan.actions.map((action) => ({
    op: action.op,
    family: action.family,
    project: action.project,
    ...(action.environment === undefined ? {} : { environment: action.environment }),
    key: action.key,
    changes: action.changes.map((change) => ({ ...change }))
  })),
  summary: summary(plan)
})

/**
 * How many actions of each kind a plan has.
 *
 * @since 0.1.0
 * @category formatting
 */
export const summary = (plan: Plan): Record<Op, number> => {
  const counts: Record<Op, number> = { create: 0, update: 0, delete: 0, set: 0 }
  for (const action of plan.actions) counts[action.op]++
  return counts
}

const symbols: Record<Op, string> = { create: "+", update: "~", delete: "-", set: "~" }
const colours: Record<Op, string> = { create: "\u001b[32m", update: "\u001b[33m", delete: "\u001b[31m", set: "\u001b[33m" }
const reset = "\u001b[0m"

const show = (value: unknown): string => value === undefined ? "(unset)" : JSON.stringify(value)

/**
 * Where an action applies, as a heading: `project my-app` or
 * `project my-app / environment production`.
 *
 * @since 0.1.0
 * @category formatting
 */
export const scopeOf = (action: Action): string =>
  action.environment === undefined
    ? `project ${action.project}`
    : `project ${action.project} / environment ${action.environment}`

/**
 * A one-line label of an action (`+ redirectURLs "https://…"`).
 *
 * @since 0.1.0
 * @category formatting
 */
export const label = (action: Action): string =>
  `${symbols[action.op]} ${action.family}${action.key === "" ? "" : ` ${JSON.stringify(action.key)}`}`

/**
 * A human rendering, like `terraform plan`: actions grouped per project and
 * environment, `+` create, `~` update or set, `-` delete, each with its field
 * changes, and a summary line. `color` adds ANSI colours (the caller decides:
 * a TTY without `NO_COLOR`).
 *
 * @since 0.1.0
 * @category formatting
 */
export const render = (plan: Plan, options: { readonly color: boolean }): string => {
  if (isEmpty(plan)) return "No changes. The live configuration matches the document.\n"
  const paint = (op: Op, text: string) => options.color ? `${colours[op]}${text}${reset}` : text
  const lines: Array<string> = []
  let scope: string | undefined
  for (const action of plan.actions) {
    const heading = scopeOf(action)
    if (heading !== scope) {
      if (scope !== undefined) lines.push("")
      lines.push(options.color ? `\u001b[1m${heading}\u001b[0m` : heading)
      scope = heading
    }
    lines.push(paint(action.op, `  ${label(action)}`))
    for (const change of action.changes) {
      const path = change.path === "" ? "" : `${change.path}: `
      const text = action.op === "create"
        ? `${path}${show(change.after)}`
        : action.op === "delete"
        ? `${path}${show(change.before)}`
        : `${path}${show(change.before)} -> ${show(change.after)}`
      lines.push(paint(action.op, `      ${text}`))
    }
  }
  const counts = summary(plan)
  lines.push(
    "",
    `Plan: ${counts.create} to create, ${counts.update + counts.set} to change, ${counts.delete} to delete.`
  )
  return `${lines.join("\n")}\n`
}
