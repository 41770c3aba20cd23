// Back up a directory to S3 with the helpers, then check the copy:
//
//   node backup.mjs ./photos s3://my-bucket/backups/photos/
//
// uploadFile sends each large file in parallel parts (and aborts the upload if anything fails, so
// no parts are left to pay for); paginateItems lists the copy however many pages it takes; and
// abortIncompleteUploads clears uploads that a crashed earlier run may have left behind.
// Credentials and endpoint come from the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
// AWS_REGION, AWS_ENDPOINT_URL).
import { readdir, stat } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { abortIncompleteUploads, createClient, ListObjectsV2, paginateItems } from 's3kit'
import { uploadFile } from 's3kit/node'

const [directory, target] = process.argv.slice(2)
const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(target ?? '')
if (!directory || !match) {
  console.error('usage: node backup.mjs <directory> s3://bucket/prefix/')
  process.exit(2)
}
const [, Bucket, rawPrefix] = match
const prefix = rawPrefix === '' || rawPrefix.endsWith('/') ? rawPrefix : `${rawPrefix}/`
const client = createClient()

// Ctrl-C stops the transfers in flight and aborts their multipart uploads.
const controller = new AbortController()
process.once('SIGINT', () => controller.abort())

const stale = await abortIncompleteUploads(client, Bucket, { olderThan: new Date(Date.now() - 86_400_000) })
if (stale > 0) console.log(`aborted ${stale} upload(s) left by an earlier run`)

const expected = new Map()
for (const entry of await readdir(directory, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue
  const path = join(entry.parentPath, entry.name)
  const Key = prefix + relative(directory, path).split(sep).join('/')
  const { size } = await stat(path)
  await uploadFile(
    client,
    { Bucket, Key, path },
    {
      signal: controller.signal,
      onProgress: ({ loaded, total }) => {
        if (process.stdout.isTTY) process.stdout.write(`\r${Key}: ${Math.round((100 * loaded) / (total || 1))}%`)
      },
    },
  )
  if (process.stdout.isTTY) process.stdout.write('\n')
  expected.set(Key, size)
}

// Check the copy: every file is there with its size.
let verified = 0
for await (const object of paginateItems(client, ListObjectsV2({ Bucket, Prefix: prefix }))) {
  if (expected.get(object.Key) === object.Size) verified++
}
const summary = { uploaded: expected.size, verified, bytes: [...expected.values()].reduce((a, b) => a + b, 0) }
console.log(JSON.stringify(summary))
process.exitCode = verified === expected.size ? 0 : 1
