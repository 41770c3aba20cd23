import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { entryPoints, expectedExports, outOfSync } from '../../scripts/generate-entries.mjs'

/**
 * src/index.ts and package.json's exports, typesVersions and bin are generated from commands/ (and
 * the entry sources) by scripts/generate-entries.mjs; tsup builds the same list. Adding a command
 * without `npm run generate` must fail here.
 */
const root = fileURLToPath(new URL('../..', import.meta.url))

describe('generated entry points', () => {
  it('package.json and src/index.ts are what `npm run generate` writes', () => {
    expect(outOfSync(root).map(([path]) => path)).toEqual([])
  })

  it('a command file added without regenerating is caught', () => {
    const copy = mkdtempSync(join(tmpdir(), 's3kit-entries-'))
    try {
      for (const dir of ['commands', 'src', 'codecs']) cpSync(join(root, dir), join(copy, dir), { recursive: true })
      cpSync(join(root, 'package.json'), join(copy, 'package.json'))
      symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'))
      expect(outOfSync(copy)).toEqual([])
      writeFileSync(join(copy, 'commands', 'NotACommandYet.ts'), 'export {}\n')
      const stale = outOfSync(copy).map(([path]) => path)
      expect(stale).toEqual(['package.json', 'src/index.ts'])
      expect(expectedExports(copy)['./commands/NotACommandYet']).toBeDefined()
    } finally {
      rmSync(copy, { recursive: true, force: true })
    }
  })

  it('every export has a node build and a browser build, with the same declarations', () => {
    const entries = entryPoints(root)
    expect(entries.map((e) => e.subpath)).toEqual(
      expect.arrayContaining(['.', './core', './helpers', './node', './commands/PutObject']),
    )
    for (const [subpath, target] of Object.entries(expectedExports(root))) {
      if (subpath === './package.json') continue
      expect(Object.keys(target)).toEqual(['node', 'import', 'require'])
      expect(target.node.import.types).toBe(target.import.types)
      expect(target.node.require.types).toBe(target.require.types)
      expect(target.node.import.default).toMatch(/^\.\/dist\/bundled\//)
      expect(target.import.default).not.toMatch(/bundled/)
    }
  })
})
