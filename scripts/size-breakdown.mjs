import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
const contents = process.argv[2]
const r = await build({ stdin: { contents, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, metafile: true, logLevel: 'silent' })
const out = Object.values(r.metafile.outputs)[0]
const rows = Object.entries(out.inputs).map(([f, i]) => [f, i.bytesInOutput]).sort((a, b) => b[1] - a[1])
for (const [f, b] of rows) console.log(String(b).padStart(7), f)
console.log('total min', r.outputFiles[0].contents.length, 'gzip', gzipSync(r.outputFiles[0].contents, { level: 9 }).length)
