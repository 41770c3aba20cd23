import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/**
 * What Node really loads for `import { PutObject } from 's3kit/commands/PutObject'`: the built
 * package (dist/, which scripts/test.sh builds before the tests) imported by its own name, with a
 * module hook recording every file loaded. Node takes the `node` export condition: dist/bundled/,
 * where zod and aws4fetch are inlined in a few shared chunks (scripts/build-node.mjs). A
 * body-carrying command must not pull in `mime` (the Node file helpers' dependency), zod or the XML
 * codec: its cold start pays for each file and each byte.
 */
const root = fileURLToPath(new URL('../..', import.meta.url))
let scratch: string

function loadedBy(source: string, type: 'module' | 'commonjs'): string[] {
  const log = join(scratch, `${Math.random().toString(36).slice(2)}.log`)
  writeFileSync(log, '')
  const args =
    type === 'module'
      ? ['--import', pathToFileURL(join(scratch, 'register.mjs')).href, '--input-type=module', '-e', source]
      : ['--input-type=commonjs', '-e', source]
  const out = execFileSync(process.execPath, args, {
    cwd: root,
    env: { ...process.env, S3KIT_LOADED_LOG: log },
    encoding: 'utf8',
  })
  return type === 'module'
    ? readFileSync(log, 'utf8').split('\n').filter(Boolean)
    : (JSON.parse(out) as string[]).map((file) => pathToFileURL(file).href)
}

