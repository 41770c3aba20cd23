import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

/** The repository root, where dist/ (the built package the runtimes load) lives. */
export const root = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Bundles `source` (which imports `s3kit`, resolved to the built ESM package in dist/, and the
 * scenario) the way a user's bundler would for a browser or a Worker: one ESM file, no Node
 * built-ins available (any `node:` import would fail the build).
 */
export async function bundle(source: string, conditions: readonly string[]): Promise<string> {
  if (!existsSync(`${root}dist/index.js`))
    throw new Error('dist/ is not built: run `npx tsup` first (scripts/test.sh does)')
  const result = await build({
    stdin: { contents: source, resolveDir: root, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: [...conditions],
    alias: { s3kit: './dist/index.js' },
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  })
  // A user's bundler would print any warning (e.g. esbuild's ignored-bare-import for a chunk
  // imported only for side effects): the package must build clean.
  if (result.warnings.length > 0) {
    throw new Error(`bundling s3kit warned: ${result.warnings.map((warning) => warning.text).join('; ')}`)
  }
  return result.outputFiles[0]!.text
}

/** The glue each runtime wraps around the scenario: the functions it exposes, by name. */
export const scenarioImports = `
import * as s3kit from 's3kit'
import { runScenario, runHiddenETagScenario, runNoCorsScenario } from './test/runtimes/scenario.ts'
const scenarios = {
  run: (config) => runScenario(s3kit, config),
  hiddenETag: (config) => runHiddenETagScenario(s3kit, config),
  noCors: (config) => runNoCorsScenario(s3kit, config),
}
`
