import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

/**
 * The layers of DESIGN.md, lowest first. A file may import from its own layer or a lower one,
 * never from a higher one: data flows one way, and the core stays free of commands and helpers.
 * The root entry files (src/index.ts, and src/index.node.ts for Node) sit on top of them all.
 */
const LAYERS = ['src/core', 'codecs', 'commands', 'src/helpers', 'src/node', 'src/cli'] as const

const root = fileURLToPath(new URL('../..', import.meta.url))

function layerOf(file: string): number {
  const path = relative(root, file)
  if (path === 'src/index.ts' || path === 'src/index.node.ts') return LAYERS.length
  const index = LAYERS.findIndex((layer) => path === layer || path.startsWith(`${layer}/`))
  if (index < 0) throw new Error(`${path} is in no layer: put it in one of ${LAYERS.join(', ')}`)
  return index
}

/** Every relative import (static, re-export or dynamic) of a TypeScript source. */
function importsOf(source: string): string[] {
  return [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s*)['"](\.{1,2}\/[^'"]+)['"]/gm)].map(
    (m) => m[1]!,
  )
}

/** The imports of `file` that point to a higher layer, as "from → to" lines. */
function upwardImports(file: string, source: string): string[] {
  const own = layerOf(file)
  return importsOf(source)
    .map((specifier) => resolve(dirname(file), specifier.replace(/\.js$/, '.ts')))
    .filter((target) => layerOf(target) > own)
    .map(
      (target) =>
        `${relative(root, file)} → ${relative(root, target)} (${LAYERS[own]} may not import ` +
        `${LAYERS[layerOf(target)] ?? 'the entry'})`,
    )
}

function sources(dir: string): string[] {
  let found: string[] = []
  try {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) found = found.concat(sources(path))
      else if (name.endsWith('.ts')) found.push(path)
    }
  } catch {
    // A layer that has no files yet.
  }
  return found
}

describe('layers', () => {
  it('import one way only: core ← codecs ← commands ← helpers ← node ← cli', () => {
    const files = ['src', 'codecs', 'commands'].flatMap((dir) => sources(join(root, dir)))
    expect(files.length).toBeGreaterThan(50)
    const violations = files.flatMap((file) => upwardImports(file, readFileSync(file, 'utf8')))
    expect(violations).toEqual([])
  })

  it('catches an upward import, static, re-exported or dynamic', () => {
    const core = join(root, 'src/core/send.ts')
    expect(upwardImports(core, "import { PutObject } from '../../commands/PutObject.js'")).toHaveLength(1)
    expect(upwardImports(core, "export { upload } from '../helpers/upload.js'")).toHaveLength(1)
    expect(upwardImports(core, "const m = await import('../../codecs/xml.js')")).toHaveLength(1)
    expect(upwardImports(join(root, 'commands/PutObject.ts'), "import { send } from '../src/core/send.js'")).toEqual([])
  })

  it('puts every source file in a layer', () => {
    expect(() => layerOf(join(root, 'src/misc.ts'))).toThrow(/in no layer/)
  })
})