/** Package files (not Node built-ins), s3kit's own files, and whether those hold zod or the XML reader. */
function summary(urls: string[]) {
  const files = [...new Set(urls.filter((url) => url.startsWith('file:')))]
  const packages = [
    ...new Set(files.flatMap((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1] ?? [])),
  ].sort()
  const own = files.filter((url) => url.includes('/dist/'))
  const text = own.map((url) => readFileSync(fileURLToPath(url), 'utf8'))
  const xmlCodec = text.some((code) => /function readXml\(|XMLParser/.test(code))
  const zod = packages.includes('zod') || text.some((code) => /ZodMini/.test(code))
  return { packages, own, xmlCodec, zod }
}

describe('what a command entry loads in Node', () => {
  beforeAll(() => {
    if (!existsSync(join(root, 'dist/bundled/commands/PutObject.js')))
      throw new Error('dist/ is missing: run `npx tsup --silent` first (scripts/test.sh does)')
    scratch = mkdtempSync(join(tmpdir(), 's3kit-imports-'))
    writeFileSync(
      join(scratch, 'hooks.mjs'),
      "import { appendFileSync } from 'node:fs'\nexport async function load(url, context, " +
        "next) {\n  appendFileSync(process.env.S3KIT_LOADED_LOG, url + '\\n')\n  return next(url, " +
        'context)\n}\n',
    )
    writeFileSync(
      join(scratch, 'register.mjs'),
      "import { register } from 'node:module'\nregister('./hooks.mjs', import.meta.url)\n",
    )
  })
  afterAll(() => rmSync(scratch, { recursive: true, force: true }))

  it('PutObject (ESM) loads neither mime, zod nor the XML codec', () => {
    const { packages, own, xmlCodec, zod } = summary(
      loadedBy(
        "const { PutObject } = await import('s3kit/commands/PutObject'); PutObject({ Bucket: 'b-1', " +
          "Key: 'k', Body: 'x' })",
        'module',
      ),
    )
    expect(own.some((url) => url.endsWith('/dist/bundled/commands/PutObject.js'))).toBe(true)
    expect(packages).toEqual([])
    expect(xmlCodec).toBe(false)
    expect(zod).toBe(false)
  })

  it('PutObject (CommonJS) loads neither mime nor the XML codec', () => {
    const { packages, own, xmlCodec } = summary(
      loadedBy(
        "require('s3kit/commands/PutObject'); console.log(JSON.stringify(Object.keys(require.cache)))",
        'commonjs',
      ),
    )
    expect(own.some((url) => url.endsWith('/dist/bundled/commands/PutObject.cjs'))).toBe(true)
    expect(packages).toEqual([])
    expect(xmlCodec).toBe(false)
  })

  it('GetObject loads no XML codec either; CopyObject, which reads XML, does', () => {
    expect(summary(loadedBy("await import('s3kit/commands/GetObject')", 'module'))).toMatchObject({ xmlCodec: false })
    // The check can see the codec when it is there.
    expect(summary(loadedBy("await import('s3kit/commands/CopyObject')", 'module'))).toMatchObject({ xmlCodec: true })
  })

  it(
    's3kit/core with PutObject and GetObject, the cold-start path for Node, loads a few files and no zod, ' +
      'XML codec or mime',
    () => {
      const { packages, own, xmlCodec, zod } = summary(
        loadedBy(
          "const { createClient, send } = await import('s3kit/core'); const { PutObject } = await " +
            "import('s3kit/commands/PutObject'); await import('s3kit/commands/GetObject'); createClient({ " +
            "credentials: { accessKeyId: 'a', secretAccessKey: 'b' } }); PutObject({ Bucket: 'b-1', Key: 'k', " +
            "Body: 'x' }); if (typeof send !== 'function') throw new Error('no send')",
          'module',
        ),
      )
      expect(own.some((url) => url.endsWith('/dist/bundled/core.js'))).toBe(true)
      // aws4fetch is inside the build; the three entries re-export from one shared chunk.
      expect(packages).toEqual([])
      expect(own.length).toBeLessThanOrEqual(5)
      expect(xmlCodec).toBe(false)
      expect(zod).toBe(false)
      // The root entry, by contrast, loads every command and so zod and the codec (the check can see
      // them), still in a handful of files and no package.
      const rootLoad = summary(loadedBy("await import('s3kit')", 'module'))
      expect(rootLoad.zod).toBe(true)
      expect(rootLoad.xmlCodec).toBe(true)
      expect(rootLoad.packages).toEqual([])
      expect(rootLoad.own.length).toBeLessThanOrEqual(8)
    },
  )

  it('s3kit/node loads mime only when putFile has a type to guess', () => {
    expect(summary(loadedBy("await import('s3kit/node')", 'module')).packages).not.toContain('mime')
    const guessed = summary(
      loadedBy(
        "const { putFile } = await import('s3kit/node'); const { createClient } = await import('s3kit'); " +
          "await putFile(createClient({ endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: 'a', " +
          "secretAccessKey: 'b' }, retry: { maxAttempts: 1 } }), { Bucket: 'b-1', Key: 'k', " +
          "path: 'package.json' }).catch(() => {})",
        'module',
      ),
    )
    expect(guessed.packages).toContain('mime')
  })

  it('every entry shares one S3Error class and one client, in ESM and in CommonJS', () => {
    const esm = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const a = await import('s3kit'); const b = await import('s3kit/core'); const h = await " +
          "import('s3kit/helpers'); console.log(a.S3Error === b.S3Error && a.send === b.send && a.upload === " +
          'h.upload)',
      ],
      { cwd: root, encoding: 'utf8' },
    )
    const cjs = execFileSync(
      process.execPath,
      [
        '--input-type=commonjs',
        '-e',
        "const a = require('s3kit'); const b = require('s3kit/core'); const h = require('s3kit/helpers'); " +
          'console.log(a.S3Error === b.S3Error && a.send === b.send && a.upload === h.upload)',
      ],
      { cwd: root, encoding: 'utf8' },
    )
    expect([esm.trim(), cjs.trim()]).toEqual(['true', 'true'])
  })

  it('browser bundlers get the unbundled build, whose dependencies they dedupe with the app', async () => {
    const result = await build({
      stdin: { contents: "export { createClient, send, ListObjectsV2 } from 's3kit'", resolveDir: root, loader: 'ts' },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      metafile: true,
      logLevel: 'silent',
    })
    const inputs = Object.keys(result.metafile.inputs)
    expect(inputs.some((file) => file.includes('dist/bundled/'))).toBe(false)
    expect(inputs.some((file) => /node_modules\/zod\//.test(file))).toBe(true)
    expect(inputs.some((file) => /node_modules\/aws4fetch\//.test(file))).toBe(true)
  })
})
