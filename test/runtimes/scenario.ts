import type * as S3kit from '../../src/index.js'

/**
 * The one scenario every runtime runs (a browser page, a workerd Worker, Deno, Bun) against the
 * real server, through s3kit's built ESM package, which the caller passes in: each runtime loads
 * `dist/` its own way. It only talks to S3 and reports what came back as plain JSON; the vitest
 * side asserts on that report and checks the server's side with its own client (expect.ts).
 * The bucket is created (with its CORS rule) and removed by the test, not here.
 */

export interface ScenarioConfig {
  readonly endpoint: string
  readonly region: string
  readonly accessKeyId: string
  readonly secretAccessKey: string
  readonly bucket: string
  /**
   * The fault proxy in front of the same server (test/support/fault-proxy.ts), which cuts the body
   * of every plain GET of `scenarioKeys.bodyCut` midway and lets ranged GETs through.
   */
  readonly faultEndpoint?: string
}

/** The keys the scenario writes, so the test can check them server-side and remove them. */
export const scenarioKeys = {
  fromString: 'notes/héllo wörld.txt',
  fromBlob: 'files/blob+file (1).txt',
  multipart: 'large/multipart upload.bin',
  missing: 'no/such key.txt',
  bodyCut: 'cut/body.bin',
} as const

export const scenarioContent = {
  fromString: 'Hello from s3kit — ünïcödé ✓',
  fromBlob: '{"from":"a File","n":42}',
  blobType: 'application/json',
  /** Two parts at the 5 MiB part size: the smallest real multipart upload S3 accepts. */
  multipartSize: 6 * 1024 * 1024 + 1000,
  partSize: 5 * 1024 * 1024,
} as const

/** The multipart body: a byte pattern any runtime can rebuild and compare. */
export function multipartBytes(): Uint8Array {
  const bytes = new Uint8Array(scenarioContent.multipartSize)
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + (i >> 13)) & 0xff
  return bytes
}

export interface ErrorReport {
  readonly isS3Error: boolean
  readonly name: string
  readonly code: string | undefined
  readonly status: number | undefined
  readonly operation: string | undefined
  readonly key: string | undefined
  readonly message: string
}

export interface ScenarioReport {
  /** What the runtime offers: the point of edge and browser runs is that these are absent. */
  readonly globals: { readonly process: boolean; readonly DOMParser: boolean; readonly require: boolean }
  readonly putString: { readonly ETag: string }
  readonly putBlob: { readonly ETag: string }
  readonly getString: {
    readonly text: string
    readonly ETag: string
    readonly ContentLength: number
    readonly ContentType: string | undefined
  }
  readonly getBlob: { readonly text: string; readonly ContentType: string | undefined }
  /** `upload` of a Blob in two parts, with progress, then read back whole. */
  readonly upload: {
    readonly ETag: string
    readonly multipart: boolean
    readonly progress: readonly number[]
    readonly totals: readonly (number | undefined)[]
    readonly roundTrip: boolean
  }
  /** ListObjectsV2 of the whole bucket, then rolled up by `/`: XML parsed in the runtime itself. */
  readonly list: {
    readonly KeyCount: number
    readonly keys: readonly string[]
    readonly sizes: readonly number[]
    readonly datesAreDates: boolean
    readonly IsTruncated: boolean
    readonly prefixes: readonly string[]
  }
  readonly missing: ErrorReport
  /** A GET whose connection the proxy cuts midway: resumed whole by default, an S3Error without resuming. */
  readonly bodyCut?: {
    readonly resumed: { readonly whole: boolean; readonly length: number; readonly error?: ErrorReport }
    readonly withoutResume: ErrorReport
  }
}

/** The body-cut object's size: enough for the cut to land mid-body in every runtime's buffering. */
export const bodyCutSize = 300_000

export function clientFor(s3kit: typeof S3kit, config: ScenarioConfig): S3kit.Client {
  return s3kit.createClient({
    endpoint: config.endpoint,
    region: config.region,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
  })
}

