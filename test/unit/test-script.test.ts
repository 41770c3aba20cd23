import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'

// scripts/test.sh installs the Debian packages the tests need (Chromium, …) when they are
// missing, as a brand-new machine would need. Removing Chromium from this machine to prove it
// would break everyone else's tests, so the installer runs here on its own: test.sh is sourced
// (which runs nothing), a program that does not exist is asked for, and `apt-get` is a stub on
// PATH that records its arguments and "installs" the program.

const script = join(import.meta.dirname, '../../scripts/test.sh')
const missing = 's3kit-test-missing-program'
let dir: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 's3kit-test-sh-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function stubAptGet(body: string): void {
  writeFileSync(join(dir, 'apt-get'), `#!/bin/sh\necho "$@" >> "${dir}/apt-get.log"\n${body}\n`)
  chmodSync(join(dir, 'apt-get'), 0o755)
}

function install(entries: string[], asUser = false) {
  // As root, drop to "nobody" (65534); a developer running the tests is already not root. Nobody
  // may not read the checkout (a clone under /root), so it sources a copy in the test's folder.
  const drop = asUser && process.getuid?.() === 0
  const source = drop ? join(dir, 'test.sh') : script
  if (drop) copyFileSync(script, source)
  const call = `. '${source}' && install_missing_programs ${entries.map((e) => `'${e}'`).join(' ')}`
  const command = drop
    ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', 'bash', '-c', call]
    : ['bash', '-c', call]
  const result = spawnSync(command[0]!, command.slice(1), {
    encoding: 'utf8',
    env: { PATH: `${dir}:/usr/bin:/bin`, HOME: dir },
  })
  const log = (() => {
    try {
      return readFileSync(join(dir, 'apt-get.log'), 'utf8')
    } catch {
      return ''
    }
  })()
  return { status: result.status, stderr: result.stderr, aptGet: log }
}

test('sourcing test.sh runs nothing', () => {
  const out = execFileSync('bash', ['-c', `. '${script}' && echo sourced`], { encoding: 'utf8' })
  expect(out).toBe('sourced\n')
})

test('a program already on PATH needs no apt-get', () => {
  stubAptGet('exit 1')
  expect(install(['sh:dash:a shell'])).toEqual({ status: 0, stderr: '', aptGet: '' })
})

test('a missing program is installed from its Debian package, and checked afterwards', () => {
  stubAptGet(
    `[ "$1" = install ] && printf '#!/bin/sh\\n' > "${dir}/${missing}" && chmod +x "${dir}/${missing}"; exit 0`,
  )
  const result = install(['sh:dash:a shell', `${missing}:fake-package:the browser tests`])
  expect(result.status).toBe(0)
  expect(result.aptGet.split('\n')).toEqual(['update -qq', 'install -y -qq --no-install-recommends fake-package', ''])
  expect(result.stderr).toContain(`missing: ${missing} (fake-package) for the browser tests`)
})

test('a failed apt-get stops with a message naming the package', () => {
  stubAptGet('exit 100')
  const result = install([`${missing}:fake-package:the browser tests`])
  expect(result.status).toBe(1)
  expect(result.stderr).toContain('apt-get could not install fake-package')
})

test('a package that does not provide the program is an error, not a later mystery', () => {
  stubAptGet('exit 0')
  const result = install([`${missing}:fake-package:the browser tests`])
  expect(result.status).toBe(1)
  expect(result.stderr).toContain(`fake-package is installed but ${missing} is still not on PATH`)
})

test('without root (and no sudo) it says what to install as root, and installs nothing', () => {
  stubAptGet('exit 0')
  // A sudo that would ask for a password: `sudo -n true` fails.
  writeFileSync(join(dir, 'sudo'), '#!/bin/sh\nexit 1\n')
  chmodSync(join(dir, 'sudo'), 0o755)
  chmodSync(dir, 0o755)
  const result = install([`${missing}:fake-package:the browser tests`], true)
  expect(result.status).toBe(1)
  expect(result.stderr).toContain('Run as root: apt-get install --no-install-recommends fake-package')
  expect(result.aptGet).toBe('')
})
