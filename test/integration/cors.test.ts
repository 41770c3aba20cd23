import { expect, it } from 'vitest'
import {
  type CORSRule,
  CorsErrorCode,
  CreateBucket,
  DeleteBucket,
  DeleteBucketCors,
  DeleteObject,
  explainS3Error,
  GetBucketCors,
  PutBucketCors,
  PutObject,
  S3Error,
  send,
} from '../../src/index.js'
import { server, testClient, uniqueBucket } from './env.js'

const client = testClient()
const { endpoint } = server()

// The two rules of the boto tutorial's CORS chapter, with IDs.
const rules: CORSRule[] = [
  {
    ID: 'site-writes',
    AllowedOrigins: ['https://www.example.com'],
    AllowedMethods: ['PUT', 'POST', 'DELETE'],
    AllowedHeaders: ['*'],
    MaxAgeSeconds: 3000,
    ExposeHeaders: ['x-amz-server-side-encryption', 'ETag'],
  },
  { ID: 'anyone-reads', AllowedOrigins: ['*'], AllowedMethods: ['GET'] },
]

/** A browser's preflight, sent as a plain fetch to the path-style URL of an object. */
const preflight = (Bucket: string, origin: string, method: string, headers?: string) =>
  fetch(`${endpoint}/${Bucket}/photo.jpg`, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': method,
      ...(headers ? { 'Access-Control-Request-Headers': headers } : {}),
    },
  })

const sorted = (rule: { AllowedMethods: readonly string[] }) => ({
  ...rule,
  AllowedMethods: [...rule.AllowedMethods].sort(),
})

it('CORS rules round-trip, a matching preflight is answered with them, and they can be removed', async () => {
  const Bucket = uniqueBucket('cors')
  await send(client, CreateBucket({ Bucket }))
  try {
    const none = await send(client, GetBucketCors({ Bucket })).catch((e: unknown) => e)
    expect(none).toBeInstanceOf(S3Error)
    expect(none).toMatchObject({ code: CorsErrorCode.NoSuchCORSConfiguration, status: 404, bucket: Bucket })
    expect((explainS3Error(none) as S3Error).message).toContain('no CORS configuration')
    expect((await preflight(Bucket, 'https://www.example.com', 'PUT')).status).toBe(403)

    await send(client, PutBucketCors({ Bucket, CORSConfiguration: { CORSRules: rules } }))
    // RGW lists a rule's methods in its own order.
    const { CORSRules } = await send(client, GetBucketCors({ Bucket }))
    expect(CORSRules.map(sorted)).toEqual(rules.map(sorted))

    const answer = await preflight(Bucket, 'https://www.example.com', 'PUT', 'content-type,x-amz-meta-color')
    expect(answer.status).toBe(200)
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://www.example.com')
    expect(answer.headers.get('access-control-allow-methods')?.split(/,\s*/)).toContain('PUT')
    expect(answer.headers.get('access-control-allow-headers')?.split(/,\s*/).sort()).toEqual([
      'content-type',
      'x-amz-meta-color',
    ])
    expect(answer.headers.get('access-control-expose-headers')?.split(/,\s*/).sort()).toEqual([
      'ETag',
      'x-amz-server-side-encryption',
    ])
    expect(answer.headers.get('access-control-max-age')).toBe('3000')

    // Another origin may GET (second rule) but not PUT (no rule matches).
    const read = await preflight(Bucket, 'https://elsewhere.example.org', 'GET')
    expect(read.status).toBe(200)
    expect(['*', 'https://elsewhere.example.org']).toContain(read.headers.get('access-control-allow-origin'))
    expect((await preflight(Bucket, 'https://elsewhere.example.org', 'PUT')).status).toBe(403)

    // A simple cross-origin GET of a public object carries the CORS headers too.
    await send(client, PutObject({ Bucket, Key: 'photo.jpg', Body: 'jpeg', ACL: 'public-read' }))
    const get = await fetch(`${endpoint}/${Bucket}/photo.jpg`, { headers: { Origin: 'https://elsewhere.example.org' } })
    expect(get.status).toBe(200)
    expect(['*', 'https://elsewhere.example.org']).toContain(get.headers.get('access-control-allow-origin'))

    await send(client, DeleteBucketCors({ Bucket }))
    expect(await send(client, GetBucketCors({ Bucket })).catch((e: unknown) => (e as S3Error).code)).toBe(
      'NoSuchCORSConfiguration',
    )
    expect((await preflight(Bucket, 'https://www.example.com', 'PUT')).status).toBe(403)
  } finally {
    await send(client, DeleteObject({ Bucket, Key: 'photo.jpg' }))
    await send(client, DeleteBucket({ Bucket }))
  }
})