export async function runScenario(s3kit: typeof S3kit, config: ScenarioConfig): Promise<ScenarioReport> {
  const { send, upload, PutObject, GetObject, ListObjectsV2 } = s3kit
  const client = clientFor(s3kit, config)
  const Bucket = config.bucket

  const putString = await send(
    client,
    PutObject({
      Bucket,
      Key: scenarioKeys.fromString,
      Body: scenarioContent.fromString,
      ContentType: 'text/plain; charset=utf-8',
    }),
  )
  const file = new File([scenarioContent.fromBlob], 'data.json', { type: scenarioContent.blobType })
  const putBlob = await send(
    client,
    PutObject({ Bucket, Key: scenarioKeys.fromBlob, Body: file, ContentType: scenarioContent.blobType }),
  )

  const gotString = await send(client, GetObject({ Bucket, Key: scenarioKeys.fromString }))
  const getString = {
    text: await gotString.Body.text(),
    ETag: gotString.ETag,
    ContentLength: gotString.ContentLength,
    ContentType: gotString.ContentType,
  }
  const gotBlob = await send(client, GetObject({ Bucket, Key: scenarioKeys.fromBlob }))
  const getBlob = { text: await gotBlob.Body.text(), ContentType: gotBlob.ContentType }

  const data = multipartBytes()
  const progress: number[] = []
  const totals: (number | undefined)[] = []
  const uploaded = await upload(
    client,
    {
      Bucket,
      Key: scenarioKeys.multipart,
      Body: new Blob([data as BlobPart]),
      ContentType: 'application/octet-stream',
    },
    {
      partSize: scenarioContent.partSize,
      onProgress: ({ loaded, total }) => {
        progress.push(loaded)
        totals.push(total)
      },
    },
  )
  const readBack = await (await send(client, GetObject({ Bucket, Key: scenarioKeys.multipart }))).Body.bytes()
  const uploadReport = {
    ETag: uploaded.ETag,
    multipart: uploaded.UploadId !== undefined,
    progress,
    totals: [...new Set(totals)],
    roundTrip: readBack.length === data.length && readBack.every((byte, i) => byte === data[i]),
  }

  const listed = await send(client, ListObjectsV2({ Bucket }))
  const rolledUp = await send(client, ListObjectsV2({ Bucket, Delimiter: '/' }))
  const list = {
    KeyCount: listed.KeyCount,
    keys: listed.Contents.map((o) => o.Key),
    sizes: listed.Contents.map((o) => o.Size),
    datesAreDates: listed.Contents.every(
      (o) => o.LastModified instanceof Date && !Number.isNaN(o.LastModified.getTime()),
    ),
    IsTruncated: listed.IsTruncated,
    prefixes: rolledUp.CommonPrefixes.map((p) => p.Prefix),
  }

  const missing = await errorOf(() => send(client, GetObject({ Bucket, Key: scenarioKeys.missing })), s3kit)

  // After the listing, so that the listing sees only the three keys above.
  let bodyCut: ScenarioReport['bodyCut']
  if (config.faultEndpoint) {
    const original = multipartBytes().slice(0, bodyCutSize)
    await send(client, PutObject({ Bucket, Key: scenarioKeys.bodyCut, Body: original }))
    const proxied = clientFor(s3kit, { ...config, endpoint: config.faultEndpoint })
    let resumed: NonNullable<ScenarioReport['bodyCut']>['resumed']
    try {
      const bytes = await (await send(proxied, GetObject({ Bucket, Key: scenarioKeys.bodyCut }))).Body.bytes()
      resumed = {
        whole: bytes.length === original.length && bytes.every((byte, i) => byte === original[i]),
        length: bytes.length,
      }
    } catch (error) {
      resumed = { whole: false, length: -1, error: await errorOf(() => Promise.reject(error), s3kit) }
    }
    // A distinct URL (and no-store): Chromium's HTTP cache would otherwise complete its truncated
    // copy of the first response with a range request of its own, and nothing would be cut.
    const uncached = GetObject({ Bucket, Key: scenarioKeys.bodyCut, ResponseCacheControl: 'no-store' })
    const withoutResume = await errorOf(
      async () => (await send(proxied, uncached, { resume: false })).Body.bytes(),
      s3kit,
    )
    bodyCut = { resumed, withoutResume }
  }

  return {
    globals: {
      process: typeof (globalThis as { process?: unknown }).process !== 'undefined',
      DOMParser: typeof (globalThis as { DOMParser?: unknown }).DOMParser !== 'undefined',
      require: typeof (globalThis as { require?: unknown }).require !== 'undefined',
    },
    putString: { ETag: putString.ETag },
    putBlob: { ETag: putBlob.ETag },
    getString,
    getBlob,
    upload: uploadReport,
    list,
    missing,
    ...(bodyCut ? { bodyCut } : {}),
  }
}

/**
 * A PutObject whose response hides `ETag` (a browser with a CORS rule that does not expose it):
 * what the caller sees must say what to fix.
 */
export async function runHiddenETagScenario(
  s3kit: typeof S3kit,
  config: ScenarioConfig,
): Promise<{ put: ErrorReport; upload: ErrorReport }> {
  const client = clientFor(s3kit, config)
  const put = await errorOf(
    () => s3kit.send(client, s3kit.PutObject({ Bucket: config.bucket, Key: scenarioKeys.fromString, Body: 'x' })),
    s3kit,
  )
  const upload = await errorOf(
    () =>
      s3kit.upload(
        client,
        { Bucket: config.bucket, Key: scenarioKeys.multipart, Body: new Blob([multipartBytes() as BlobPart]) },
        { partSize: scenarioContent.partSize },
      ),
    s3kit,
  )
  return { put, upload }
}

/** A request the browser refuses to hand over (no CORS rule at all). Retries off: one attempt. */
export async function runNoCorsScenario(s3kit: typeof S3kit, config: ScenarioConfig): Promise<ErrorReport> {
  const client = s3kit.createClient({
    endpoint: config.endpoint,
    region: config.region,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    retry: { maxAttempts: 1 },
  })
  return errorOf(
    () => s3kit.send(client, s3kit.GetObject({ Bucket: config.bucket, Key: scenarioKeys.fromString })),
    s3kit,
  )
}

async function errorOf(action: () => Promise<unknown>, s3kit: typeof S3kit): Promise<ErrorReport> {
  try {
    await action()
  } catch (error) {
    const e = error as Partial<S3kit.S3Error> & Error
    return {
      isS3Error: error instanceof s3kit.S3Error,
      name: e.name,
      code: e.code,
      status: e.status,
      operation: e.operation,
      key: e.key,
      message: e.message,
    }
  }
  throw new Error('expected the request to fail, and it succeeded')
}
