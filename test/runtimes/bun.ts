// Run by test/runtimes/bun.test.ts: `bun bun.ts '<config json>'`. Prints the report as JSON.
import type * as S3kit from '../../src/index.js'
import type * as Scenario from './scenario.js'

declare const Bun: { readonly argv: readonly string[]; readonly version: string }

// Computed specifiers: the built package is loaded as Bun resolves it (the repository's type
// checker does not look, since dist/ may not be built yet).
const s3kit = (await import(new URL('../../dist/index.js', import.meta.url).href)) as typeof S3kit
const { runScenario } = (await import(new URL('./scenario.ts', import.meta.url).href)) as typeof Scenario

const report = await runScenario(s3kit, JSON.parse(Bun.argv[2] ?? '{}') as Scenario.ScenarioConfig)
console.log(JSON.stringify({ runtime: `bun ${Bun.version}`, report }))
