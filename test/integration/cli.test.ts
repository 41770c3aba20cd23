import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  CreateBucket,
  deleteBucket,
  headObjectOrNull,
  ListMultipartUploads,
  ListObjectsV2,
  PutObject,
  send,
} from '../../src/index.js'
import { cliEnv, cliPath, finished, s3kit, start } from './cli-run.js'
import { server, testClient, uniqueBucket } from './env.js'

// The built `s3kit` executable (package.json's bin), run as a user runs it, against the real
// server: exit codes, output, the files and objects it leaves, and what it leaves behind when
// interrupted.

const client = testClient()
const MiB = 2 ** 20
let bucket: string
let dir: string

beforeAll(async () => {
  bucket = uniqueBucket('cli')
  await send(client, CreateBucket({ Bucket: bucket }))
  dir = await mkdtemp(join(tmpdir(), 's3kit-cli-'))
})

afterAll(async () => {
  await deleteBucket(client, bucket, { force: true })
  await rm(dir, { recursive: true, force: true })
})

/** Every file under `root`, by relative path, with its bytes. */
async function tree(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    files[relative(root, path)] = (await readFile(path)).toString('base64')
  }
  return files
}

async function keys(prefix: string): Promise<string[]> {
  const { Contents } = await send(client, ListObjectsV2({ Bucket: bucket, Prefix: prefix }))
  return Contents.map((object) => object.Key)
}

describe('ls', () => {
  test('lists buckets and keys, and --json is one parseable array with exact sizes', async () => {
    await send(client, PutObject({ Bucket: bucket, Key: 'ls/a.txt', Body: 'x'.repeat(1536) }))
    await send(client, PutObject({ Bucket: bucket, Key: 'ls/sub/b.txt', Body: 'bb' }))

    const buckets = await s3kit(['ls', '--json'])
    expect(buckets.code, buckets.stderr).toBe(0)
    expect((JSON.parse(buckets.stdout) as { Name: string }[]).map((b) => b.Name)).toContain(bucket)

    const level = await s3kit(['ls', `s3://${bucket}/ls/`])
    expect(level.code, level.stderr).toBe(0)
    expect(level.stdout).toMatch(/^ +PRE sub\/$/m)
    expect(level.stdout).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d +1\.5 KiB a\.txt$/m)

    const all = await s3kit(['ls', '--recursive', '--json', `s3://${bucket}/ls/`])
    expect(all.code, all.stderr).toBe(0)
    const entries = JSON.parse(all.stdout) as { Key: string; Size: number; LastModified: string; ETag: string }[]
    expect(entries.map(({ Key, Size }) => ({ Key, Size }))).toEqual([
      { Key: 'ls/a.txt', Size: 1536 },
      { Key: 'ls/sub/b.txt', Size: 2 },
    ])
    expect(new Date(entries[0]!.LastModified).toISOString()).toBe(entries[0]!.LastModified)

    const empty = await s3kit(['ls', '--json', `s3://${bucket}/nothing-here/`])
    expect(JSON.parse(empty.stdout)).toEqual([])
  })
})

