// `npm run size`: what each command and helper costs a browser bundle. For every file in
// commands/ and every helper function the root entry exports, the entry `createClient + send +
// that one` is bundled with esbuild (browser platform, minified, ESM) and gzipped at level 9;
// the same entry built from @aws-sdk/client-s3 is measured in the same run, and the table goes
// to docs/bundle-size.md. Budgets come from bench/size-budgets.json (an entry's own, else the
// default for commands or for helpers); any entry over budget fails the run.
//
//   node scripts/size.mjs           measure s3kit and @aws-sdk/client-s3, write docs/bundle-size.md
//   node scripts/size.mjs --check   s3kit only (what CI needs), write nothing
import { build } from 'esbuild'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const root = fileURLToPath(new URL('..', import.meta.url))
const config = JSON.parse(readFileSync(`${root}bench/size-budgets.json`, 'utf8'))
const check = process.argv.includes('--check')

/** Bytes of the minified browser bundle of `contents`, gzipped at level 9. */
export async function gzippedSize(contents) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  })
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length
}

/** Every entry to measure: the hand-written ones, then one per command, then one per helper. */
export function entries() {
  const aws = check ? new Set() : awsCommands()
  const listed = config.entries.map((entry) => ({ ...entry, aws: entry.aws ?? null }))
  const commands = readdirSync(`${root}commands`)
    .filter((file) => file.endsWith('.ts'))
    .sort()
    .map((file) => file.slice(0, -3))
    .map((name) => ({
      name: `createClient + send + ${name}`,
      item: name,
      imports: `import { createClient, send } from './src/index.ts'\nimport { ${name} } from './commands/${name}.ts'`,
      aws: aws.has(name) ? `import { S3Client, ${name}Command } from '@aws-sdk/client-s3'` : null,
    }))
  const helpers = helperNames().map((name) => ({
    name: `createClient + send + ${name}`,
    item: name,
    imports: `import { createClient, send, ${name} } from './src/index.ts'`,
    aws: config.awsHelpers?.[name] ?? null,
    // A helper composes several commands (list + delete, create + parts + complete): its own default.
    budget: config.budgets?.[name] ?? config.defaultHelperBudget ?? config.defaultBudget,
  }))
  return [...listed, ...commands, ...helpers].map((entry) => ({
    ...entry,
    budget: entry.budget ?? config.budgets?.[entry.item] ?? config.defaultBudget,
  }))
}

/**
 * The root entry's helper functions: its camelCase value exports other than the core
 * (createClient, send). Commands and constants are PascalCase; types are left out.
 */
export function helperNames() {
  const index = readFileSync(`${root}src/index.ts`, 'utf8')
  const names = [...index.matchAll(/^export\s*\{([^}]*)\}\s*from\s*'\.\/[^']+'/gm)].flatMap((m) =>
    m[1]
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n && !n.startsWith('type '))
      .map((n) => n.split(/\s+as\s+/).pop()),
  )
  const core = new Set(config.core ?? ['createClient', 'send'])
  return [...new Set(names)].filter((n) => /^[a-z]/.test(n) && !core.has(n)).sort()
}

/** The commands @aws-sdk/client-s3 has, from its declarations (nothing of it is loaded here). */
function awsCommands() {
  const index = readFileSync(`${root}node_modules/@aws-sdk/client-s3/dist-types/commands/index.d.ts`, 'utf8')
  return new Set([...index.matchAll(/\.\/(\w+)Command"/g)].map((m) => m[1]))
}

/** The imported names, kept alive by one use so the bundler cannot drop them. */
function program(imports) {
  return `${imports}\nconsole.log(${importedNames(imports).join(', ')})`
}

function importedNames(source) {
  return [...source.matchAll(/import\s*\{([^}]*)\}/g)].flatMap((m) =>
    m[1]
      .split(',')
      .map((n) => n.trim().split(/\s+as\s+/).pop())
      .filter(Boolean),
  )
}

/** Runs the measurements a few at a time: esbuild is fast, but 2 cores are shared. */
async function measureAll(list) {
  const results = new Array(list.length)
  let next = 0
  const worker = async () => {
    while (next < list.length) {
      const i = next++
      const entry = list[i]
      const size = await gzippedSize(program(entry.imports))
      const aws = check || !entry.aws ? null : await gzippedSize(program(entry.aws))
      results[i] = { ...entry, size, awsSize: aws }
    }
  }
  await Promise.all(Array.from({ length: Math.min(4, availableParallelism() * 2) }, worker))
  return results
}

function formatBytes(n) {
  return n === null ? '—' : n.toLocaleString('en-US')
}

function table(rows) {
  const head = ['entry', 's3kit gzip B', 'budget', 'status', '@aws-sdk/client-s3 gzip B', 'ratio']
  const body = rows.map((r) => [
    r.name,
    formatBytes(r.size),
    formatBytes(r.budget),
    r.size <= r.budget ? 'ok' : 'OVER',
    formatBytes(r.awsSize),
    r.awsSize ? `${(r.awsSize / r.size).toFixed(1)}×` : '—',
  ])
  return [head, ...body]
}

function markdown(rows, versions) {
  const [head, ...body] = table(rows)
  const line = (cells) => `| ${cells.join(' | ')} |`
  return `# Bundle size

What one command (or helper) costs a browser bundle: \`createClient + send + X\` bundled by esbuild
${versions.esbuild} (browser platform, minified, ESM, tree-shaken), then gzipped at level 9. The
\`@aws-sdk/client-s3\` column is the same entry built from \`S3Client\` + \`XCommand\` (helpers: their
AWS counterparts, where one exists) by the same esbuild in the same run, version ${versions.aws}.
Budgets live in \`bench/size-budgets.json\`; \`npm test\` fails when an entry goes over its budget.

Regenerate with \`npm run size\` (this file is written by \`scripts/size.mjs\`; do not edit by hand).

${line(head)}
${line(head.map((_, i) => (i === 0 ? '---' : '---:')))}
${body.map(line).join('\n')}
`
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await measureAll(entries())
  const [head, ...body] = table(rows)
  const widths = head.map((_, i) => Math.max(...[head, ...body].map((r) => r[i].length)))
  const columns = check ? [0, 1, 2, 3] : [0, 1, 2, 3, 4, 5]
  for (const row of [head, ...body]) console.log(columns.map((i) => (i === 0 ? row[i].padEnd(widths[i]) : row[i].padStart(widths[i]))).join('  '))
  if (!check) {
    const versions = {
      esbuild: JSON.parse(readFileSync(`${root}node_modules/esbuild/package.json`, 'utf8')).version,
      aws: JSON.parse(readFileSync(`${root}node_modules/@aws-sdk/client-s3/package.json`, 'utf8')).version,
    }
    writeFileSync(`${root}docs/bundle-size.md`, markdown(rows, versions))
    console.log('wrote docs/bundle-size.md')
  }
  const over = rows.filter((r) => r.size > r.budget)
  if (over.length) {
    console.error(`${over.length} entr${over.length === 1 ? 'y is' : 'ies are'} over budget: ${over.map((r) => r.name).join(', ')}`)
    process.exit(1)
  }
}
