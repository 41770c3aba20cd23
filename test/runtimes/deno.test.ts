import { expect, test } from 'vitest'
import { expectScenario, withScenarioBucket } from './harness.js'
import type { ScenarioReport } from './scenario.js'
import { runScript } from './spawn.js'

// Deno from npm, with only the permissions the scenario needs: the S3 server and the repository
// (to read dist/ and node_modules/). No --allow-env, so s3kit must cope without the environment.
test('Deno puts, gets, uploads in parts, lists and sees NoSuchKey against the real server', async () => {
  await withScenarioBucket('deno', undefined, async (config) => {
    const host = new URL(config.endpoint).host
    const { runtime, report } = await runScript('deno', [
      'run',
      '--no-prompt',
      `--allow-net=${host},${new URL(config.faultEndpoint!).host}`,
      '--allow-read=.',
      'test/runtimes/deno.ts',
      JSON.stringify(config),
    ])
    expect(runtime).toMatch(/^deno \d+\.\d+\.\d+/)
    await expectScenario(report as ScenarioReport, config)
  })
})
