// `npm run size`: what each command and helper costs a browser bundle, measured on the package as
// users install it. Every entry is an import of the built package (dist/, through its own package
// name and `exports`, the way an app's bundler sees it), bundled by esbuild (browser platform,
// minified, ESM) and gzipped at level 9, twice: once importing everything from `s3kit` (the root)
// and once from the subpaths (`s3kit/core`, `s3kit/commands/X`, `s3kit/helpers`). The two must give
// the same bundle: a difference means something escapes tree shaking, and fails the run, as does
// any entry over its budget (bench/size-budgets.json: an entry's own, else the default for commands
// or for helpers). Peers (@aws-sdk/client-s3, s3mini, aws4fetch) are measured in the same run and
// the table goes to docs/bundle-size.md.
//
//   npm run size                    build, measure s3kit and the peers, write docs/bundle-size.md
//   node scripts/size.mjs --check   s3kit only, from the existing dist/ (what `npm test` runs)

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
const config = JSON.parse(readFileSync(`${root}bench/size-budgets.json`, 'utf8'))

/** Minified and gzipped (level 9) bytes of the browser bundle of `contents`, resolved from the repository. */
export async function bundleSize(contents, from = root) {
  const result = await bundle(contents, { minify: true }, from)
  const bytes = result.outputFiles[0].contents
  return { minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
}

/**
 * What tree shaking kept, independent of module order and of the short names the minifier picks
 * (which differ by a byte or two between two equal sets of code): the bundle's length with
 * whitespace and syntax minified but every name kept (and the numbers that tell equal names apart
 * dropped).
 */
async function keptCode(contents, from) {
  const result = await bundle(contents, { minifyWhitespace: true, minifySyntax: true }, from)
  // Two modules' equal names are told apart by a number (encoder, encoder2), given in module order.
  return result.outputFiles[0].text.replace(/\b([A-Za-z_$][\w$]*?)\d+\b/g, '$1').length
}

function bundle(contents, minify, from) {
  return build({
    stdin: { contents, resolveDir: from, loader: 'js' },
    bundle: true,
    ...minify,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  })
}

/** The commands: one per file in commands/. */
export function commandNames() {
  return readdirSync(`${root}commands`)
    .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
    .map((file) => file.slice(0, -3))
    .sort()
}

/** The helper functions: the camelCase value exports of src/helpers/index.ts (types and constants left out). */
export function helperNames() {
  const index = readFileSync(`${root}src/helpers/index.ts`, 'utf8')
  const names = [...index.matchAll(/^export\s*\{([^}]*)\}\s*from\s*'[^']+'/gm)].flatMap((m) =>
    m[1]
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n && !n.startsWith('type '))
      .map((n) => n.split(/\s+as\s+/).pop()),
  )
  return [...new Set(names)].filter((n) => /^[a-z]/.test(n)).sort()
}

/** The same names imported from the root, and from the subpath each lives in. */
export function imports(names) {
  const core = new Set(config.core)
  const commands = new Set(commandNames())
  const fromRoot = `import { ${names.join(', ')} } from 's3kit'`
  const groups = new Map()
  for (const name of names) {
    const path = core.has(name) ? 's3kit/core' : commands.has(name) ? `s3kit/commands/${name}` : 's3kit/helpers'
    groups.set(path, [...(groups.get(path) ?? []), name])
  }
  const fromSubpaths = [...groups].map(([path, list]) => `import { ${list.join(', ')} } from '${path}'`).join('\n')
  return { fromRoot, fromSubpaths }
}

/** Every entry to measure: the listed ones, then one per command, then one per helper. */
export function entries({ peers = true } = {}) {
  const aws = peers ? awsCommands() : new Set()
  const listed = config.entries.map((entry) => ({ ...entry, item: entry.name }))
  const commands = commandNames().map((name) => ({
    name: `createClient + send + ${name}`,
    item: name,
    names: ['createClient', 'send', name],
    aws: aws.has(name) ? `import { S3Client, ${name}Command } from '@aws-sdk/client-s3'` : null,
  }))
  const helpers = helperNames().map((name) => ({
    name: `createClient + send + ${name}`,
    item: name,
    names: ['createClient', 'send', name],
    aws: config.awsHelpers?.[name] ?? null,
    // A helper composes several commands (list + delete, create + parts + complete): its own default.
    budget: config.budgets?.[name] ?? config.defaultHelperBudget ?? config.defaultBudget,
  }))
  return [...listed, ...commands, ...helpers].map((entry) => ({
    ...entry,
    ...imports(entry.names),
    aws: peers ? (entry.aws ?? null) : null,
    s3mini: peers ? (entry.s3mini ?? null) : null,
    aws4fetch: peers ? (entry.aws4fetch ?? null) : null,
    budget: entry.budget ?? config.budgets?.[entry.item] ?? config.defaultBudget,
  }))
}

