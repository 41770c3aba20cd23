// The boto S3 tutorial ("An Introduction to boto's S3 interface"), retold with s3kit.
// Run it with `npm run demo`: it talks to S3_ENDPOINT if set, or starts the local Ceph RGW test
// server (scripts/s3-server.sh) and stops it again at the end.
//
// It imports the package by its own name, exactly as an application would.
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  abortIncompleteUploads,
  addGrant,
  CopyObject,
  CreateBucket,
  createClient,
  DeleteBucket,
  DeleteBucketCors,
  DeleteBucketLifecycle,
  DeleteObject,
  deleteBucket,
  explainS3Error,
  GetBucketAcl,
  GetBucketCors,
  GetBucketLifecycleConfiguration,
  GetObject,
  HeadBucket,
  HeadObject,
  headObjectOrNull,
  ListBuckets,
  ListMultipartUploads,
  ListObjectsV2,
  Location,
  ObjectCannedACL,
  PutBucketAcl,
  PutBucketCors,
  PutBucketLifecycleConfiguration,
  PutObject,
  PutObjectAcl,
  paginateItems,
  RestoreObject,
  removeGrant,
  S3Error,
  StorageClass,
  send,
} from 's3kit'
import { getFile, putFile, uploadFile } from 's3kit/node'

const say = (text) => console.log(text)
const chapter = (title) => console.log(`\n━━ ${title} ━━`)

