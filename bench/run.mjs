// `npm run bench`: the side-by-side suite against the peers, in one run on one machine. It builds the
// package, then measures, each part in its own fresh Node process:
//   size        bundle per entry: s3kit (root and subpath imports) vs @aws-sdk/client-s3, s3mini,
//               aws4fetch                                      scripts/size.mjs (also writes docs/bundle-size.md)
//   cpu         CPU per request over a stub transport            bench/request-overhead.mjs
//   cold        import time and a fresh process's first PUT+GET  bench/cold-start.mjs
//   throughput  PUT/GET of small objects, multipart, download and
//               peak memory against the real S3 server           bench/throughput.mjs
// and writes bench/results.json (every figure, the versions and the machine), docs/performance.md
// (tables, goals, and what remains) and its charts, docs/performance-*.svg, drawn by Vega.
//
//   npm run bench                      everything (about 15 minutes on 2 cores)
//   npm run bench -- --only cpu,cold   some parts; the others are taken from bench/results.json
//   BENCH_QUICK=1 npm run bench        smaller transfers and fewer rounds, to try it out
//
// The S3 server: S3_ENDPOINT (default http://127.0.0.1:7480) with S3_ACCESS_KEY_ID and
// S3_SECRET_ACCESS_KEY (default: the test user of scripts/s3-server.sh). Loopback only.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { cpus, platform, release, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import { barChart, render } from './charts.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const resultsFile = `${root}bench/results.json`
const only = process.argv.includes('--only')
  ? process.argv[process.argv.indexOf('--only') + 1].split(',')
  : ['size', 'cpu', 'cold', 'throughput']
const previous = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : {}

function step(name, args, options = {}) {
  console.error(`── ${name}`)
  const started = performance.now()
  const out = execFileSync(process.execPath, ['--no-warnings', ...args], {
    cwd: copy,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 << 20,
    ...options,
  })
  console.error(`   ${((performance.now() - started) / 1000).toFixed(0)} s`)
  return out
}

/** How a memory result is named: the s3kit function that moved the bytes, or the peer. */
const transferName = (m) =>
  m.library === 's3kit'
    ? m.direction === 'upload'
      ? 's3kit upload()'
      : 's3kit GetObject'
    : m.library === 's3kit download'
      ? 's3kit download()'
      : m.library
const version = (name) => JSON.parse(readFileSync(`${root}node_modules/${name}/package.json`, 'utf8')).version
const results = {
  date: new Date().toISOString(),
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
  },
  versions: {
    s3kit: JSON.parse(readFileSync(`${root}package.json`, 'utf8')).version,
    aws4fetch: version('aws4fetch'),
    s3mini: version('s3mini'),
    '@aws-sdk/client-s3': version('@aws-sdk/client-s3'),
    '@aws-sdk/lib-storage': version('@aws-sdk/lib-storage'),
    esbuild: version('esbuild'),
    vega: version('vega'),
  },
  server: process.env.S3_ENDPOINT ?? 'http://127.0.0.1:7480',
  size: previous.size,
  cpu: previous.cpu,
  cold: previous.cold,
  throughput: previous.throughput,
}

console.error('── build (tsup)')
execFileSync('npx', ['tsup', '--silent'], { cwd: root, stdio: 'inherit' })
// Everything is measured on a copy of the built package (its package.json, dist/ and these
// scripts, with the repository's node_modules), so that a rebuild of dist/ during the run, by a
// test or an editor, cannot change what is measured halfway.
const copy = `${root}test-results/bench-package`
rmSync(copy, { recursive: true, force: true })
mkdirSync(copy, { recursive: true })
for (const path of ['package.json', 'dist', 'bench']) cpSync(`${root}${path}`, `${copy}/${path}`, { recursive: true })
symlinkSync(`${root}node_modules`, `${copy}/node_modules`)

if (only.includes('size')) {
  const { entries, measureAll, markdown, problems, versions } = await import('../scripts/size.mjs')
  console.error('── size (scripts/size.mjs)')
  const rows = await measureAll(entries(), copy)
  writeFileSync(`${root}docs/bundle-size.md`, markdown(rows, versions()))
  results.size = { rows, problems: problems(rows) }
}
if (only.includes('cpu'))
  results.cpu = JSON.parse(step('cpu (bench/request-overhead.mjs)', ['bench/request-overhead.mjs', '--json']))
