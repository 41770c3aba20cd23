import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/**
 * What Node really loads for `import { PutObject } from 's3kit/commands/PutObject'`: the built
 * package (dist/, which scripts/test.sh builds before the tests) imported by its own name, with a
 * module hook recording every file loaded. A body-carrying command must not pull in `mime` (the
 * Node file helpers' dependency) or the XML codec: its bundle and its cold start pay for both.
 */
const root = fileURLToPath(new URL('../..', import.meta.url))
let scratch: string

function loadedBy(source: string, type: 'module' | 'commonjs'): string[] {
  const log = join(scratch, `${Math.random().toString(36).slice(2)}.log`)
  writeFileSync(log, '')
  const args = type === 'module' ? ['--import', pathToFileURL(join(scratch, 'register.mjs')).href, '--input-type=module', '-e', source] : ['--input-type=commonjs', '-e', source]
  const out = execFileSync(process.execPath, args, { cwd: root, env: { ...process.env, S3KIT_LOADED_LOG: log }, encoding: 'utf8' })
  return type === 'module' ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : (JSON.parse(out) as string[]).map((file) => pathToFileURL(file).href)
}

/** Package files (not Node built-ins) and whether any loaded s3kit file holds the XML reader. */
function summary(urls: string[]) {
  const files = urls.filter((url) => url.startsWith('file:'))
  const packages = [...new Set(files.flatMap((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? []))].sort()
  const own = files.filter((url) => url.includes('/dist/'))
  const xmlCodec = own.some((url) => /function readXml\(|XMLParser/.test(readFileSync(fileURLToPath(url), 'utf8')))
  return { packages, own, xmlCodec }
}

describe('what a command entry loads in Node', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'dist/commands/PutObject.js'))) throw new Error('dist/ is missing: run `npx tsup --silent` first (scripts/test.sh does)')
    scratch = mkdtempSync(join(tmpdir(), 's3kit-imports-'))
    writeFileSync(
      join(scratch, 'hooks.mjs'),
      "import { appendFileSync } from 'node:fs'\nexport async function load(url, context, next) {\n  appendFileSync(process.env.S3KIT_LOADED_LOG, url + '\\n')\n  return next(url, context)\n}\n",
    )
    writeFileSync(join(scratch, 'register.mjs'), "import { register } from 'node:module'\nregister('./hooks.mjs', import.meta.url)\n")
  })
  afterAll(() => rmSync(scratch, { recursive: true, force: true }))

  it('PutObject (ESM) loads neither mime nor the XML codec', () => {
    const { packages, own, xmlCodec } = summary(loadedBy("const { PutObject } = await import('s3kit/commands/PutObject'); PutObject({ Bucket: 'b-1', Key: 'k', Body: 'x' })", 'module'))
    expect(own.some((url) => url.endsWith('/dist/commands/PutObject.js'))).toBe(true)
    expect(packages).not.toContain('mime')
    expect(packages).not.toContain('fast-xml-parser')
    expect(packages).not.toContain('zod')
    expect(xmlCodec).toBe(false)
  })

  it('PutObject (CommonJS) loads neither mime nor the XML codec', () => {
    const { packages, own, xmlCodec } = summary(loadedBy("require('s3kit/commands/PutObject'); console.log(JSON.stringify(Object.keys(require.cache)))", 'commonjs'))
    expect(own.some((url) => url.endsWith('/dist/commands/PutObject.cjs'))).toBe(true)
    expect(packages).not.toContain('mime')
    expect(packages).not.toContain('fast-xml-parser')
    expect(xmlCodec).toBe(false)
  })

  it('GetObject loads no XML codec either; CopyObject, which reads XML, does', () => {
    expect(summary(loadedBy("await import('s3kit/commands/GetObject')", 'module'))).toMatchObject({ xmlCodec: false })
    // The check can see the codec when it is there.
    expect(summary(loadedBy("await import('s3kit/commands/CopyObject')", 'module'))).toMatchObject({ xmlCodec: true })
  })

  it('s3kit/core with PutObject and GetObject, the cold-start path for Node, loads no zod, XML codec or mime', () => {
    const { packages, own, xmlCodec } = summary(
      loadedBy(
        "const { createClient, send } = await import('s3kit/core'); const { PutObject } = await import('s3kit/commands/PutObject'); await import('s3kit/commands/GetObject'); createClient({ credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }); PutObject({ Bucket: 'b-1', Key: 'k', Body: 'x' }); if (typeof send !== 'function') throw new Error('no send')",
        'module',
      ),
    )
    expect(own.some((url) => url.endsWith('/dist/core.js'))).toBe(true)
    expect(packages).toEqual(['aws4fetch'])
    expect(xmlCodec).toBe(false)
    // The root entry, by contrast, loads every command and so zod and the codec: the check can see them.
    const rootLoad = summary(loadedBy("await import('s3kit')", 'module'))
    expect(rootLoad.packages).toContain('zod')
    expect(rootLoad.xmlCodec).toBe(true)
  })

  it('s3kit/node loads mime only when putFile has a type to guess', () => {
    expect(summary(loadedBy("await import('s3kit/node')", 'module')).packages).not.toContain('mime')
    const guessed = summary(
      loadedBy(
        "const { putFile } = await import('s3kit/node'); const { createClient } = await import('s3kit'); await putFile(createClient({ endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, retry: { maxAttempts: 1 } }), { Bucket: 'b-1', Key: 'k', path: 'package.json' }).catch(() => {})",
        'module',
      ),
    )
    expect(guessed.packages).toContain('mime')
  })
})
