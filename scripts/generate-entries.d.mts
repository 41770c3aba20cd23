// Types of scripts/generate-entries.mjs, for tsup.config.ts and the tests that import it.
export interface EntryPoint {
  /** The export's subpath: '.', './core', './commands/PutObject', … */
  readonly subpath: string
  /** The source file tsup builds, relative to the repository. */
  readonly source: string
  /** The built file's path in dist/, without extension. */
  readonly out: string
}
export declare const NODE_BUILD: string
export declare function entryPoints(root?: string): EntryPoint[]
export declare function binEntry(root?: string): { name: string; source: string; out: string } | undefined
export declare function commandNames(root?: string): string[]
// biome-ignore lint/suspicious/noExplicitAny: conditional export targets are nested objects, and './package.json' a string
export declare function expectedExports(root?: string): Record<string, any>
export declare function expectedTypesVersions(root?: string): Record<string, Record<string, string[]>>
export declare function expectedBin(root?: string): Record<string, string> | undefined
export declare function expectedIndex(root?: string): string
export declare function expectedPackageJson(root?: string): string
export declare function outOfSync(root?: string): [path: string, expected: string][]
