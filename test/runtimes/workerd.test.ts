import { Miniflare } from 'miniflare'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { bundle, scenarioImports } from './bundle.js'
import { expectScenario, withScenarioBucket } from './harness.js'
import type { ScenarioReport } from './scenario.js'

// A module Worker, bundled as wrangler would (workerd/worker/browser conditions), run by workerd
// through miniflare with no compatibility flags: no nodejs_compat, so no `process`, no Node
// built-ins, and no DOMParser. It answers a POSTed scenario config with the scenario's report.
const worker = `${scenarioImports}
export default {
  async fetch(request) {
    try {
      return Response.json(await scenarios.run(await request.json()))
    } catch (error) {
      return new Response(String(error?.stack ?? error), { status: 500 })
    }
  },
}`

let mf: Miniflare

beforeAll(async () => {
  mf = new Miniflare({
    modules: true,
    script: await bundle(worker, ['workerd', 'worker', 'browser']),
    compatibilityDate: '2025-12-01',
  })
  await mf.ready
})

afterAll(async () => {
  await mf?.dispose()
})

test('a workerd Worker puts, gets, uploads in parts, lists and sees NoSuchKey against the real server', async () => {
  await withScenarioBucket('workerd', undefined, async (config) => {
    const response = await mf.dispatchFetch('http://worker.test/', { method: 'POST', body: JSON.stringify(config) })
    const text = await response.text()
    expect(response.status, text).toBe(200)
    const report = JSON.parse(text) as ScenarioReport
    expect(report.globals).toEqual({ process: false, DOMParser: false, require: false })
    await expectScenario(report, config)
  })
})
