import { expect, it } from 'vitest'
import { runFaultSuite } from '../support/fault-run.js'
import { server, uniqueBucket } from './env.js'

// The small seeded run of the fault suite (the full one: `npm run bench:faults`). Through a proxy
// that answers 503/500, resets connections before and after request bodies, loses responses,
// cuts and stalls GET bodies and puts <Error> in 200s, every operation must end well: the whole
// object or the whole upload, or a typed error, and never wrong or short bytes passed as whole.
it(
  'a seeded run of mixed operations through the fault proxy: no wrong or truncated bytes, every GET whole, ' +
    'every upload complete',
  async () => {
    const s = server()
    const report = await runFaultSuite({
      ...s,
      bucket: uniqueBucket('faults'),
      operations: 160,
      seed: 12,
      concurrency: 8,
    })
    // A copy, list, put or delete may still fail after all its attempts, but only as an S3Error.
    for (const failure of report.failures) expect(failure).toMatch(/^(put|copy|list|delete) .*: S3Error /)
    expect(report).toMatchObject({ wrongBytes: 0, truncatedAsWhole: 0, untypedErrors: 0, orphanedUploads: 0 })
    expect(report.getsWhole).toBe(report.gets)
    expect(report.uploadsComplete).toBe(report.uploads)
    // The faults really happened, including the ones only resuming can survive.
    expect(report.faults.cutBody).toBeGreaterThan(0)
    expect(report.faults.stall).toBeGreaterThan(0)
    expect(report.faults.resetBeforeBody + report.faults.resetAfterBody + report.faults.lostResponse).toBeGreaterThan(0)
    expect(report.faults.error200).toBeGreaterThan(0)
    expect(report.operations).toBe(160)
  },
)
