// Writes package.json's `exports` map from the entries that exist: the root, one subpath per
// file in commands/, and s3kit/node. Run after adding a command; a unit test checks it is in sync.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'

export function expectedExports() {
  const entry = (name) => ({
    import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
    require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
  })
  const exports = { '.': entry('index'), './core': entry('core') }
  if (existsSync('src/node/index.ts')) exports['./node'] = entry('node/index')
  for (const file of readdirSync('commands').filter((f) => f.endsWith('.ts')).sort()) {
    const name = file.slice(0, -3)
    exports[`./commands/${name}`] = entry(`commands/${name}`)
  }
  exports['./package.json'] = './package.json'
  return exports
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'))
  pkg.exports = expectedExports()
  writeFileSync('package.json', `${JSON.stringify(pkg, null, 2)}\n`)
  console.log(`package.json exports: ${Object.keys(pkg.exports).length} entries`)
}
