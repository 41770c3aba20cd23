// Run by node.test.ts: the built package imported by name from Node's ESM loader, one command per
// subpath (`s3kit/commands/GetObject`), as a user would. Prints a JSON report.
import { createClient, PutObject as RootPutObject, S3Error, send } from 's3kit'
import { DeleteObject } from 's3kit/commands/DeleteObject'
import { GetObject } from 's3kit/commands/GetObject'
import { PutObject } from 's3kit/commands/PutObject'

const config = JSON.parse(process.argv[2])
const client = createClient({
  endpoint: config.endpoint,
  region: config.region,
  credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
})
const Bucket = config.bucket
const put = await send(client, PutObject({ Bucket, Key: 'esm.txt', Body: 'from ESM' }))
const text = await (await send(client, GetObject({ Bucket, Key: 'esm.txt' }))).Body.text()
await send(client, DeleteObject({ Bucket, Key: 'esm.txt' }))
const missing = await send(client, GetObject({ Bucket, Key: 'esm.txt' })).catch((error) => ({
  isS3Error: error instanceof S3Error,
  code: error.code,
}))
console.log(JSON.stringify({ format: 'esm', sameFunction: PutObject === RootPutObject, ETag: put.ETag, text, missing }))
