// A Cloudflare Worker that stores and serves objects: PUT /<key> stores the request body, GET
// /<key> streams the object back, GET / lists the keys. The object's bytes stream straight from
// S3 to the visitor: the Worker never holds a whole object in memory.
//
// Configuration comes from the Worker's bindings (wrangler.toml [vars] and `wrangler secret put`),
// not from process.env: Workers have no `process` unless nodejs_compat is on, and s3kit needs none.
import { createClient, GetObject, ListObjectsV2, PutObject, S3Error, send } from 's3kit'

export default {
  async fetch(request, env) {
    const client = createClient({
      endpoint: env.S3_ENDPOINT, // e.g. https://<account>.r2.cloudflarestorage.com, or leave out for AWS
      region: env.S3_REGION ?? 'auto',
      credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY },
    })
    const Bucket = env.BUCKET
    const Key = decodeURIComponent(new URL(request.url).pathname.slice(1))
    try {
      if (request.method === 'GET' && Key === '') {
        const { Contents } = await send(client, ListObjectsV2({ Bucket, MaxKeys: 100 }))
        return Response.json(Contents.map(({ Key, Size }) => ({ Key, Size })))
      }
      if (request.method === 'GET') {
        const object = await send(client, GetObject({ Bucket, Key }))
        return new Response(object.Body, {
          headers: { 'content-type': object.ContentType ?? 'application/octet-stream', etag: object.ETag },
        })
      }
      if (request.method === 'PUT') {
        // A Worker's request body is a stream of unknown length; S3's PutObject needs the length,
        // so small bodies are read whole (use the `upload` helper for large ones: it sends parts).
        const { ETag } = await send(
          client,
          PutObject({
            Bucket,
            Key,
            Body: new Uint8Array(await request.arrayBuffer()),
            ContentType: request.headers.get('content-type') ?? 'application/octet-stream',
          }),
        )
        return Response.json({ Key, ETag }, { status: 201 })
      }
      return new Response('use GET or PUT', { status: 405, headers: { allow: 'GET, PUT' } })
    } catch (error) {
      // S3's own code travels to the caller; anything else is a bug and is thrown.
      if (!(error instanceof S3Error)) throw error
      return Response.json({ code: error.code, message: error.message }, { status: error.status === 404 ? 404 : 502 })
    }
  },
}
