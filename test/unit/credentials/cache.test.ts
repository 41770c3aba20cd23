import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import type { Credentials } from '../../../src/core/credentials.js'
import { cachedCredentials, redacted } from '../../../src/helpers/credentials/cache.js'

const MINUTE = 60_000

/** A provider whose answers and failures the test scripts, counting its calls; `release` lets a pending call finish. */
function scripted(start: number) {
  let calls = 0
  let fail = false
  let gate: Promise<void> = Promise.resolve()
  let open = (): void => undefined
  const provider = async (): Promise<Credentials> => {
    calls++
    const n = calls
    await gate
    if (fail) throw new Error(`refresh ${n} failed`)
    return {
      accessKeyId: `AKID${n}`,
      secretAccessKey: `secret${n}`,
      sessionToken: `token${n}`,
      expiration: new Date(start + n * 15 * MINUTE),
    }
  }
  return {
    provider,
    calls: () => calls,
    failing: (value: boolean) => (fail = value),
    hold: () => (gate = new Promise((resolve) => (open = resolve))),
    release: () => open(),
  }
}

describe('cachedCredentials', () => {
  it('reuses credentials until 5 min before they expire, then refreshes once for 100 concurrent callers', async () => {
    let now = 1_000_000
    const source = scripted(now)
    const cached = cachedCredentials(source.provider, { now: () => now })
    expect((await cached()).accessKeyId).toBe('AKID1')
    now += 9 * MINUTE // 6 minutes left: still reused
    expect((await cached()).accessKeyId).toBe('AKID1')
    expect(source.calls()).toBe(1)

    now += 2 * MINUTE // 4 minutes left: inside the refresh window
    source.hold()
    const all = Array.from({ length: 100 }, () => cached())
    source.release()
    const results = await Promise.all(all)
    expect(source.calls()).toBe(2)
    expect(new Set(results.map((c) => c.accessKeyId))).toEqual(new Set(['AKID2']))
  })

  it('keeps the old credentials when a refresh fails while they are valid, and waits before trying again', async () => {
    let now = 0
    const source = scripted(now)
    const cached = cachedCredentials(source.provider, { now: () => now, retryAfterMs: 10_000 })
    await cached()
    now = 12 * MINUTE // 3 minutes left
    source.failing(true)
    expect((await cached()).accessKeyId).toBe('AKID1')
    expect(source.calls()).toBe(2)
    now += 5_000 // within retryAfterMs: no new attempt
    expect((await cached()).accessKeyId).toBe('AKID1')
    expect(source.calls()).toBe(2)
    now += 6_000
    source.failing(false)
    expect((await cached()).accessKeyId).toBe('AKID3')
  })

  it('fails when the credentials have expired and the refresh fails; one call for concurrent callers', async () => {
    let now = 0
    const source = scripted(now)
    const cached = cachedCredentials(source.provider, { now: () => now })
    await cached()
    now = 16 * MINUTE
    source.failing(true)
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => cached()))
    expect(results.every((r) => r.status === 'rejected')).toBe(true)
    expect(source.calls()).toBe(2)
    // The next call tries again rather than keeping the failure.
    source.failing(false)
    expect((await cached()).accessKeyId).toBe('AKID3')
  })

  it('keeps credentials without an expiration for good', async () => {
    let calls = 0
    const cached = cachedCredentials(() => ({ accessKeyId: `AKID${++calls}`, secretAccessKey: 's' }))
    await cached()
    await cached()
    expect(calls).toBe(1)
  })

  it('returns credentials whose JSON and inspection hide the secret and the token', async () => {
    const cached = cachedCredentials(() => ({
      accessKeyId: 'AKID',
      secretAccessKey: 'very-secret',
      sessionToken: 'session-token',
    }))
    const credentials = await cached()
    expect(credentials.secretAccessKey).toBe('very-secret')
    expect({ ...credentials }).toEqual({
      accessKeyId: 'AKID',
      secretAccessKey: 'very-secret',
      sessionToken: 'session-token',
    })
    for (const shown of [
      JSON.stringify(credentials),
      inspect(credentials),
      JSON.stringify({ nested: redacted(credentials) }),
    ]) {
      expect(shown).toContain('AKID')
      expect(shown).not.toContain('very-secret')
      expect(shown).not.toContain('session-token')
    }
  })
})
