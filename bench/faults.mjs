// `npm run bench:faults`: the full fault suite. At least 1,000 mixed operations (puts, gets,
// ranged gets, multipart uploads, downloads, lists, copies, deletes) go through a loopback proxy
// that breaks requests (test/support/fault-proxy.ts) on their way to the real server; the figures
// must all be zero, every GET whole and every upload complete. The runner is TypeScript shared
// with the integration test, so it is bundled with esbuild first.
//
//   node bench/faults.mjs [--operations 1000] [--seed 1] [--concurrency 16]
// Needs the server's coordinates as the tests get them: S3_ENDPOINT, S3_ACCESS_KEY_ID,
// S3_SECRET_ACCESS_KEY (S3_REGION optional), e.g. `set -a; . /tmp/s3env.txt; set +a`.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { build } from 'esbuild'

const { values } = parseArgs({
  options: {
    operations: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '16' },
  },
})
const need = (name) => {
  if (process.env[name]) return process.env[name]
  console.error(`bench:faults needs ${name} (see the header of bench/faults.mjs)`)
  process.exit(2)
}
const root = fileURLToPath(new URL('..', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 's3kit-faults-'))
try {
  await build({
    entryPoints: [join(root, 'test/support/fault-run.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: join(dir, 'run.mjs'),
    logLevel: 'error',
  })
  const { runFaultSuite, DEFAULT_RATES, SUITE_CLIENT } = await import(pathToFileURL(join(dir, 'run.mjs')).href)
  const operations = Number(values.operations)
  const seed = Number(values.seed)
  const concurrency = Number(values.concurrency)
  console.log(
    `fault suite: ${operations} operations, seed ${seed}, ` +
      `${concurrency} workers; fault rates per request ${JSON.stringify(DEFAULT_RATES)}; client ` +
      `${JSON.stringify(SUITE_CLIENT)}`,
  )
  const report = await runFaultSuite({
    endpoint: need('S3_ENDPOINT'),
    region: process.env.S3_REGION ?? 'us-east-1',
    accessKeyId: need('S3_ACCESS_KEY_ID'),
    secretAccessKey: need('S3_SECRET_ACCESS_KEY'),
    bucket: `s3kit-faults-bench-${Date.now().toString(36)}`,
    operations,
    seed,
    concurrency,
    log: (line) => process.stderr.write(`${line}\n`),
  })
  const row = (name, value) => console.log(`${name.padEnd(34)} ${value}`)
  row('operations', `${report.operations} in ${report.seconds.toFixed(1)} s  ${JSON.stringify(report.byKind)}`)
  row('requests through the proxy', report.faults.requests)
  row(
    'faults injected',
    Object.entries(report.faults)
      .filter(([k]) => k !== 'requests')
      .map(([k, v]) => `${k} ${v}`)
      .join(', '),
  )
  row('wrong bytes', report.wrongBytes)
  row('truncated bodies returned as whole', report.truncatedAsWhole)
  row('untyped errors', report.untypedErrors)
  row('operations failed (typed)', report.typedFailures)
  row('orphaned multipart uploads', report.orphanedUploads)
  row('GETs whole', `${report.getsWhole} of ${report.gets}`)
  row('uploads complete', `${report.uploadsComplete} of ${report.uploads}`)
  for (const failure of report.failures.slice(0, 20)) console.log(`  ${failure}`)
  // The bar: never wrong or short bytes, never an untyped error, nothing left behind, every
  // GET whole and every upload complete. Another operation may fail after all its attempts, but
  // only with an S3Error (counted above).
  const ok =
    report.wrongBytes + report.truncatedAsWhole + report.untypedErrors + report.orphanedUploads === 0 &&
    report.getsWhole === report.gets &&
    report.uploadsComplete === report.uploads
  console.log(ok ? 'PASS' : 'FAIL')
  process.exitCode = ok ? 0 : 1
} finally {
  rmSync(dir, { recursive: true, force: true })
}