if (only.includes('cold'))
  results.cold = JSON.parse(step('cold start (bench/cold-start.mjs)', ['bench/cold-start.mjs', '--json']))
if (only.includes('throughput'))
  results.throughput = JSON.parse(
    step('throughput and memory (bench/throughput.mjs)', ['bench/throughput.mjs', '--json']),
  )

writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`)
const charts = await drawCharts(results)
for (const [file, svg] of Object.entries(charts)) writeFileSync(`${root}docs/${file}`, svg)
writeFileSync(`${root}docs/performance.md`, page(results, Object.keys(charts)))
console.error(`wrote bench/results.json, docs/performance.md and ${Object.keys(charts).length} charts`)

// ── the page ────────────────────────────────────────────────────────────────────────────────────

function goals(r) {
  const list = []
  const add = (goal, measured, holds) => list.push({ goal, measured, holds })
  const x = (n) => `${n.toFixed(2)}×`
  const cold = r.cold && Object.fromEntries(r.cold.results.map((c) => [c.name, c]))
  if (cold) {
    add('import `s3kit` ≤ 4× aws4fetch', x(cold['s3kit (root)'].ratio.import), cold['s3kit (root)'].ratio.import <= 4)
    add(
      'import `s3kit/core` + PutObject + GetObject ≤ 2× aws4fetch',
      x(cold['s3kit/core + PutObject + GetObject'].ratio.import),
      cold['s3kit/core + PutObject + GetObject'].ratio.import <= 2,
    )
    for (const name of ['s3kit (root)', 's3kit/core + PutObject + GetObject']) {
      add(
        `first PUT+GET of a fresh process (${name}) ≤ 1.1× aws4fetch`,
        x(cold[name].ratio.first),
        cold[name].ratio.first <= 1.1,
      )
    }
  }
  if (r.cpu) {
    for (const c of r.cpu.results.filter((c) => c.name.startsWith('s3kit') && !c.name.includes('browser')))
      add(`CPU per PUT+GET (${c.name}) ≤ 1.05× aws4fetch`, x(c.ratio), c.ratio <= 1.05)
  }
  if (r.throughput) {
    const t = r.throughput
    const ratio = (rows, name, floor = 'aws4fetch') => rows[name].median / rows[floor].median
    add('PUT 4 KiB at concurrency 16 ≥ 0.95× aws4fetch', x(ratio(t.put, 's3kit')), ratio(t.put, 's3kit') >= 0.95)
    add('GET 4 KiB at concurrency 16 ≥ 0.95× aws4fetch', x(ratio(t.get, 's3kit')), ratio(t.get, 's3kit') >= 0.95)
    add(
      `multipart ${t.settings.multipartSize / 2 ** 20} MiB ≥ 0.95× the same parts sent raw`,
      x(ratio(t.multipart, 's3kit')),
      ratio(t.multipart, 's3kit') >= 0.95,
    )
    for (const name of Object.keys(t.download).filter((n) => n.startsWith('s3kit'))) {
      add(
        `download ${t.settings.downloadSize / 2 ** 30} GiB (${name}) ≥ 0.95× aws4fetch`,
        x(ratio(t.download, name)),
        ratio(t.download, name) >= 0.95,
      )
    }
    for (const m of t.memory.results.filter((m) => m.library.startsWith('s3kit'))) {
      add(
        `peak RSS growth, ${transferName(m)} ${m.direction} of ${m.size / 2 ** 30} GiB ≤ ` +
          `${t.memory.bound / 2 ** 20} MiB`,
        `${(m.growth / 2 ** 20).toFixed(0)} MiB`,
        m.growth <= t.memory.bound,
      )
    }
  }
  if (r.size) {
    for (const row of r.size.rows.slice(0, 3))
      add(
        `${row.name} ≤ ${row.budget.toLocaleString('en-US')} B gzipped`,
        `${row.size.toLocaleString('en-US')} B`,
        Math.max(row.size, row.subpathSize) <= row.budget,
      )
    const differ = r.size.rows.filter((row) => row.kept !== row.subpathKept)
    add(
      '`s3kit` and `s3kit/core` + subpath imports keep the same code, every entry',
      differ.length ? `${differ.length} differ` : `all ${r.size.rows.length} the same`,
      differ.length === 0,
    )
  }
  return list
}

function page(r, chartFiles) {
  const lines = []
  const table = (head, rows) => {
    lines.push(`| ${head.join(' | ')} |`, `| ${head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`)
    for (const row of rows) lines.push(`| ${row.join(' | ')} |`)
    lines.push('')
  }
  const chart = (file, alt) => chartFiles.includes(file) && lines.push(`![${alt}](${file})`, '')
  const v = r.versions
  const n = (value, digits = 0) =>
    value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
  lines.push(
    '# Performance, measured beside the peers',
    '',
    'Written by `npm run bench` (bench/run.mjs) from bench/results.json; do not edit by hand. Every figure',
    'comes from one run on one machine, s3kit beside its peers, rounds interleaved so that noise hits all',
    'alike; the ratios matter more than the absolute numbers, which differ between machines.',
    '',
    `- Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB, ` +
      `${r.machine.os}; Node ${r.machine.node}. Run ${r.date.slice(0, 16).replace('T', ' ')} UTC.`,
    `- Versions: s3kit ${v.s3kit} (this tree, built), aws4fetch ${v.aws4fetch}, s3mini ${v.s3mini}, ` +
      `@aws-sdk/client-s3 ${v['@aws-sdk/client-s3']}, @aws-sdk/lib-storage ${v['@aws-sdk/lib-storage']}, ` +
      `esbuild ${v.esbuild}; charts by Vega ${v.vega}.`,
    `- S3 server: Ceph RGW on ${r.server} (loopback), for the throughput, memory and first-request figures.`,
    '',
    '## Goals',
    '',
  )
  table(
    ['goal', 'measured', 'holds'],
    goals(r).map((g) => [g.goal, g.measured, g.holds ? 'yes' : '**no**']),
  )
  if (r.cold) {
    lines.push(
      '## Cold start and import: `node bench/cold-start.mjs`',
      '',
      `Fresh Node processes, median of ${r.cold.runs} interleaved runs each. *import*: the \`await import()\` of the`,
      'library, after the ESM loader has started; *first PUT+GET*: from process start to the end of the',
      'first PUT of 1 KiB and GET against the server (import, client, signing, two requests); *process*:',
      'the whole process as its parent sees it. s3kit is imported by its package name: Node takes the',
      '`node` export condition, a build with zod and aws4fetch inlined in a few shared chunks',
      '(scripts/build-node.mjs), since in Node an import costs mostly the number of files it loads.',
      '',
    )
    table(
      ['', 'import', '× aws4fetch', 'first PUT+GET', '× aws4fetch', 'process', '× aws4fetch'],
      r.cold.results.map((c) => [
        c.name,
        `${n(c.import, 1)} ms`,
        `${c.ratio.import.toFixed(2)}×`,
        `${n(c.first)} ms`,
        `${c.ratio.first.toFixed(2)}×`,
        `${n(c.process)} ms`,
        `${c.ratio.process.toFixed(2)}×`,
      ]),
    )
    chart('performance-import.svg', 'Import time in a fresh Node process')
    chart('performance-first-request.svg', 'First PUT+GET of a fresh process')
  }
  if (r.cpu) {
    lines.push(
      '## CPU per request: `node bench/request-overhead.mjs`',
      '',
      `A PutObject of 1 KiB followed by a GetObject read whole, over an instant stub transport (so only`,
      `signing, request building and parsing are measured): µs of CPU per pair, median of ${r.cpu.rounds} interleaved`,
      `rounds of ${n(r.cpu.pairs)} pairs after a warm-up.`,
      '',
    )
    table(
      ['', 'CPU per PUT+GET', '× aws4fetch', 'rounds (min–max)'],
      r.cpu.results.map((c) => [
        c.name,
        `${n(c.us)} µs`,
        `${c.ratio.toFixed(2)}×`,
        `${n(c.spread[0])}–${n(c.spread[1])} µs`,
      ]),
    )
    lines.push(
      'aws4fetch and s3mini compute every digest through WebCrypto, each call a job on another thread that',
      "costs Node some 20 µs of CPU, three per signature. s3kit signs with aws4fetch's `AwsV4Signer` too, but",
      'its Node build (the `node` export condition) computes the two digests of a signature, and the',
      'SHA-256 of a small body, with node:crypto on the calling thread (src/core/*.node.ts; the canonical',
      "request stays aws4fetch's, and test/packaging/node-build.test.ts checks that both builds sign alike).",
      'Raw aws4fetch and s3mini send S3 bodies as `UNSIGNED-PAYLOAD`; s3kit signs the payload, so that S3',
      'rejects bytes altered on the way. "s3kit (browser build)" is the build bundlers get for browsers and',
      'edge runtimes, run here in Node: WebCrypto for every digest, as aws4fetch, so its excess over',
      'aws4fetch is what the SDK layer itself costs (the payload hash, request building, the body wrapper).',
      '',
    )
    chart('performance-cpu.svg', 'CPU per PUT+GET pair')
  }
  if (r.throughput) {
    const t = r.throughput
    const s = t.settings
    const mib = (b) => `${b / 2 ** 20} MiB`
    lines.push(
      '## Throughput against the real server: `node bench/throughput.mjs`',
      '',
      `Steady state: one warm-up round, then interleaved rounds (small objects ${s.smallRounds}, ` +
        `multipart ${s.rounds}, download ${s.downloadRounds}), median round. PUT then GET of`,
      `${n(s.smallCount)} objects of ${s.smallSize / 1024} KiB at concurrency ${s.smallConcurrency}; a ` +
        `multipart upload of ${mib(s.multipartSize)} from memory in parts of`,
      `${mib(s.partSize)}, ${s.concurrency} at a time (raw aws4fetch: the same parts, ` +
        `create/upload/complete by hand); a`,
      `download of ${mib(s.downloadSize)} read as a stream and dropped.`,
      '',
    )
    const rows = []
    for (const [metric, unit, data] of [
      ['PUT 4 KiB', 'objects/s', t.put],
      ['GET 4 KiB', 'objects/s', t.get],
      [`multipart ${mib(s.multipartSize)}`, 'MB/s', t.multipart],
      [`download ${mib(s.downloadSize)}`, 'MB/s', t.download],
    ]) {
      for (const [name, { median }] of Object.entries(data))
        rows.push([
          metric,
          name,
          `${n(median, unit === 'MB/s' ? 0 : 0)} ${unit}`,
          `${(median / data.aws4fetch.median).toFixed(2)}×`,
        ])
    }
    table(['', 'library', 'median round', '× aws4fetch'], rows)
    chart('performance-throughput.svg', 'Throughput relative to raw aws4fetch')
    lines.push(
      '## Memory of large transfers',
      '',
      `Each transfer in a fresh process (\`--expose-gc\`): an upload of a generated stream of unknown length`,
      `(parts of ${mib(s.partSize)}, ${s.concurrency} at a time) or a download read to a sink. ` +
        `Peak RSS growth: the kernel's`,
      `high-water mark (VmHWM, reset after a warm-up and a GC) over the RSS at that point. Bound: partSize ×`,
      `(concurrency + 1) + 64 MiB = ${mib(t.memory.bound)}.`,
      '',
    )
    table(
      ['library', 'transfer', 'size', 'peak RSS growth', 'within bound', 'MB/s'],
      t.memory.results.map((m) => [
        transferName(m),
        m.direction,
        mib(m.size),
        `${n(m.growth / 2 ** 20, 1)} MiB`,
        m.growth <= t.memory.bound ? 'yes' : '**no**',
        n(m.size / 1e6 / m.seconds),
      ]),
    )
    chart('performance-memory.svg', 'Peak RSS growth of large transfers')
  }
  if (r.size) {
    lines.push(
      '## Bundle size: `npm run size`',
      '',
      'The built package bundled for a browser through its `exports` (esbuild, minified, gzip -9), imported',
      'from `s3kit` and from the subpaths (`s3kit/core`, `s3kit/commands/X`, `s3kit/helpers`), beside the',
      'peers. Every command and helper: docs/bundle-size.md.',
      '',
    )
    const b = (x) => (x == null ? '—' : `${n(x)} B`)
    table(
      ['entry', 's3kit', 'via subpaths', 'budget', '@aws-sdk/client-s3', 's3mini (whole)', 'aws4fetch (signer only)'],
      r.size.rows
        .slice(0, 3)
        .map((row) => [
          row.name,
          b(row.size),
          b(row.subpathSize),
          b(row.budget),
          b(row.awsSize),
          b(row.s3miniSize),
          b(row.aws4fetchSize),
        ]),
    )
    chart('performance-size.svg', 'Gzipped bundle size')
  }
  return `${lines.join('\n')}\n`
}

