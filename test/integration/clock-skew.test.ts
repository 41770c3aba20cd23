import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CreateBucket } from '../../commands/CreateBucket.js'
import { DeleteBucket } from '../../commands/DeleteBucket.js'
import { DeleteObject } from '../../commands/DeleteObject.js'
import { GetObject } from '../../commands/GetObject.js'
import { PutObject } from '../../commands/PutObject.js'
import type { FetchLike } from '../../src/core/client.js'
import { clockOffset, send } from '../../src/core/send.js'
import { testClient, uniqueBucket } from './env.js'

const MINUTE = 60_000

/** A client for the real server whose fetch records each answer's status and error code. */
function recordingClient(extra = {}) {
  const answers: Array<{ status: number; code: string | undefined }> = []
  const fetch: FetchLike = async (input, init) => {
    const response = await globalThis.fetch(input, init)
    const text = response.status >= 400 ? await response.clone().text() : ''
    answers.push({ status: response.status, code: /<Code>([^<]*)<\/Code>/.exec(text)?.[1] })
    return response
  }
  return { client: testClient({ fetch, ...extra }), answers }
}

describe('clock skew against the real server (RGW refuses requests signed 15 minutes off)', () => {
  const Bucket = uniqueBucket('skew')
  beforeAll(async () => {
    await send(testClient(), CreateBucket({ Bucket }))
  })
  afterAll(async () => {
    vi.useRealTimers()
    await send(testClient(), DeleteObject({ Bucket, Key: 'k' }))
    await send(testClient(), DeleteBucket({ Bucket }))
  })

  for (const minutes of [20, -20]) {
    it(`a client whose clock is ${minutes} minutes off learns the server's time once and keeps it`, async () => {
      const { client, answers } = recordingClient()
      // Only Date is faked: timers run as usual, the local clock is simply wrong.
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + minutes * MINUTE })
      try {
        await send(client, PutObject({ Bucket, Key: 'k', Body: 'on time' }))
        expect(answers).toEqual([
          { status: 403, code: 'RequestTimeTooSkewed' },
          { status: 200, code: undefined },
        ])
        expect(Math.abs(clockOffset(client) + minutes * MINUTE)).toBeLessThan(MINUTE)
        // Later requests are signed with the learned offset from the start.
        const { Body } = await send(client, GetObject({ Bucket, Key: 'k' }))
        expect(await Body.text()).toBe('on time')
        expect(answers).toHaveLength(3)
      } finally {
        vi.useRealTimers()
      }
    })
  }

  it('a client on time never pays for it', async () => {
    const { client, answers } = recordingClient()
    await send(client, PutObject({ Bucket, Key: 'k', Body: 'x' }))
    expect(answers).toEqual([{ status: 200, code: undefined }])
    expect(clockOffset(client)).toBe(0)
  })
})
