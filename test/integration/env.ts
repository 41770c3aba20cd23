import { inject } from 'vitest'
import { type Client, type ClientConfig, createClient } from '../../src/index.js'

/** The server the integration tests talk to (see global-setup.ts) and clients for its two users. */
export function server() {
  const s3 = inject('s3')
  const need = (name: string): string => {
    const value = s3[name]
    if (!value) throw new Error(`integration tests need ${name}: run scripts/s3-server.sh start or set it`)
    return value
  }
  return {
    endpoint: need('S3_ENDPOINT'),
    region: s3.S3_REGION ?? 'us-east-1',
    accessKeyId: need('S3_ACCESS_KEY_ID'),
    secretAccessKey: need('S3_SECRET_ACCESS_KEY'),
    accessKeyId2: s3.S3_ACCESS_KEY_ID_2,
    secretAccessKey2: s3.S3_SECRET_ACCESS_KEY_2,
    userId: s3.S3_USER_ID,
    userEmail: s3.S3_USER_EMAIL,
    userId2: s3.S3_USER_ID_2,
    userEmail2: s3.S3_USER_EMAIL_2,
  }
}

/** A client for the first test user; `extra` can swap in a fetch wrapper, retry policy, … */
export function testClient(extra: ClientConfig = {}): Client {
  const s = server()
  return createClient({
    endpoint: s.endpoint,
    region: s.region,
    credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
    ...extra,
  })
}

/** A client for the second test user (another owner). */
export function secondClient(extra: ClientConfig = {}): Client {
  const s = server()
  if (!s.accessKeyId2 || !s.secretAccessKey2)
    throw new Error('this test needs the second user: S3_ACCESS_KEY_ID_2 / S3_SECRET_ACCESS_KEY_2')
  return createClient({
    endpoint: s.endpoint,
    region: s.region,
    credentials: { accessKeyId: s.accessKeyId2, secretAccessKey: s.secretAccessKey2 },
    ...extra,
  })
}

let counter = 0
/** A bucket name no other test (or earlier run) uses. */
export function uniqueBucket(label: string): string {
  const stamp = Date.now().toString(36)
  return `s3kit-${label}-${stamp}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 6)}`.slice(0, 63)
}
