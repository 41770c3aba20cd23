// `npm run size`: the gzipped browser bundle of each entry in bench/size-budgets.json (esbuild,
// browser platform, minified, gzip -9), checked against its budget with --check.
import { build } from 'esbuild'
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

const budgets = JSON.parse(readFileSync(new URL('../bench/size-budgets.json', import.meta.url), 'utf8'))
const check = process.argv.includes('--check')

export async function gzippedSize(contents) {
  const result = await build({
    stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
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

let failures = 0
const rows = []
for (const { name, imports, budget } of budgets.entries) {
  const size = await gzippedSize(`${imports}\nconsole.log(${importedNames(imports).join(', ')})`)
  const ok = size <= budget
  if (!ok) failures++
  rows.push([name, size, budget, ok ? 'ok' : 'OVER'])
}
console.log('entry'.padEnd(40), 'gzip B'.padStart(8), 'budget'.padStart(8))
for (const [name, size, budget, verdict] of rows) console.log(name.padEnd(40), String(size).padStart(8), String(budget).padStart(8), verdict)
if (check && failures) {
  console.error(`${failures} entr${failures === 1 ? 'y is' : 'ies are'} over budget`)
  process.exit(1)
}

function importedNames(source) {
  return [...source.matchAll(/import\s*\{([^}]*)\}/g)].flatMap((m) => m[1].split(',').map((n) => n.trim().split(/\s+as\s+/).pop()).filter(Boolean))
}
