import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { root } from '../runtimes/bundle.js'

/**
 * The package as npm would publish it: `npm pack` of the built tree (scripts/test.sh builds first),
 * linted with publint and @arethetypeswrong/cli, and installed into a scratch consumer that
 * TypeScript checks under each module resolution a user may have.
 */

const run = promisify(execFile)
let work: string
let tarball: string
let packedFiles: string[]
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> }

beforeAll(async () => {
  // Inside the repository so the consumer finds s3kit's own dependencies (zod, …) by walking up.
  mkdirSync(join(root, 'test-results'), { recursive: true })
  work = mkdtempSync(join(root, 'test-results', 'packaging-'))
  // --ignore-scripts: no prepack rebuild; the test checks what was built.
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: root })
  const [packed] = JSON.parse(stdout) as [{ filename: string; files: { path: string }[] }]
  tarball = join(work, packed.filename)
  packedFiles = packed.files.map((f) => f.path).sort()
  const installed = join(work, 'consumer', 'node_modules', 's3kit')
  mkdirSync(installed, { recursive: true })
  await run('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1'])
})

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

describe('npm pack', () => {
  test('ships only what users need: dist/, README, LICENSE, package.json', () => {
    const outside = packedFiles.filter(
      (path) => !path.startsWith('dist/') && !['README.md', 'LICENSE', 'package.json'].includes(path),
    )
    expect(outside).toEqual([])
    expect(packedFiles).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'package.json',
        'dist/index.js',
        'dist/index.cjs',
        'dist/index.d.ts',
        'dist/index.d.cts',
      ]),
    )
    // No source maps, tests or TypeScript sources slipped into dist/.
    expect(packedFiles.filter((path) => /\.map$|\.test\.|(?<!\.d)\.c?ts$/.test(path))).toEqual([])
  })

  test('every export target is in the tarball', () => {
    const targets = Object.values(pkg.exports).flatMap((entry) => collectTargets(entry))
    expect(targets.length).toBeGreaterThan(4)
    expect(targets.map((t) => t.replace(/^\.\//, '')).filter((t) => !packedFiles.includes(t))).toEqual([])
  })

  test('the bin is in the tarball and starts with its #! line', () => {
    const bin = (pkg as { bin?: Record<string, string> }).bin ?? {}
    for (const target of Object.values(bin)) {
      const path = target.replace(/^\.\//, '')
      expect(packedFiles).toContain(path)
      expect(readFileSync(join(root, path), 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node')
    }
  })

  test('publint reports nothing, suggestions included', async () => {
    const { messages, pkg: linted } = await publint({
      pack: { tarball: readFileSync(tarball).buffer as ArrayBuffer },
      level: 'suggestion',
      strict: true,
    })
    expect(messages.map((m) => `${m.type}: ${formatMessage(m, linted) ?? m.code}`)).toEqual([])
  })

  test('@arethetypeswrong/cli reports no problem for any entry point or resolution', async () => {
    const attw = join(root, 'node_modules', '.bin', 'attw')
    // 64 entries × 4 resolutions: the JSON report is several MiB.
    const { stdout } = await run(attw, [tarball, '--format', 'json'], { maxBuffer: 256 << 20 }).catch(
      (error: { stdout?: string }) => ({
        stdout: error.stdout ?? '',
      }),
    )
    const report = JSON.parse(stdout) as { analysis: { problems: unknown[]; entrypoints: Record<string, unknown> } }
    expect(Object.keys(report.analysis.entrypoints)).toEqual(
      expect.arrayContaining(Object.keys(pkg.exports).filter((e) => e !== './package.json')),
    )
    expect(report.analysis.problems).toEqual([])
  })
})

// A consumer of the installed tarball. The @ts-expect-error lines fail the check if the types
// were missing or `any`: the declarations must really be found and really be precise.
const consumer =
  `
import { createClient, send, S3Error, type Client } from 's3kit'
import { GetObject, type GetObjectOutput } from 's3kit/commands/GetObject'
import { PutObject, type PutObjectOutput } from 's3kit/commands/PutObject'

const client: Client = createClient({ endpoint: 'http://127.0.0.1:7480', credentials: { accessKeyId: 'a', ` +
  `secretAccessKey: 'b' } })

export async function roundTrip(): Promise<string> {
  const put: PutObjectOutput = await send(client, PutObject({ Bucket: 'b', Key: 'k', Body: new Blob(['x']) }))
  const got: GetObjectOutput = await send(client, GetObject({ Bucket: 'b', Key: 'k', IfMatch: put.ETag }))
  const size: number | undefined = got.ContentLength
  // @ts-expect-error Bucket is required
  GetObject({ Key: 'k' })
  // @ts-expect-error ETag is a string, not a number
  const wrong: number = put.ETag
  return \`\${await got.Body.text()} \${size} \${wrong}\`
}

export function codeOf(error: unknown): string | undefined {
  return error instanceof S3Error ? error.code : undefined
}
`

const modes = [
  { name: 'bundler', module: 'preserve', moduleResolution: 'bundler', file: 'consumer.ts', type: 'module' },
  { name: 'node16 (ESM)', module: 'node16', moduleResolution: 'node16', file: 'consumer.ts', type: 'module' },
  { name: 'node16 (CommonJS)', module: 'node16', moduleResolution: 'node16', file: 'consumer.cts', type: 'module' },
  { name: 'nodenext (ESM)', module: 'nodenext', moduleResolution: 'nodenext', file: 'consumer.ts', type: 'module' },
  {
    name: 'nodenext (CommonJS)',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    file: 'consumer.ts',
    type: 'commonjs',
  },
  // Older setups ("moduleResolution": "node") ignore exports; typesVersions maps the subpaths.
  // (esModuleInterop, as `tsc --init` sets it: zod's own CJS declarations need it there.)
  {
    name: 'node10',
    module: 'commonjs',
    moduleResolution: 'node10',
    file: 'consumer.ts',
    type: 'commonjs',
    esModuleInterop: true,
  },
] as const

describe('TypeScript consumers of the packed package', () => {
  test.each(modes)('type-checks under moduleResolution $name', async (mode) => {
    const dir = join(work, 'consumer')
    const name = mode.name.replace(/\W+/g, '-')
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: mode.type }))
    const file = join(dir, `${name}-${mode.file}`)
    writeFileSync(file, consumer)
    const tsconfig = join(dir, `tsconfig.${name}.json`)
    writeFileSync(
      tsconfig,
      JSON.stringify({
        compilerOptions: {
          module: mode.module,
          moduleResolution: mode.moduleResolution,
          target: 'es2022',
          lib: ['es2022', 'dom'],
          types: [],
          strict: true,
          noEmit: true,
          // s3kit's own declarations are checked too, not skipped.
          skipLibCheck: false,
          ...('esModuleInterop' in mode ? { esModuleInterop: mode.esModuleInterop } : {}),
        },
        files: [file],
      }),
    )
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')
    const result = await run(process.execPath, [tsc, '-p', tsconfig, '--traceResolution'], {
      cwd: dir,
      maxBuffer: 64 << 20,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? String(error), failed: true }))
    const errors = result.stdout.split('\n').filter((line) => /error TS\d+/.test(line))
    expect(errors).toEqual([])
    // It was the installed tarball that TypeScript read, not the repository's own dist/.
    expect(result.stdout).toMatch(
      new RegExp(
        String.raw`Module name 's3kit\/commands\/GetObject' was successfully resolved to ` +
          String.raw`'[^']*test-results\/packaging-[^/]+\/consumer\/node_modules\/s3kit\/dist\/` +
          String.raw`commands\/GetObject\.d\.c?ts'`,
      ),
    )
  })
})

function collectTargets(entry: unknown): string[] {
  if (typeof entry === 'string') return [entry]
  if (entry && typeof entry === 'object') return Object.values(entry).flatMap(collectTargets)
  return []
}