/** The commands @aws-sdk/client-s3 has, from its declarations (nothing of it is loaded here). */
function awsCommands() {
  const index = readFileSync(`${root}node_modules/@aws-sdk/client-s3/dist-types/commands/index.d.ts`, 'utf8')
  return new Set([...index.matchAll(/\.\/(\w+)Command"/g)].map((m) => m[1]))
}

/** The imported names, kept alive by one use so the bundler cannot drop them. */
function program(source) {
  const names = [...source.matchAll(/import\s*\{([^}]*)\}/g)].flatMap((m) =>
    m[1]
      .split(',')
      .map((n) =>
        n
          .trim()
          .split(/\s+as\s+/)
          .pop(),
      )
      .filter(Boolean),
  )
  return `${source}\nconsole.log(${names.join(', ')})`
}

/** Measures every entry (and its peers), a few builds at a time: esbuild is fast, but cores are shared. */
/**
 * `from`: the package root to measure (default: this repository; `npm run bench` passes a copy of
 * the built package, so that a rebuild elsewhere cannot pull dist/ from under it).
 */
export async function measureAll(list, from = root) {
  if (!existsSync(`${from}/dist/index.js`))
    throw new Error('dist/ is not built: run `npx tsup` first (npm run size does)')
  const results = new Array(list.length)
  let next = 0
  const peer = async (source) => (source ? (await bundleSize(program(source), from)).gzip : null)
  const worker = async () => {
    while (next < list.length) {
      const i = next++
      const entry = list[i]
      const rootSize = await bundleSize(program(entry.fromRoot), from)
      const subpathSize = await bundleSize(program(entry.fromSubpaths), from)
      results[i] = {
        ...entry,
        size: rootSize.gzip,
        minified: rootSize.minified,
        subpathSize: subpathSize.gzip,
        kept: await keptCode(program(entry.fromRoot), from),
        subpathKept: await keptCode(program(entry.fromSubpaths), from),
        awsSize: await peer(entry.aws),
        s3miniSize: await peer(entry.s3mini),
        aws4fetchSize: await peer(entry.aws4fetch),
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(4, availableParallelism() * 2) }, worker))
  return results
}

/** What fails the run: over budget, or root and subpath imports not giving the same bundle. */
export function problems(rows) {
  return rows.flatMap((r) => [
    ...(Math.max(r.size, r.subpathSize) > r.budget
      ? [`${r.name}: ${Math.max(r.size, r.subpathSize)} B is over its ${r.budget} B budget`]
      : []),
    ...(r.kept !== r.subpathKept
      ? [
          `${r.name}: imported from 's3kit' it keeps ${r.kept} B of code, ` +
            `from the subpaths ${r.subpathKept} B (something escapes tree shaking)`,
        ]
      : []),
  ])
}

const bytes = (n) => (n === null || n === undefined ? '—' : n.toLocaleString('en-US'))
const ratio = (peer, own) => (peer ? `${(peer / own).toFixed(1)}×` : '—')

export function table(rows, { peers = true } = {}) {
  const head = [
    'entry',
    's3kit gzip B',
    'via subpaths',
    'budget',
    'status',
    ...(peers ? ['@aws-sdk/client-s3', 'ratio', 's3mini', 'aws4fetch'] : []),
  ]
  const body = rows.map((r) => [
    r.name,
    bytes(r.size),
    r.kept === r.subpathKept ? `same code (${bytes(r.subpathSize)})` : `${bytes(r.subpathSize)} DIFFERS`,
    bytes(r.budget),
    Math.max(r.size, r.subpathSize) <= r.budget ? 'ok' : 'OVER',
    ...(peers ? [bytes(r.awsSize), ratio(r.awsSize, r.size), bytes(r.s3miniSize), bytes(r.aws4fetchSize)] : []),
  ])
  return [head, ...body]
}

export function versions() {
  const version = (name) => JSON.parse(readFileSync(`${root}node_modules/${name}/package.json`, 'utf8')).version
  return {
    esbuild: version('esbuild'),
    aws: version('@aws-sdk/client-s3'),
    s3mini: version('s3mini'),
    aws4fetch: version('aws4fetch'),
  }
}

export function markdown(rows, v) {
  const [head, ...body] = table(rows)
  const line = (cells) => `| ${cells.join(' | ')} |`
  return `# Bundle size

What one command (or helper) costs a browser bundle, measured on the built package as an app's
bundler sees it: \`import { createClient, send, X } from 's3kit'\` resolved through the package's
\`exports\` to dist/, bundled by esbuild ${v.esbuild} (browser platform, minified, ESM, tree-shaken),
then gzipped at level 9. "via subpaths" is the same import from \`s3kit/core\`, \`s3kit/commands/X\`
and \`s3kit/helpers\`: it must keep the same code ("same code"; its gzipped size, in brackets,
differs by a few bytes only through module order), or something escapes tree shaking.
Peers, bundled by the same esbuild in the same run: \`@aws-sdk/client-s3\` ${v.aws} (\`S3Client\` +
\`XCommand\`, helpers their AWS counterparts where one exists; "ratio" is its size over s3kit's),
and, for the listed entries, s3mini ${v.s3mini} (its \`S3mini\` class, all operations in one) and
aws4fetch ${v.aws4fetch} (the bare signer, no S3 operation).
Budgets live in \`bench/size-budgets.json\`; \`npm test\` fails when an entry goes over its budget.

Regenerate with \`npm run size\` (this file is written by \`scripts/size.mjs\`; do not edit by hand).

${line(head)}
${line(head.map((_, i) => (i === 0 ? '---' : '---:')))}
${body.map(line).join('\n')}
`
}

function print(rows, peers) {
  const [head, ...body] = table(rows, { peers })
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((r) => r[i].length)))
  for (const row of [head, ...body])
    console.log(row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '))
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check')
  const rows = await measureAll(entries({ peers: !check }))
  print(rows, !check)
  if (!check) {
    writeFileSync(`${root}docs/bundle-size.md`, markdown(rows, versions()))
    console.log('wrote docs/bundle-size.md')
  }
  const found = problems(rows)
  if (found.length) {
    for (const problem of found) console.error(problem)
    process.exit(1)
  }
}
