// Run by node.test.ts: the built package required by name from CommonJS, one command per subpath.
// Before the root entry is required, the command subpaths alone must load none of s3kit's
// dependencies (GetObject and PutObject carry no XML, no zod). Prints a JSON report.
const { GetObject } = require('s3kit/commands/GetObject')
const { PutObject } = require('s3kit/commands/PutObject')
const { DeleteObject } = require('s3kit/commands/DeleteObject')
const dependenciesLoadedByCommands = Object.keys(require.cache).filter((path) => path.includes('/node_modules/'))
const { createClient, send, S3Error, PutObject: RootPutObject } = require('s3kit')

async function main() {
  const config = JSON.parse(process.argv[2])
  const client = createClient({
    endpoint: config.endpoint,
    region: config.region,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
  })
  const Bucket = config.bucket
  const put = await send(client, PutObject({ Bucket, Key: 'cjs.txt', Body: 'from CommonJS' }))
  const text = await (await send(client, GetObject({ Bucket, Key: 'cjs.txt' }))).Body.text()
  await send(client, DeleteObject({ Bucket, Key: 'cjs.txt' }))
  const missing = await send(client, GetObject({ Bucket, Key: 'cjs.txt' })).catch((error) => ({
    isS3Error: error instanceof S3Error,
    code: error.code,
  }))
  console.log(
    JSON.stringify({
      format: 'cjs',
      sameFunction: PutObject === RootPutObject,
      dependenciesLoadedByCommands,
      ETag: put.ETag,
      text,
      missing,
    }),
  )
}
main().catch((error) => {
  console.error(error)
  process.exit(1)
})
