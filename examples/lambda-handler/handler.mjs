// A Lambda-style Node handler: S3 calls it when an object lands under uploads/ (an "s3:ObjectCreated"
// event), and it writes a small JSON report about that object under reports/. On AWS Lambda the
// region and temporary keys come from the environment (AWS_REGION, AWS_ACCESS_KEY_ID,
// AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), which is where createClient() looks by default.
import { createHash } from 'node:crypto'
import { createClient, GetObject, PutObject, send } from 's3kit'

// Created once per container, outside the handler: a client is a plain object, so this costs
// nothing and holds nothing that a frozen Lambda container could find stale.
const client = createClient()

export async function handler(event) {
  const reports = []
  for (const record of event.Records ?? []) {
    const Bucket = record.s3.bucket.name
    // S3 event keys are URL-encoded, with '+' for spaces.
    const Key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '))
    const object = await send(client, GetObject({ Bucket, Key }))
    // Stream the body through the hash: memory stays flat whatever the object's size.
    const hash = createHash('sha256')
    let bytes = 0
    for await (const chunk of object.Body) {
      hash.update(chunk)
      bytes += chunk.byteLength
    }
    const report = { Key, bytes, sha256: hash.digest('hex'), ContentType: object.ContentType, ETag: object.ETag }
    await send(
      client,
      PutObject({
        Bucket,
        Key: `reports/${Key}.json`,
        Body: JSON.stringify(report),
        ContentType: 'application/json',
      }),
    )
    reports.push(report)
  }
  return { statusCode: 200, body: JSON.stringify(reports) }
}
