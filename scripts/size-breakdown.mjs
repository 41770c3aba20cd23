// Where the bytes of a bundle go: bundles the entry given as source text (same esbuild settings as
// scripts/size.mjs) and lists each input file's minified bytes, largest first, then the total.
// Import the built package by its name, as scripts/size.mjs measures it (build first: npx tsup), or
// the sources by path to see them file by file.
//
//   node scripts/size-breakdown.mjs "import { createClient, send, PutObject } from 's3kit';
//     console.log(createClient, send, PutObject)"
//   node scripts/size-breakdown.mjs "import { createClient, send } from './src/core/index.ts';
//     import { PutObject } from './commands/PutObject.ts'; console.log(createClient, send, PutObject)"

import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const contents = process.argv[2]
if (!contents) {
  console.error('usage: node scripts/size-breakdown.mjs "<entry source>"')
  process.exit(2)
}
const result = await build({
  stdin: { contents, resolveDir: process.cwd(), loader: 'ts' },
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  write: false,
  metafile: true,
  logLevel: 'silent',
})
const output = Object.values(result.metafile.outputs)[0]
const rows = Object.entries(output.inputs)
  .map(([file, input]) => [file, input.bytesInOutput])
  .sort((a, b) => b[1] - a[1])
for (const [file, bytes] of rows) console.log(String(bytes).padStart(7), file)
const bundle = result.outputFiles[0].contents
console.log('total minified', bundle.length, 'gzip', gzipSync(bundle, { level: 9 }).length)
