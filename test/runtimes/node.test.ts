import { expect, test } from 'vitest'
import { withScenarioBucket } from './harness.js'
import { runScript } from './spawn.js'

// Node loads the built package by its own name (package.json's exports map, self-referenced from
// inside the package), per command, in both module systems.
test('Node ESM: per-command subpath imports put, get and delete against the real server', async () => {
  await withScenarioBucket('node-esm', undefined, async (config) => {
    const result = await runScript('node', ['test/runtimes/node-esm.mjs', JSON.stringify(config)])
    expect(result).toEqual({
      format: 'esm',
      sameFunction: true,
      ETag: expect.stringMatching(/^"[0-9a-f]{32}"$/),
      text: 'from ESM',
      missing: { isS3Error: true, code: 'NoSuchKey' },
    })
  })
})

test('Node CommonJS: per-command subpath requires work and load no dependency on their own', async () => {
  await withScenarioBucket('node-cjs', undefined, async (config) => {
    const result = await runScript('node', ['test/runtimes/node-cjs.cjs', JSON.stringify(config)])
    expect(result).toEqual({
      format: 'cjs',
      sameFunction: true,
      dependenciesLoadedByCommands: [],
      ETag: expect.stringMatching(/^"[0-9a-f]{32}"$/),
      text: 'from CommonJS',
      missing: { isS3Error: true, code: 'NoSuchKey' },
    })
  })
})