async function drawCharts(r) {
  const charts = {}
  if (r.cold) {
    const importFloor = r.cold.results.find((c) => c.name === 'aws4fetch').import
    charts['performance-import.svg'] = await render(
      barChart({
        title: 'Import time in a fresh Node process',
        subtitle: `median of ${r.cold.runs} runs, ms (log scale); dashed: the goal for the root entry, 4× aws4fetch`,
        unit: 'ms',
        rows: r.cold.results.map((c) => ({ label: c.name, value: c.import, note: `${c.ratio.import.toFixed(1)}×` })),
        rule: { value: importFloor * 4, label: '4× aws4fetch' },
        format: ',.1f',
        log: true,
      }),
    )
    const firstFloor = r.cold.results.find((c) => c.name === 'aws4fetch').first
    charts['performance-first-request.svg'] = await render(
      barChart({
        title: 'Fresh process to first PUT + GET done',
        subtitle: `median of ${r.cold.runs} runs, ms since process start; dashed: 1.1× aws4fetch`,
        unit: 'ms',
        rows: r.cold.results.map((c) => ({ label: c.name, value: c.first, note: `${c.ratio.first.toFixed(2)}×` })),
        rule: { value: firstFloor * 1.1, label: '1.1× aws4fetch' },
      }),
    )
  }
  if (r.cpu) {
    const floor = r.cpu.results.find((c) => c.name === 'aws4fetch').us
    charts['performance-cpu.svg'] = await render(
      barChart({
        title: 'CPU per PUT 1 KiB + GET, stub transport',
        subtitle: `µs per pair, median of ${r.cpu.rounds} interleaved rounds; dashed: 1.05× aws4fetch`,
        unit: 'µs',
        rows: r.cpu.results.map((c) => ({ label: c.name, value: c.us, note: `${c.ratio.toFixed(2)}×` })),
        rule: { value: floor * 1.05, label: '1.05× aws4fetch' },
      }),
    )
  }
  if (r.throughput) {
    const t = r.throughput
    const rows = []
    for (const [metric, data] of [
      ['PUT 4 KiB', t.put],
      ['GET 4 KiB', t.get],
      ['multipart', t.multipart],
      ['download', t.download],
    ]) {
      for (const [name, { median }] of Object.entries(data))
        rows.push({ group: metric, label: name, value: median / data.aws4fetch.median })
    }
    charts['performance-throughput.svg'] = await render(
      barChart({
        title: 'Throughput against the S3 server, relative to raw aws4fetch',
        subtitle: 'median round after warm-up; 1 = raw aws4fetch, dashed: 0.95',
        unit: '× aws4fetch',
        rows,
        rule: { value: 0.95, label: '0.95' },
        format: '.2f',
      }),
    )
    charts['performance-memory.svg'] = await render(
      barChart({
        title: 'Peak RSS growth of large transfers',
        subtitle: `MiB over a warmed-up baseline; dashed: the bound, ${t.memory.bound / 2 ** 20} MiB`,
        unit: 'MiB',
        rows: t.memory.results.map((m) => ({
          label: `${transferName(m)} ${m.direction} ${m.size / 2 ** 30} GiB`,
          value: m.growth / 2 ** 20,
        })),
        rule: { value: t.memory.bound / 2 ** 20, label: 'bound' },
        format: ',.0f',
      }),
    )
  }
  if (r.size) {
    const rows = []
    for (const row of r.size.rows.slice(0, 3)) {
      const group = row.name.replace('createClient + send + ', '').replace('createClient + ', '')
      rows.push({ group, label: 's3kit', value: row.size })
      if (row.awsSize) rows.push({ group, label: '@aws-sdk/client-s3', value: row.awsSize })
      if (row.s3miniSize) rows.push({ group, label: 's3mini (whole)', value: row.s3miniSize })
      if (row.aws4fetchSize) rows.push({ group, label: 'aws4fetch (signer only)', value: row.aws4fetchSize })
    }
    charts['performance-size.svg'] = await render(
      barChart({
        title: 'Browser bundle, gzipped',
        subtitle: 'bytes (log scale), esbuild minified, gzip -9',
        unit: 'bytes',
        rows,
        log: true,
      }),
    )
  }
  return charts
}
