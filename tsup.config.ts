import { defineConfig, type Options } from 'tsup'
import { buildNode } from './scripts/build-node.mjs'
import { binEntry, entryPoints, NODE_BUILD } from './scripts/generate-entries.mjs'

// The entries come from scripts/generate-entries.mjs, the same list that writes package.json's
// exports: the root, s3kit/core, s3kit/helpers, s3kit/node, s3kit/credentials and one per command.
const entry = Object.fromEntries(entryPoints().map((e) => [e.out, e.source]))
const bin = binEntry()

export default defineConfig([
  // Browsers, edge runtimes and their bundlers (the `import`/`require` conditions): unbundled ESM
  // and CJS whose dependencies stay imports, so an app's bundler dedupes them with its own; shared
  // code lands in chunks. The declarations, which every condition shares, come from here.
  {
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    splitting: true,
    // Rollup may drop chunks imported only for their side effects: the package has none, and
    // such bare imports make bundlers warn (esbuild's ignored-bare-import) in users' builds.
    treeshake: { preset: 'recommended', moduleSideEffects: false },
    target: 'es2022',
    platform: 'neutral',
    outDir: 'dist',
    sourcemap: false,
    // The Node build and the command line clean their own folders.
    clean: [`!${NODE_BUILD}/**`, '!cli/**'],
    // Node and bundlers targeting Node (the `node` condition): the same entries with zod, aws4fetch
    // and @noble/hashes inlined, in a few shared chunks (scripts/build-node.mjs says why and how).
    onSuccess: async () => {
      await buildNode()
    },
  },
  // The `s3kit` command line, when it exists: ESM for Node with s3kit, zod and aws4fetch inlined;
  // commander and cli-progress (CommonJS) stay dependencies, loaded by Node itself.
  ...(bin
    ? [
        {
          entry: { index: bin.source },
          format: ['esm'],
          platform: 'node',
          target: 'node20',
          noExternal: [/^zod(\/|$)/, /^aws4fetch$/, /^@noble\/hashes(\/|$)/],
          banner: { js: '#!/usr/bin/env node' },
          outDir: 'dist/cli',
          clean: true,
          sourcemap: false,
        } satisfies Options,
      ]
    : []),
])
