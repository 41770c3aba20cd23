import { expect, test } from 'vitest'
import { expectScenario, withScenarioBucket } from './harness.js'
import type { ScenarioReport } from './scenario.js'
import { runScript } from './spawn.js'

// Bun from npm, loading the built ESM package.
test('Bun puts, gets, uploads in parts, lists and sees NoSuchKey against the real server', async () => {
  await withScenarioBucket('bun', undefined, async (config) => {
    const { runtime, report } = await runScript('bun', ['test/runtimes/bun.ts', JSON.stringify(config)])
    expect(runtime).toMatch(/^bun \d+\.\d+\.\d+/)
    await expectScenario(report as ScenarioReport, config)
  })
})
