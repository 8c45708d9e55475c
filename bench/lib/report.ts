/** What a benchmark section hands back to the runner: a table, notes and target checks. */

export interface Check {
  readonly name: string
  /** The measured figure, as printed. */
  readonly measured: string
  readonly target: string
  /** `undefined` when the figure could not be measured in this run. */
  readonly met: boolean | undefined
}

export interface Report {
  readonly title: string
  /** First row is the header. */
  readonly table: ReadonlyArray<ReadonlyArray<string>>
  readonly notes: ReadonlyArray<string>
  readonly checks: ReadonlyArray<Check>
}
