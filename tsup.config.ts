import { readdirSync } from 'node:fs'
import { defineConfig } from 'tsup'

// One entry per command (s3kit/commands/PutObject), the root, and the Node-only helpers, so an
// import pulls in only its own command; shared code lands in chunks, dependencies stay external.
const commands = Object.fromEntries(
  readdirSync('commands')
    .filter((file) => file.endsWith('.ts'))
    .map((file) => [`commands/${file.slice(0, -3)}`, `commands/${file}`]),
)

export default defineConfig({
  entry: { index: 'src/index.ts', core: 'src/core/index.ts', ...commands, ...optional('node/index', 'src/node/index.ts') },
  format: ['esm', 'cjs'],
  dts: true,
  splitting: true,
  // Rollup may drop chunks imported only for their side effects: the package has none, and
  // such bare imports make bundlers warn (esbuild's ignored-bare-import) in users' builds.
  treeshake: { preset: 'recommended', moduleSideEffects: false },
  target: 'es2022',
  platform: 'neutral',
  outDir: 'dist',
  clean: true,
  sourcemap: false,
})

function optional(name: string, file: string): Record<string, string> {
  try {
    readdirSync(file.slice(0, file.lastIndexOf('/')))
    return { [name]: file }
  } catch {
    return {}
  }
}
