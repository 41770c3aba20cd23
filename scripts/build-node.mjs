// The Node build (dist/bundled/, what the `node` export condition points at): every entry of
// scripts/generate-entries.mjs, with zod, aws4fetch and @noble/hashes inlined and tree-shaken, in a
// handful of chunks instead of hundreds of files. In Node an import's cost is mostly the number of
// files loaded (zod/mini alone is ~200), so the chunks are few and chosen by what a program needs:
//   base         the core, aws4fetch, and every codec and command that needs neither zod nor XML
//   xml          zod, the XML codec, and the codecs and commands that use them
//   helpers, credentials, node   the helpers of each entry
// Each public entry is a small file re-exporting from them, so `s3kit/core` + PutObject + GetObject
// loads base only, and the root entry loads the lot in five files. The chunks are shared by all
// entries, so S3Error and the rest are one class whichever entries a program imports.
//
// Run by tsup (tsup.config.ts, after the main build) or alone: node scripts/build-node.mjs

import { existsSync, rmSync } from 'node:fs'
import { dirname, join, resolve as resolvePath } from 'node:path'
import { fileURLToPath } from 'node:url'
import { transform } from 'esbuild'
import { rollup } from 'rollup'
import { entryPoints, NODE_BUILD } from './generate-entries.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
/** Dependencies carried inside the build; any other bare import stays an import. */
const INLINED = /^(zod|aws4fetch|@noble\/hashes)(\/|$)/
/** Modules whose importers belong to the `xml` chunk. */
const XML_ROOTS = [/\/node_modules\/zod\//, /\/codecs\/xml-reader\.ts$/]

export async function buildNode({ outDir = join(root, 'dist', NODE_BUILD) } = {}) {
  // An entry with a `x.node.ts` beside it is built from that file (src/index.node.ts).
  const input = Object.fromEntries(entryPoints(root).map((entry) => [entry.out, nodeVariant(join(root, entry.source))]))
  const bundle = await rollup({
    input,
    plugins: [typescript()],
    external: (id) =>
      id.startsWith('node:') ||
      (!id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0') && !INLINED.test(id)),
    treeshake: { preset: 'recommended', moduleSideEffects: false },
    onwarn(warning, warn) {
      // zod's modules import each other in a circle; that is zod's own business.
      if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((id) => id.includes('/node_modules/'))) return
      // Comments zod places where Rollup reads no annotation: harmless, and zod's own.
      if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/')) return
      warn(warning)
    },
  })
  rmSync(outDir, { recursive: true, force: true })
  const manualChunks = chunkOf()
  const common = {
    dir: outDir,
    manualChunks,
    generatedCode: { preset: 'es2015', symbols: false },
    hoistTransitiveImports: false,
    interop: 'auto',
  }
  await bundle.write({ ...common, format: 'es', entryFileNames: '[name].js', chunkFileNames: '_[name]-[hash].js' })
  await bundle.write({
    ...common,
    format: 'cjs',
    entryFileNames: '[name].cjs',
    chunkFileNames: '_[name]-[hash].cjs',
    exports: 'named',
  })
  await bundle.close()
}

/** Which chunk a module goes to (see the top of this file). */
function chunkOf() {
  const reachesXml = new Map()
  const reaches = (id, getModuleInfo, seen = new Set()) => {
    if (reachesXml.has(id)) return reachesXml.get(id)
    if (seen.has(id)) return false
    seen.add(id)
    const info = getModuleInfo(id)
    const result =
      XML_ROOTS.some((re) => re.test(id)) ||
      (info?.importedIds ?? []).some((next) => reaches(next, getModuleInfo, seen))
    reachesXml.set(id, result)
    return result
  }
  return (id, { getModuleInfo }) => {
    const path = id.replaceAll('\\', '/')
    // The root entry re-exports every chunk: it stays its own file, on top (for Node,
    // src/index.node.ts with the src/index.ts it extends).
    if (path.endsWith('/src/index.ts') || path.endsWith('/src/index.node.ts')) return 'index'
    if (path.includes('/src/node/')) return 'node'
    if (path.includes('/src/helpers/credentials/')) return 'credentials'
    if (path.includes('/src/helpers/')) return 'helpers'
    return reaches(id, getModuleInfo) ? 'xml' : 'base'
  }
}

function nodeVariant(source) {
  const variant = source.replace(/\.ts$/, '.node.ts')
  return existsSync(variant) ? variant : source
}

/**
 * TypeScript sources through esbuild's transform; `./x.js` finds `./x.node.ts`, else `./x.ts`;
 * inlined packages resolve by Node's rules.
 */
function typescript() {
  return {
    name: 's3kit-typescript',
    resolveId(source, importer) {
      if (!importer) return null
      if (source.startsWith('.')) {
        const path = resolvePath(dirname(importer), source)
        if (importer.includes('/node_modules/')) return null
        // A `x.node.ts` beside `x.ts` takes its place in this build (src/core/sha256.node.ts).
        const ts = path.replace(/\.js$/, '.ts')
        // …except for the `x.node.ts` itself, which imports `./x.js` to extend it.
        for (const candidate of [ts.replace(/\.ts$/, '.node.ts'), ts, path, `${path}.ts`, join(path, 'index.ts')])
          if (candidate !== importer && existsSync(candidate)) return candidate
        return null
      }
      // Resolved from the repository, with Node's conditions for ESM (import, node, default).
      if (INLINED.test(source)) return fileURLToPath(import.meta.resolve(source))
      return null
    },
    async transform(code, id) {
      if (!id.endsWith('.ts')) return null
      const result = await transform(code, { loader: 'ts', target: 'node20', format: 'esm', sourcefile: id })
      return { code: result.code, map: null }
    },
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const start = performance.now()
  await buildNode()
  console.log(`dist/${NODE_BUILD}: built in ${Math.round(performance.now() - start)} ms`)
}
