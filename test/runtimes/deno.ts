// Run by test/runtimes/deno.test.ts: `deno run --allow-net=… --allow-read=… deno.ts '<config json>'`.
// No --allow-env: s3kit must work when the environment cannot be read. Prints the report as JSON.
import type * as S3kit from '../../src/index.js'
import type * as Scenario from './scenario.js'

declare const Deno: { readonly args: readonly string[]; readonly version: { readonly deno: string } }

// Computed specifiers: the built package and the scenario are loaded as Deno sees them (the
// type checker of the repository does not, since dist/ may not be built yet).
const s3kit = (await import(new URL('../../dist/index.js', import.meta.url).href)) as typeof S3kit
const { runScenario } = (await import(new URL('./scenario.ts', import.meta.url).href)) as typeof Scenario

const report = await runScenario(s3kit, JSON.parse(Deno.args[0] ?? '{}') as Scenario.ScenarioConfig)
console.log(JSON.stringify({ runtime: `deno ${Deno.version.deno}`, report }))