// ── A server to talk to ────────────────────────────────────────────────────────────────────────
let startedServer = false
if (!process.env.S3_ENDPOINT) {
  const running = spawnOk('status')
  const env = execFileSync('bash', ['scripts/s3-server.sh', 'start'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  startedServer = !running
  for (const line of env.split('\n')) {
    const m = /^(S3_[A-Z0-9_]+)=(.*)$/.exec(line.trim())
    if (m) process.env[m[1]] = m[2]
  }
}
function spawnOk(command) {
  try {
    execFileSync('bash', ['scripts/s3-server.sh', command], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

try {
  // ── Creating a connection ──────────────────────────────────────────────────────────────────
  chapter('Creating a connection')
  // Keys can be passed explicitly…
  const client = createClient({
    endpoint: process.env.S3_ENDPOINT,
    region: process.env.S3_REGION ?? 'us-east-1',
    credentials: { accessKeyId: process.env.S3_ACCESS_KEY_ID, secretAccessKey: process.env.S3_SECRET_ACCESS_KEY },
  })
  // …or come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, with no arguments at all.
  process.env.AWS_ACCESS_KEY_ID = process.env.S3_ACCESS_KEY_ID
  process.env.AWS_SECRET_ACCESS_KEY = process.env.S3_SECRET_ACCESS_KEY
  process.env.AWS_ENDPOINT_URL_S3 = process.env.S3_ENDPOINT
  const fromEnv = createClient()
  say(
    `connected to ${client.endpoint} (region ${client.region}); a client from the environment has endpoint ` +
      `${fromEnv.endpoint}`,
  )
  say(`the client holds no secret you could print: ${JSON.stringify(client)}`)

  // ── Creating a bucket ──────────────────────────────────────────────────────────────────────
  chapter('Creating a bucket')
  const bucket = `s3kit-demo-${Date.now().toString(36)}`
  await send(client, CreateBucket({ Bucket: bucket }))
  say(`created bucket ${bucket}`)
  // Bucket names are one namespace shared by everyone: another user's name is taken.
  const otherUser = process.env.S3_ACCESS_KEY_ID_2
    ? createClient({
        credentials: {
          accessKeyId: process.env.S3_ACCESS_KEY_ID_2,
          secretAccessKey: process.env.S3_SECRET_ACCESS_KEY_2,
        },
      })
    : undefined
  if (otherUser) {
    try {
      await send(otherUser, CreateBucket({ Bucket: bucket }))
    } catch (error) {
      if (!(error instanceof S3Error)) throw error
      say(`another user asking for the same name gets ${error.code} (HTTP ${error.status})`)
    }
  }

  // ── Creating a bucket in another location ──────────────────────────────────────────────────
  chapter('Creating a bucket in another location')
  say(`locations (boto's Location names, keyed by S3's own values): ${Object.keys(Location).join(', ')}`)
  try {
    await send(
      client,
      CreateBucket({ Bucket: `${bucket}-eu`, CreateBucketConfiguration: { LocationConstraint: Location.EU } }),
    )
    say(`created ${bucket}-eu in ${Location.EU}`)
    await send(client, DeleteBucket({ Bucket: `${bucket}-eu` }))
  } catch (error) {
    if (!(error instanceof S3Error)) throw error
    // A local Ceph server knows only its own zone group, so it refuses AWS's region names.
    say(`this server refuses LocationConstraint ${Location.EU}: ${error.code}`)
  }

  // ── Storing data ───────────────────────────────────────────────────────────────────────────
  chapter('Storing data')
  await send(client, PutObject({ Bucket: bucket, Key: 'foobar', Body: 'This is a test of S3' }))
  const { Body } = await send(client, GetObject({ Bucket: bucket, Key: 'foobar' }))
  say(`foobar → "${await Body.text()}"`)

  // From a file, and back to a file. The file streams both ways (memory stays flat however large
  // it is), putFile guesses the Content-Type from the name, and getFile writes to a temporary file
  // that becomes bar.jpg only once the whole object has arrived.
  const files = await mkdtemp(join(tmpdir(), 's3kit-demo-'))
  await writeFile(join(files, 'foo.jpg'), new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]))
  await putFile(client, { Bucket: bucket, Key: 'myfile', path: join(files, 'foo.jpg') })
  const fetched = await getFile(client, { Bucket: bucket, Key: 'myfile', path: join(files, 'bar.jpg') })
  say(
    `foo.jpg → myfile (${fetched.ContentType}, ` +
      `${fetched.ContentLength} bytes) → bar.jpg (${(await readFile(join(files, 'bar.jpg'))).length} bytes)`,
  )
  // Not sure a key exists? headObjectOrNull is boto's get_key: null when it is not there.
  const maybe = await headObjectOrNull(client, { Bucket: bucket, Key: 'mykey' })
  say(
    `headObjectOrNull mykey → ${maybe}; myfile → ` +
      `${(await headObjectOrNull(client, { Bucket: bucket, Key: 'myfile' }))?.ETag}`,
  )
  await send(client, DeleteObject({ Bucket: bucket, Key: 'myfile' }))

  // ── Storing large data ─────────────────────────────────────────────────────────────────────
  chapter('Storing large data')
  // boto's initiate_multipart_upload, upload_part_from_file per chunk and complete_upload, with a
  // thread pool on top: uploadFile reads each 5 MiB part from its own offset of the file (no
  // FileChunkIO needed) and sends four at a time, retrying a failed part on its own.
  const large = join(files, 'large.bin')
  const largeBytes = randomBytes(23 * 2 ** 20)
  await writeFile(large, largeBytes)
  const MiB = (bytes) => (bytes / 2 ** 20).toFixed(1)
  let quarter = 0
  const showProgress = ({ loaded, total }) => {
    // One line, rewritten as bytes go out; when the output is not a terminal, a line per quarter.
    if (process.stdout.isTTY) process.stdout.write(`\r  sent ${MiB(loaded)} of ${MiB(total)} MiB`)
    else if (loaded >= ((quarter + 1) / 4) * total)
      say(`  sent ${MiB(loaded)} of ${MiB(total)} MiB (${25 * ++quarter}%)`)
  }
  const stored = await uploadFile(
    client,
    { Bucket: bucket, Key: 'large.bin', path: large },
    { partSize: 5 * 2 ** 20, concurrency: 4, onProgress: showProgress },
  )
  if (process.stdout.isTTY) process.stdout.write('\n')
  say(`large.bin is one object again, joined from ${/-(\d+)"$/.exec(stored.ETag)?.[1]} parts (ETag ${stored.ETag})`)
  // get_all_multipart_uploads: a finished (or failed) upload leaves nothing behind to pay for…
  const { Uploads } = await send(client, ListMultipartUploads({ Bucket: bucket }))
  say(`unfinished multipart uploads in ${bucket}: ${Uploads.length}`)
  // …and abortIncompleteUploads cleans up after programs that crashed mid-upload (none here).
  say(
    `aborted ${await abortIncompleteUploads(client, bucket, { olderThan: new Date(Date.now() - 86_400_000) })}` +
      ' upload(s) older than a day',
  )
  const largeBack = await (await send(client, GetObject({ Bucket: bucket, Key: 'large.bin' }))).Body.bytes()
  say(`read back ${MiB(largeBack.length)} MiB, identical: ${Buffer.compare(largeBack, largeBytes) === 0}`)
  await send(client, DeleteObject({ Bucket: bucket, Key: 'large.bin' }))

  // ── Accessing a bucket ─────────────────────────────────────────────────────────────────────
  chapter('Accessing a bucket')
  const head = await send(client, HeadBucket({ Bucket: bucket }))
  say(`HeadBucket ${bucket}: exists${head.BucketRegion ? ` in ${head.BucketRegion}` : ''}`)
  try {
    await send(client, HeadBucket({ Bucket: 'i-dont-exist-at-all' }))
  } catch (error) {
    if (!(error instanceof S3Error)) throw error
    say(`HeadBucket i-dont-exist-at-all: ${error.code}`)
  }
  // ── Listing keys ───────────────────────────────────────────────────────────────────────────
  chapter('Listing keys, with prefixes and storage classes')
  await send(
    client,
    PutObject({ Bucket: bucket, Key: 'logs/testlog1.log', Body: 'first log', StorageClass: 'STANDARD_IA' }),
  )
  await send(
    client,
    PutObject({ Bucket: bucket, Key: 'logs/testlog2.log', Body: 'second log', StorageClass: 'GLACIER' }),
  )
  await send(client, PutObject({ Bucket: bucket, Key: 'logs/2024/january.log', Body: 'old log' }))
  // bucket.list(): every key, however many pages it takes, each with its storage class.
  for await (const key of paginateItems(client, ListObjectsV2({ Bucket: bucket }))) {
    say(`<Key: ${bucket},${key.Key}> ${key.StorageClass} (${key.Size} bytes)`)
  }
  // bucket.list(prefix='logs/', delimiter='/'): one level of the "directory" tree.
  const logs = await send(client, ListObjectsV2({ Bucket: bucket, Prefix: 'logs/', Delimiter: '/' }))
  say(
    `under logs/: ${logs.Contents.map((k) => k.Key).join(', ')}; sub-directories: ` +
      `${logs.CommonPrefixes.map((p) => p.Prefix).join(', ')}`,
  )

  // ── Listing all available buckets ──────────────────────────────────────────────────────────
  chapter('Listing all available buckets')
  const { Buckets } = await send(client, ListBuckets())
  say(`${Buckets.length} bucket(s): ${Buckets.map((b) => b.Name).join(', ')}`)

  // ── Setting / getting the access control list ──────────────────────────────────────────────
  chapter('Access control lists')
  await send(client, PutBucketAcl({ Bucket: bucket, ACL: 'public-read' })) // b.set_acl('public-read')
  await send(client, PutObject({ Bucket: bucket, Key: 'mykeytoshare', Body: 'for your eyes only' }))
  // k.set_acl('public-read')
  await send(client, PutObjectAcl({ Bucket: bucket, Key: 'mykeytoshare', ACL: ObjectCannedACL.public_read }))
  const grantText = ({ Permission, Grantee: g }) =>
    `${Permission} ${g.Type} ${g.Type === 'Group' ? g.URI : g.Type === 'CanonicalUser' ? g.ID : g.EmailAddress}` +
    `${g.DisplayName ? ` (${g.DisplayName})` : ''}`
  const acp = await send(client, GetBucketAcl({ Bucket: bucket })) // b.get_acl()
  say(`bucket owner ${acp.Owner.ID}; grants: ${acp.Grants.map(grantText).join('; ')}`)
  await send(client, PutBucketAcl({ Bucket: bucket, ACL: 'private' }))
  await send(client, PutObjectAcl({ Bucket: bucket, Key: 'mykeytoshare', ACL: 'private' }))
  // key.add_email_grant('READ', …) keeps every other grant; add_user_grant takes a canonical ID.
  // (AWS refuses e-mail grantees since October 2025; Ceph RGW still resolves them.)
  if (otherUser && process.env.S3_USER_EMAIL_2) {
    const shared = { Bucket: bucket, Key: 'mykeytoshare' }
    try {
      const acl = await addGrant(
        client,
        shared,
        { Type: 'AmazonCustomerByEmail', EmailAddress: process.env.S3_USER_EMAIL_2 },
        'READ',
      )
      say(`after add_email_grant: ${acl.Grants.map(grantText).join('; ')}`)
      const { Body: theirs } = await send(otherUser, GetObject(shared))
      say(`the other user reads "${await theirs.text()}"`)
      // S3 shows the e-mail grant as the canonical user it resolved to: remove it by that ID.
      const granted = acl.Grants.find((g) => g.Grantee.Type === 'CanonicalUser' && g.Grantee.ID !== acl.Owner.ID)
      if (granted) await removeGrant(client, shared, granted.Grantee)
      await send(otherUser, GetObject(shared)).catch((error) =>
        say(`after removeGrant the other user gets ${error.code}`),
      )
    } catch (error) {
      if (!(error instanceof S3Error)) throw error
      say(error.message) // e.g. AWS: e-mail grantees refused (HTTP 405), or ACLs disabled on the bucket
    }
  }
  await send(client, DeleteObject({ Bucket: bucket, Key: 'mykeytoshare' }))
  // ── Setting/getting metadata values on keys ───────────────────────────────────────────────
  chapter('Metadata on keys')
  await writeFile(join(files, 'foo.txt'), 'a file with metadata\n')
  await putFile(client, {
    Bucket: bucket,
    Key: 'has_metadata',
    path: join(files, 'foo.txt'),
    Metadata: { meta1: 'This is the first metadata value', meta2: 'This is the second metadata value' },
  })
  const { Metadata } = await headObjectOrNull(client, { Bucket: bucket, Key: 'has_metadata' })
  say(`meta1 → "${Metadata.meta1}", meta2 → "${Metadata.meta2}"`)
  // Metadata cannot be edited in place: copy the object onto itself with new metadata. Values
  // beyond plain ASCII travel RFC 2047-encoded and come back as they were written.
  await send(
    client,
    CopyObject({
      Bucket: bucket,
      Key: 'has_metadata',
      CopySource: { Bucket: bucket, Key: 'has_metadata' },
      MetadataDirective: 'REPLACE',
      ContentType: 'text/plain; charset=utf-8',
      Metadata: { meta1: 'Première valeur ✓' },
    }),
  )
  const replaced = await headObjectOrNull(client, { Bucket: bucket, Key: 'has_metadata' })
  say(`after a REPLACE copy: ${JSON.stringify(replaced.Metadata)}, ${replaced.ContentType}`)
  await send(client, DeleteObject({ Bucket: bucket, Key: 'has_metadata' }))
  await rm(files, { recursive: true, force: true })
  // ── Setting / getting / deleting the CORS configuration ─────────────────────────────────────
  chapter('CORS')
  await send(
    client,
    PutBucketCors({
      Bucket: bucket,
      CORSConfiguration: {
        CORSRules: [
          // cors_cfg.add_rule(['PUT', 'POST', 'DELETE'], 'https://www.example.com', allowed_header='*',
          //                   max_age_seconds=3000, expose_header='x-amz-server-side-encryption')
          {
            AllowedMethods: ['PUT', 'POST', 'DELETE'],
            AllowedOrigins: ['https://www.example.com'],
            AllowedHeaders: ['*'],
            MaxAgeSeconds: 3000,
            ExposeHeaders: ['x-amz-server-side-encryption'],
          },
          // cors_cfg.add_rule('GET', '*')
          { AllowedMethods: ['GET'], AllowedOrigins: ['*'] },
        ],
      },
    }),
  )
  const { CORSRules } = await send(client, GetBucketCors({ Bucket: bucket })) // bucket.get_cors()
  for (const rule of CORSRules)
    say(
      `${rule.AllowedMethods.join('/')} from ${rule.AllowedOrigins.join(', ')}` +
        `${rule.MaxAgeSeconds ? `, cached ${rule.MaxAgeSeconds} s` : ''}`,
    )
  // What a browser's preflight from https://www.example.com gets (path-style URL, as for a local server).
  const preflight = await fetch(`${client.endpoint}/${bucket}/foobar`, {
    method: 'OPTIONS',
    headers: {
      Origin: 'https://www.example.com',
      'Access-Control-Request-Method': 'PUT',
      'Access-Control-Request-Headers': 'content-type',
    },
  })
  say(
    `preflight: ${preflight.status}, allow-origin ${preflight.headers.get('access-control-allow-origin')}, ` +
      `allow-methods ${preflight.headers.get('access-control-allow-methods')}, ` +
      `max-age ${preflight.headers.get('access-control-max-age')}`,
  )
  await send(client, DeleteBucketCors({ Bucket: bucket })) // bucket.delete_cors()
  await send(client, GetBucketCors({ Bucket: bucket })).catch((error) => say(`after delete_cors: ${error.code}`))
  // ── Transitioning objects ───────────────────────────────────────────────────────────────────
  chapter('Transitioning objects (lifecycle)')
  // Everything under logs/ to Standard-IA after 30 days, Glacier after 90, deleted after 120 —
  // plus, for this demo, archive/ to Glacier after one day.
  await send(
    client,
    PutBucketLifecycleConfiguration({
      Bucket: bucket,
      LifecycleConfiguration: {
        Rules: [
          {
            ID: 'ruleid',
            Status: 'Enabled',
            Filter: { Prefix: 'logs/' },
            Transitions: [
              { Days: 30, StorageClass: StorageClass.STANDARD_IA },
              { Days: 90, StorageClass: StorageClass.GLACIER },
            ],
            Expiration: { Days: 120 },
          },
          {
            ID: 'archive-soon',
            Status: 'Enabled',
            Filter: { Prefix: 'archive/' },
            Transitions: [{ Days: 1, StorageClass: StorageClass.GLACIER }],
          },
        ],
      },
    }),
  )
  // bucket.get_lifecycle_config()
  const { Rules } = await send(client, GetBucketLifecycleConfiguration({ Bucket: bucket }))
  for (const rule of Rules) {
    const transitions = (rule.Transitions ?? [])
      .map((t) => `in ${t.Days} day${t.Days === 1 ? '' : 's'} ${t.StorageClass}`)
      .join(', ')
    say(`${rule.ID}: ${transitions}${rule.Expiration?.Days ? `, expires in ${rule.Expiration.Days} days` : ''}`)
  }
  await send(client, PutObject({ Bucket: bucket, Key: 'archive/testlog3.log', Body: 'an old log' }))
  // The local test server runs with `rgw lc debug interval = 10`: a lifecycle day lasts 10 seconds.
  if (/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(client.endpoint)) {
    say('waiting for the test server to apply the one-day rule (a day is 10 s there)…')
    let storageClass = 'STANDARD'
    for (let waited = 0; storageClass !== StorageClass.GLACIER && waited < 60; waited += 2) {
      await new Promise((resolve) => setTimeout(resolve, 2000))
      storageClass = (await send(client, HeadObject({ Bucket: bucket, Key: 'archive/testlog3.log' }))).StorageClass
    }
    say(`archive/testlog3.log is now ${storageClass}`)
  }
  await send(client, DeleteBucketLifecycle({ Bucket: bucket }))
  // ── Restoring objects from Glacier ──────────────────────────────────────────────────────────
  chapter('Restoring objects from Glacier')
  const archived = { Bucket: bucket, Key: 'archive/testlog3.log' }
  try {
    await send(client, RestoreObject({ ...archived, RestoreRequest: { Days: 5 } })) // key.restore(days=5)
    say('restore requested')
  } catch (error) {
    // Ceph RGW has no RestoreObject; explainS3Error says so instead of its misleading InvalidArgument.
    const explained = explainS3Error(error)
    if (!(explained instanceof S3Error)) throw error
    say(`${explained.code}: ${explained.message}`)
  }
  // key.ongoing_restore / key.expiry_date come from the x-amz-restore header. The server has no
  // restores to report, so here its answer carries the header values the S3 documentation shows.
  for (const restore of [
    undefined,
    'ongoing-request="true"',
    'ongoing-request="false", expiry-date="Fri, 21 Dec 2012 00:00:00 GMT"',
  ]) {
    const documented = createClient({
      endpoint: client.endpoint,
      region: client.region,
      credentials: client.credentials,
      fetch: async (input, init) => {
        const response = await fetch(input, init)
        const headers = new Headers(response.headers)
        if (restore) headers.set('x-amz-restore', restore)
        return new Response(response.body, { status: response.status, headers })
      },
    })
    const { Restore } = await send(documented, HeadObject(archived))
    say(
      `x-amz-restore ${restore ?? '(absent)'} → ongoing restore ${Restore?.ongoingRequest ?? 'none'}, ` +
        `expiry ${Restore?.expiryDate?.toUTCString() ?? 'none'}`,
    )
  }
  await send(client, DeleteObject(archived))

  // ── Deleting a bucket ──────────────────────────────────────────────────────────────────────
  chapter('Deleting a bucket')
  try {
    await send(client, DeleteBucket({ Bucket: bucket }))
  } catch (error) {
    if (!(error instanceof S3Error)) throw error
    say(`DeleteBucket on a bucket with keys: ${error.code}; delete the keys first`)
  }
  // boto deletes key by key; deleteBucket's force empties the bucket first with emptyBucket:
  // 1,000 keys per DeleteObjects request, old versions too, and unfinished uploads aborted.
  const emptied = await deleteBucket(client, bucket, { force: true })
  say(
    `deleted ${bucket} after deleting ${emptied.deletedObjects} key(s) and aborting ` +
      `${emptied.abortedUploads} unfinished upload(s)`,
  )
} finally {
  if (startedServer && !process.env.S3KIT_KEEP_SERVER) spawnOk('stop')
}