describe('cp, cat, stat, presign, mv, rm', () => {
  test('a file goes up in parts and comes back byte for byte, with the flags on the object', async () => {
    const source = join(dir, 'big.bin')
    const bytes = randomBytes(12 * MiB + 123)
    await writeFile(source, bytes)
    const up = await s3kit([
      'cp',
      '--no-progress',
      '--part-size',
      '5',
      '--content-type',
      'application/x-test',
      '--storage-class',
      'STANDARD_IA',
      '--metadata',
      'owner=cli',
      '--metadata',
      'note=a=b',
      source,
      `s3://${bucket}/cp/`,
    ])
    expect(up.code, up.stderr).toBe(0)
    expect(up.stdout).toBe(`upload: ${source} to s3://${bucket}/cp/big.bin\n`)

    const info = await s3kit(['stat', '--json', `s3://${bucket}/cp/big.bin`])
    expect(info.code, info.stderr).toBe(0)
    expect(JSON.parse(info.stdout)).toMatchObject({
      ContentLength: bytes.length,
      ETag: expect.stringMatching(/-3"$/), // three parts of 5 MiB, 5 MiB and the rest
      ContentType: 'application/x-test',
      StorageClass: 'STANDARD_IA',
      Metadata: { owner: 'cli', note: 'a=b' },
    })

    const copy = join(dir, 'big.copy')
    const down = await s3kit(['cp', `s3://${bucket}/cp/big.bin`, copy])
    expect(down.code, down.stderr).toBe(0)
    expect((await readFile(copy)).equals(bytes)).toBe(true)

    const viaCat = await new Promise<Buffer>((resolve, reject) =>
      execFile(
        process.execPath,
        [cliPath(), 'cat', `s3://${bucket}/cp/big.bin`],
        { env: cliEnv(), encoding: 'buffer', maxBuffer: 64 * MiB },
        (error, stdout) => (error ? reject(error) : resolve(stdout)),
      ),
    )
    expect(viaCat.equals(bytes)).toBe(true)
  })

  test('stdin to S3 and S3 to stdout, S3 to S3, and a presigned URL that works without credentials', async () => {
    const piped = await s3kit(['cp', '-', `s3://${bucket}/stdio/in.txt`], { input: 'from stdin\n' })
    expect(piped.code, piped.stderr).toBe(0)
    const out = await s3kit(['cp', `s3://${bucket}/stdio/in.txt`, '-'])
    expect(out).toMatchObject({ code: 0, stdout: 'from stdin\n' })

    const copied = await s3kit([
      'cp',
      '--content-type',
      'text/x-copied',
      `s3://${bucket}/stdio/in.txt`,
      `s3://${bucket}/stdio/copied.txt`,
    ])
    expect(copied.code, copied.stderr).toBe(0)
    const head = await headObjectOrNull(client, { Bucket: bucket, Key: 'stdio/copied.txt' })
    expect(head?.ContentType).toBe('text/x-copied')

    const url = await s3kit(['presign', '--expires-in', '60', `s3://${bucket}/stdio/copied.txt`])
    expect(url.code, url.stderr).toBe(0)
    expect(url.stdout).toMatch(/X-Amz-Expires=60&/)
    const response = await fetch(url.stdout.trim())
    expect(await response.text()).toBe('from stdin\n')
  })

  test('mv removes each source only after its copy, and rm --recursive empties a prefix', async () => {
    const file = join(dir, 'moving.txt')
    await writeFile(file, 'moving')
    const moved = await s3kit(['mv', file, `s3://${bucket}/mv/moving.txt`])
    expect(moved.code, moved.stderr).toBe(0)
    expect(moved.stdout).toBe(`move: ${file} to s3://${bucket}/mv/moving.txt\n`)
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' })
    const again = await s3kit(['mv', `s3://${bucket}/mv/moving.txt`, `s3://${bucket}/mv/moved.txt`])
    expect(again.code, again.stderr).toBe(0)
    expect(await keys('mv/')).toEqual(['mv/moved.txt'])

    const dry = await s3kit(['rm', '--recursive', '--dryrun', `s3://${bucket}/mv/`])
    expect(dry.stdout).toBe(`(dryrun) delete: s3://${bucket}/mv/moved.txt\n`)
    expect(await keys('mv/')).toEqual(['mv/moved.txt'])
    const removed = await s3kit(['rm', '--recursive', `s3://${bucket}/mv/`])
    expect(removed.code, removed.stderr).toBe(0)
    expect(await keys('mv/')).toEqual([])
  })
})

describe('sync', () => {
  test(
    'round-trips a directory tree byte for byte, copies only what changed, ' + 'and --delete removes what is gone',
    async () => {
      const source = join(dir, 'tree')
      await mkdir(join(source, 'deep/er/est'), { recursive: true })
      await writeFile(join(source, 'top.txt'), 'top')
      await writeFile(join(source, 'empty'), '')
      await writeFile(join(source, 'deep/naïve café.txt'), 'unicode names')
      await writeFile(join(source, 'deep/er/est/large.bin'), randomBytes(9 * MiB))
      await writeFile(join(source, 'deep/er/gone.txt'), 'to be deleted')

      const up = await s3kit(['sync', '--no-progress', source, `s3://${bucket}/sync`])
      expect(up.code, up.stderr).toBe(0)
      expect(up.stdout.trim().split('\n').sort()).toEqual(
        ['deep/er/est/large.bin', 'deep/er/gone.txt', 'deep/naïve café.txt', 'empty', 'top.txt'].map(
          (name) => `upload: ${join(source, name)} to s3://${bucket}/sync/${name}`,
        ),
      )
      const back = join(dir, 'back')
      const down = await s3kit(['sync', `s3://${bucket}/sync/`, back])
      expect(down.code, down.stderr).toBe(0)
      expect(await tree(back)).toEqual(await tree(source))

      // Nothing changed: nothing is copied either way.
      expect(await s3kit(['sync', source, `s3://${bucket}/sync`])).toMatchObject({ code: 0, stdout: '' })
      expect(await s3kit(['sync', `s3://${bucket}/sync`, back])).toMatchObject({ code: 0, stdout: '' })

      // One file changed (same size, later time), one removed.
      await writeFile(join(source, 'top.txt'), 'TOP')
      const later = new Date(Date.now() + 5_000)
      await utimes(join(source, 'top.txt'), later, later)
      await rm(join(source, 'deep/er/gone.txt'))
      const dry = await s3kit(['sync', '--delete', '--dryrun', source, `s3://${bucket}/sync`])
      expect(dry.stdout.split('\n').sort()).toEqual([
        '',
        `(dryrun) delete: s3://${bucket}/sync/deep/er/gone.txt`,
        `(dryrun) upload: ${join(source, 'top.txt')} to s3://${bucket}/sync/top.txt`,
      ])
      expect(await keys('sync/deep/er/gone')).toEqual(['sync/deep/er/gone.txt'])
      expect(await s3kit(['sync', '--delete', source, `s3://${bucket}/sync`])).toMatchObject({ code: 0 })
      const again = await s3kit(['sync', '--delete', `s3://${bucket}/sync`, back])
      expect(again.code, again.stderr).toBe(0)
      expect(again.stdout.split('\n').sort()).toEqual([
        '',
        `delete: ${join(back, 'deep/er/gone.txt')}`,
        `download: s3://${bucket}/sync/top.txt to ${join(back, 'top.txt')}`,
      ])
      expect(await tree(back)).toEqual(await tree(source))
    },
  )
})

describe('in a terminal', () => {
  /** Runs `s3kit args…` on a pseudo-terminal (`script`) and returns everything written to it. */
  async function onTerminal(args: string[]): Promise<{ code: number | null; screen: string }> {
    const typescript = join(dir, `typescript-${args[0]}`)
    const quoted = args.map((arg) => `'${arg}'`).join(' ')
    const command = `stty cols 120 rows 20; '${process.execPath}' '${cliPath()}' ${quoted}`
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = execFile(
        'script',
        ['-qfec', command, typescript],
        { env: { ...cliEnv(), TERM: 'xterm' } },
        (error) => (error && typeof error.code !== 'number' ? reject(error) : resolve(child.exitCode)),
      )
    })
    return { code, screen: await readFile(typescript, 'utf8') }
  }

  test('cp shows a progress bar with bytes, rate and ETA, uploading in parts and downloading in ranges', async () => {
    const source = join(dir, 'progress.bin')
    const bytes = randomBytes(12 * MiB)
    await writeFile(source, bytes)
    const up = await onTerminal(['cp', '--part-size', '5', source, `s3://${bucket}/tty/progress.bin`])
    expect(up.code).toBe(0)
    expect(up.screen).toMatch(/█+ 100% \| 12 MiB\/12 MiB \| [\d.]+ (KiB|MiB|GiB)\/s \| ETA 0:00 \| /)
    expect(up.screen).toContain(`upload: ${source} to s3://${bucket}/tty/progress.bin`)
    expect(up.screen).toContain('\x1b[?25h') // the cursor is shown again
    const head = await headObjectOrNull(client, { Bucket: bucket, Key: 'tty/progress.bin' })
    expect(head?.ETag).toMatch(/-3"$/)

    const target = join(dir, 'progress.back')
    const down = await onTerminal(['cp', '--part-size', '5', `s3://${bucket}/tty/progress.bin`, target])
    expect(down.code).toBe(0)
    expect(down.screen).toMatch(
      /█+ 100% \| 12 MiB\/12 MiB \| [\d.]+ (KiB|MiB|GiB)\/s \| ETA 0:00 \| tty\/progress\.bin/,
    )
    expect(down.screen).toContain(`download: s3://${bucket}/tty/progress.bin to ${target}`)
    expect((await readFile(target)).equals(bytes)).toBe(true)
  })
})

