// Browser uploads straight to S3 with presigned PUT URLs: the page asks this server for a URL
// (POST /presign), then sends the file to S3 itself. The file never passes through the server,
// and the browser never sees a key: the URL allows one PUT of one key, for ten minutes.
//
//   BUCKET=my-bucket AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=… [AWS_ENDPOINT_URL=…] node server.mjs
//
// The bucket must let the page's origin PUT to it (CORS); allowBrowserUploads sets such a rule.
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { createClient, PutBucketCors, PutObject, presign, send } from 's3kit'

const page = await readFile(new URL('./index.html', import.meta.url))

export function startServer({ client, bucket, port = 0 }) {
  const server = createServer(async (request, response) => {
    try {
      if (request.method === 'GET' && request.url === '/') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page)
      } else if (request.method === 'POST' && request.url === '/presign') {
        const { name, type } = JSON.parse(await readBody(request))
        // The key is chosen here, not by the page: a visitor can only ever write under uploads/.
        const Key = `uploads/${String(name).replace(/[^\w.-]+/g, '_')}`
        const signed = await presign(
          client,
          PutObject({ Bucket: bucket, Key, ContentType: type || 'application/octet-stream' }),
          {
            expiresIn: 600,
          },
        )
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ Key, ...signed }))
      } else {
        response.writeHead(404).end()
      }
    } catch (error) {
      response.writeHead(400, { 'content-type': 'text/plain' }).end(String(error.message))
    }
  })
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)))
}

/** A CORS rule that lets pages from `origin` PUT objects and read the ETag of the answer. */
export function allowBrowserUploads(client, bucket, origin) {
  return send(
    client,
    PutBucketCors({
      Bucket: bucket,
      CORSConfiguration: {
        CORSRules: [
          {
            AllowedOrigins: [origin],
            AllowedMethods: ['PUT'],
            AllowedHeaders: ['*'],
            ExposeHeaders: ['ETag'],
            MaxAgeSeconds: 600,
          },
        ],
      },
    }),
  )
}

async function readBody(request) {
  let text = ''
  for await (const chunk of request) text += chunk
  return text
}

// Run directly (not imported): serve on PORT (or any free port), allow this origin, print the URL.
if (import.meta.url === `file://${process.argv[1]}`) {
  const client = createClient()
  const bucket = process.env.BUCKET
  if (!bucket) throw new Error('set BUCKET to the bucket to upload into')
  const server = await startServer({ client, bucket, port: Number(process.env.PORT ?? 0) })
  const origin = `http://127.0.0.1:${server.address().port}`
  await allowBrowserUploads(client, bucket, origin)
  console.log(origin)
}
