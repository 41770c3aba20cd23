// The boto S3 tutorial ("An Introduction to boto's S3 interface"), retold with s3kit.
// Run it with `npm run demo`: it talks to S3_ENDPOINT if set, or starts the local Ceph RGW test
// server (scripts/s3-server.sh) and stops it again at the end.
//
// It imports the package by its own name, exactly as an application would.
import { execFileSync } from 'node:child_process'
import {
  createClient,
  send,
  CreateBucket,
  DeleteBucket,
  DeleteObject,
  GetObject,
  HeadBucket,
  ListBuckets,
  Location,
  PutObject,
  S3Error,
  ListObjectsV2,
  paginateItems,
  deleteBucket,
  CopyObject,
  headObjectOrNull,
} from 's3kit'
import { putFile, getFile } from 's3kit/node'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const say = (text) => console.log(text)
const chapter = (title) => console.log(`\n━━ ${title} ━━`)

// ── A server to talk to ────────────────────────────────────────────────────────────────────────
let startedServer = false
if (!process.env.S3_ENDPOINT) {
  const running = spawnOk('status')
  const env = execFileSync('bash', ['scripts/s3-server.sh', 'start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
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
  say(`connected to ${client.endpoint} (region ${client.region}); a client from the environment has endpoint ${fromEnv.endpoint}`)
  say(`the client holds no secret you could print: ${JSON.stringify(client)}`)

  // ── Creating a bucket ──────────────────────────────────────────────────────────────────────
  chapter('Creating a bucket')
  const bucket = `s3kit-demo-${Date.now().toString(36)}`
  await send(client, CreateBucket({ Bucket: bucket }))
  say(`created bucket ${bucket}`)
  // Bucket names are one namespace shared by everyone: another user's name is taken.
  const otherUser = process.env.S3_ACCESS_KEY_ID_2
    ? createClient({ credentials: { accessKeyId: process.env.S3_ACCESS_KEY_ID_2, secretAccessKey: process.env.S3_SECRET_ACCESS_KEY_2 } })
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
  say(`locations, as boto's Location had them: ${Object.keys(Location).join(', ')}`)
  try {
    await send(client, CreateBucket({ Bucket: `${bucket}-eu`, CreateBucketConfiguration: { LocationConstraint: Location.EU } }))
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
  say(`foo.jpg → myfile (${fetched.ContentType}, ${fetched.ContentLength} bytes) → bar.jpg (${(await readFile(join(files, 'bar.jpg'))).length} bytes)`)
  // Not sure a key exists? headObjectOrNull is boto's get_key: null when it is not there.
  const maybe = await headObjectOrNull(client, { Bucket: bucket, Key: 'mykey' })
  say(`headObjectOrNull mykey → ${maybe}; myfile → ${(await headObjectOrNull(client, { Bucket: bucket, Key: 'myfile' }))?.ETag}`)
  await send(client, DeleteObject({ Bucket: bucket, Key: 'myfile' }))

  // (chapter: storing large data — multipart upload in parallel parts)

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
  await send(client, PutObject({ Bucket: bucket, Key: 'logs/testlog1.log', Body: 'first log', StorageClass: 'STANDARD_IA' }))
  await send(client, PutObject({ Bucket: bucket, Key: 'logs/testlog2.log', Body: 'second log', StorageClass: 'GLACIER' }))
  await send(client, PutObject({ Bucket: bucket, Key: 'logs/2024/january.log', Body: 'old log' }))
  // bucket.list(): every key, however many pages it takes, each with its storage class.
  for await (const key of paginateItems(client, ListObjectsV2({ Bucket: bucket }))) {
    say(`<Key: ${bucket},${key.Key}> ${key.StorageClass} (${key.Size} bytes)`)
  }
  // bucket.list(prefix='logs/', delimiter='/'): one level of the "directory" tree.
  const logs = await send(client, ListObjectsV2({ Bucket: bucket, Prefix: 'logs/', Delimiter: '/' }))
  say(`under logs/: ${logs.Contents.map((k) => k.Key).join(', ')}; sub-directories: ${logs.CommonPrefixes.map((p) => p.Prefix).join(', ')}`)

  // ── Listing all available buckets ──────────────────────────────────────────────────────────
  chapter('Listing all available buckets')
  const { Buckets } = await send(client, ListBuckets())
  say(`${Buckets.length} bucket(s): ${Buckets.map((b) => b.Name).join(', ')}`)

  // (chapter: access control lists)
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
  await send(client, CopyObject({
    Bucket: bucket,
    Key: 'has_metadata',
    CopySource: { Bucket: bucket, Key: 'has_metadata' },
    MetadataDirective: 'REPLACE',
    ContentType: 'text/plain; charset=utf-8',
    Metadata: { meta1: 'Première valeur ✓' },
  }))
  const replaced = await headObjectOrNull(client, { Bucket: bucket, Key: 'has_metadata' })
  say(`after a REPLACE copy: ${JSON.stringify(replaced.Metadata)}, ${replaced.ContentType}`)
  await send(client, DeleteObject({ Bucket: bucket, Key: 'has_metadata' }))
  await rm(files, { recursive: true, force: true })
  // (chapter: CORS)
  // (chapter: transitioning objects — lifecycle)
  // (chapter: restoring objects from Glacier)

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
  say(`deleted ${bucket} after deleting ${emptied.deletedObjects} key(s) and aborting ${emptied.abortedUploads} unfinished upload(s)`)
} finally {
  if (startedServer && !process.env.S3KIT_KEEP_SERVER) spawnOk('stop')
}