describe('exit codes and errors', () => {
  test('S3 errors exit 1 with one line: the code, the message and what to do', async () => {
    const missing = await s3kit(['cat', `s3://${bucket}/no/such/key`])
    expect(missing.code).toBe(1)
    expect(missing.stdout).toBe('')
    expect(missing.stderr).toMatch(/^s3kit: GetObject failed with NoSuchKey \(HTTP 404\).*→ check the key.*\n$/)
    expect(missing.stderr.split('\n')).toHaveLength(2)

    const full = await s3kit(['rb', `s3://${bucket}`])
    expect(full.code).toBe(1)
    expect(full.stderr).toContain('BucketNotEmpty')
    expect(full.stderr).toContain('rb --force')

    const wrongSecret = await s3kit(['ls'], { env: cliEnv({ AWS_SECRET_ACCESS_KEY: 'not-the-secret' }) })
    expect(wrongSecret.code).toBe(1)
    // RGW answers a wrong secret with SignatureDoesNotMatch, or AccessDenied once STS auth is on (as the
    // server script sets it up): either is the one-line S3 error, without the secret.
    expect(wrongSecret.stderr).toMatch(
      /^s3kit: ListBuckets failed with (SignatureDoesNotMatch|AccessDenied) \(HTTP 403\)/,
    )
    expect(wrongSecret.stderr).not.toContain('not-the-secret')

    const unreachable = await s3kit(['--endpoint-url', 'http://127.0.0.1:9', 'ls'])
    expect(unreachable.code).toBe(1)
    expect(unreachable.stderr).toContain('--endpoint-url')
  })

  test('usage and input mistakes exit 2 before anything is sent', async () => {
    for (const args of [
      ['bogus'],
      ['cp', 'a', 'b'],
      ['cp', '--part-size', 'big', 'a', `s3://${bucket}/x`],
      ['cp', '--metadata', 'novalue', join(dir, 'big.bin'), `s3://${bucket}/never`],
      ['cp', '--content-type', 'text/plain', `s3://${bucket}/cp/big.bin`, join(dir, 'never')],
      ['mb', `s3://${bucket}/with-a-key`],
      ['rm', `s3://${bucket}`],
      ['presign', '--expires-in', '999999999', `s3://${bucket}/never`],
      ['--profile', 'nobody-has-this', 'ls'],
    ]) {
      const result = await s3kit(args, { env: cliEnv({ HOME: dir, AWS_EC2_METADATA_DISABLED: 'true' }) })
      expect({ args, code: result.code }).toEqual({ args, code: 2 })
      expect(result.stderr).toMatch(/^s3kit: /)
    }
    const noKeys = await s3kit(['ls'], {
      env: cliEnv({ AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', HOME: dir, AWS_EC2_METADATA_DISABLED: 'true' }),
    })
    expect(noKeys.code).toBe(2)
    expect(noKeys.stderr).toContain('set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY')
    expect(await keys('never')).toEqual([])
  })

  test(
    '--profile reads keys and the endpoint from the shared files, ' + 'and wins over keys in the environment',
    async () => {
      const home = join(dir, 'home')
      await mkdir(join(home, '.aws'), { recursive: true })
      const s = server()
      await writeFile(
        join(home, '.aws/credentials'),
        `[cli-test]\naws_access_key_id = ${s.accessKeyId}\naws_secret_access_key = ${s.secretAccessKey}\n`,
      )
      await writeFile(
        join(home, '.aws/config'),
        `[profile cli-test]\nregion = ${s.region}\nendpoint_url = ${s.endpoint}\n`,
      )
      const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, AWS_EC2_METADATA_DISABLED: 'true' }
      const listed = await s3kit(['--profile', 'cli-test', 'ls', '--json'], { env })
      expect(listed.code, listed.stderr).toBe(0)
      expect((JSON.parse(listed.stdout) as { Name: string }[]).map((b) => b.Name)).toContain(bucket)
      // Wrong keys in the environment do not matter once a profile is named.
      const named = await s3kit(['--profile', 'cli-test', 'ls'], {
        env: { ...env, AWS_ACCESS_KEY_ID: 'wrong', AWS_SECRET_ACCESS_KEY: 'wrong' },
      })
      expect(named.code, named.stderr).toBe(0)
    },
  )

  test.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)(
    '%s during an upload (Ctrl-C, kill, a closed terminal) aborts it: exit %i, ' +
      'no object and no multipart upload left behind',
    async (signal, exitCode) => {
      const child = start(['cp', '--part-size', '5', '-', `s3://${bucket}/interrupted.bin`])
      const done = finished(child)
      // Once the child is gone, the rest of what was written to its stdin has nowhere to go.
      child.stdin!.on('error', () => undefined)
      // More than one part, so the upload is multipart; stdin then stays open, as a slow source would.
      // Once all of it is in the pipe, the command waits in a read that only more input would end:
      // the signal must end that read too, or the open stdin keeps the process alive.
      await new Promise((written) => child.stdin!.write(randomBytes(6 * MiB), written))
      let uploads = 0
      while (uploads === 0) {
        // A command that died early would never start the upload: fail with what it said.
        if (child.exitCode !== null) throw new Error(`s3kit exited early: ${(await done).stderr}`)
        uploads = (await send(client, ListMultipartUploads({ Bucket: bucket, Prefix: 'interrupted' }))).Uploads.length
      }
      child.kill(signal)
      const result = await done
      expect(result.code, result.stderr).toBe(exitCode)
      expect(result.stderr).toContain('s3kit: interrupted')
      expect((await send(client, ListMultipartUploads({ Bucket: bucket, Prefix: 'interrupted' }))).Uploads).toEqual([])
      expect(await headObjectOrNull(client, { Bucket: bucket, Key: 'interrupted.bin' })).toBeNull()
    },
  )

  test('mb and rb --force', async () => {
    const other = uniqueBucket('cli-mb')
    expect(await s3kit(['mb', `s3://${other}`])).toMatchObject({ code: 0, stdout: `make_bucket: ${other}\n` })
    await send(client, PutObject({ Bucket: other, Key: 'k', Body: 'v' }))
    expect(await s3kit(['rb', '--force', `s3://${other}`])).toMatchObject({ code: 0 })
    const gone = await s3kit(['stat', `s3://${other}`])
    expect(gone.code).toBe(1)
    expect(gone.stderr).toContain('NotFound')
  })
})
