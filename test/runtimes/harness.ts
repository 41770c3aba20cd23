import { expect } from 'vitest'
import {
  abortIncompleteUploads,
  type Client,
  CreateBucket,
  DeleteBucket,
  DeleteObject,
  GetObject,
  HeadObject,
  ListMultipartUploads,
  PutBucketCors,
  send,
} from '../../src/index.js'
import { server, testClient, uniqueBucket } from '../integration/env.js'
import { startFaultProxy } from '../support/fault-proxy.js'
import {
  bodyCutSize,
  multipartBytes,
  type ScenarioConfig,
  type ScenarioReport,
  scenarioContent,
  scenarioKeys,
} from './scenario.js'

/**
 * The Node side of the runtime scenarios: make a bucket (with a CORS rule for browser runs),
 * hand its coordinates to the runtime, check the report and the server, and remove everything,
 * even when the runtime failed half-way.
 */

export interface CorsRule {
  readonly origin: string
  /** Response headers the page may read; leave out ETag to see what a user sees then. */
  readonly exposeHeaders: readonly string[]
}

export async function withScenarioBucket<T>(
  label: string,
  cors: CorsRule | undefined,
  run: (config: ScenarioConfig) => Promise<T>,
): Promise<T> {
  const client = testClient()
  const s = server()
  const bucket = uniqueBucket(label)
  await send(client, CreateBucket({ Bucket: bucket }))
  // Cuts the body of every plain GET of the body-cut object midway; resumed (ranged) GETs pass.
  const proxy = await startFaultProxy({
    target: s.endpoint,
    decide: (request) =>
      request.method === 'GET' && request.url?.includes('/cut/') && request.headers.range === undefined
        ? 'cutBody'
        : undefined,
  })
  try {
    if (cors) await send(client, putBucketCors(bucket, cors))
    return await run({
      endpoint: s.endpoint,
      region: s.region,
      accessKeyId: s.accessKeyId,
      secretAccessKey: s.secretAccessKey,
      bucket,
      faultEndpoint: proxy.endpoint,
    })
  } finally {
    await proxy.close()
    await removeBucket(client, bucket)
  }
}

function putBucketCors(bucket: string, rule: CorsRule) {
  return PutBucketCors({
    Bucket: bucket,
    CORSConfiguration: {
      CORSRules: [
        {
          AllowedOrigins: [rule.origin],
          AllowedMethods: ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'],
          AllowedHeaders: ['*'],
          ...(rule.exposeHeaders.length ? { ExposeHeaders: rule.exposeHeaders } : {}),
          MaxAgeSeconds: 60,
        },
      ],
    },
  })
}

async function removeBucket(client: Client, bucket: string): Promise<void> {
  // A runtime that died mid-upload may have left parts behind.
  await abortIncompleteUploads(client, bucket)
  for (const key of Object.values(scenarioKeys)) await send(client, DeleteObject({ Bucket: bucket, Key: key }))
  await send(client, DeleteBucket({ Bucket: bucket }))
}

/** What every runtime's report must say, and what the server must hold afterwards. */
export async function expectScenario(report: ScenarioReport, config: ScenarioConfig): Promise<void> {
  const client = testClient()
  expect(report.putString.ETag).toMatch(/^"[0-9a-f]{32}"$/)
  expect(report.putBlob.ETag).toMatch(/^"[0-9a-f]{32}"$/)
  expect(report.getString).toEqual({
    text: scenarioContent.fromString,
    ETag: report.putString.ETag,
    ContentLength: new TextEncoder().encode(scenarioContent.fromString).length,
    ContentType: 'text/plain; charset=utf-8',
  })
  expect(report.getBlob).toEqual({ text: scenarioContent.fromBlob, ContentType: scenarioContent.blobType })
  expect(report.upload).toMatchObject({
    ETag: expect.stringMatching(/^"[0-9a-f]{32}-2"$/),
    multipart: true,
    roundTrip: true,
  })
  expect(report.upload.totals).toEqual([scenarioContent.multipartSize])
  // Progress only grows and ends at the whole size, whatever granularity the runtime reports.
  expect(report.upload.progress.at(-1)).toBe(scenarioContent.multipartSize)
  expect(report.upload.progress.every((loaded, i, all) => i === 0 || loaded >= all[i - 1]!)).toBe(true)
  expect(report.upload.progress.length).toBeGreaterThanOrEqual(2)

  const bytes = (text: string): number => new TextEncoder().encode(text).length
  expect(report.list).toEqual({
    KeyCount: 3,
    keys: [scenarioKeys.fromBlob, scenarioKeys.multipart, scenarioKeys.fromString],
    sizes: [bytes(scenarioContent.fromBlob), scenarioContent.multipartSize, bytes(scenarioContent.fromString)],
    datesAreDates: true,
    IsTruncated: false,
    prefixes: ['files/', 'large/', 'notes/'],
  })
  expect(report.missing).toMatchObject({
    isS3Error: true,
    name: 'S3Error',
    code: 'NoSuchKey',
    status: 404,
    operation: 'GetObject',
    key: scenarioKeys.missing,
  })

  // A body cut midway resumed by itself into the whole object; without resuming, a typed error.
  expect(report.bodyCut?.resumed).toEqual({ whole: true, length: bodyCutSize })
  expect(report.bodyCut?.withoutResume).toMatchObject({
    isS3Error: true,
    name: 'S3Error',
    code: 'NetworkError',
    operation: 'GetObject',
    key: scenarioKeys.bodyCut,
  })

  // The server holds what the runtime wrote, under the same (encoded) keys.
  const head = await send(client, HeadObject({ Bucket: config.bucket, Key: scenarioKeys.fromBlob }))
  expect(head.ETag).toBe(report.putBlob.ETag)
  expect(head.ContentType).toBe(scenarioContent.blobType)
  const stored = await send(client, GetObject({ Bucket: config.bucket, Key: scenarioKeys.fromString }))
  expect(await stored.Body.text()).toBe(scenarioContent.fromString)
  const large = await send(client, GetObject({ Bucket: config.bucket, Key: scenarioKeys.multipart }))
  expect(large.ETag).toBe(report.upload.ETag)
  expect(Buffer.from(await large.Body.bytes()).equals(Buffer.from(multipartBytes()))).toBe(true)
  await expectNoIncompleteUploads(config.bucket)
}

/** Nothing was left half-uploaded: the helper completed or aborted every multipart upload. */
export async function expectNoIncompleteUploads(bucket: string): Promise<void> {
  const { Uploads } = await send(testClient(), ListMultipartUploads({ Bucket: bucket }))
  expect(Uploads).toEqual([])
}
