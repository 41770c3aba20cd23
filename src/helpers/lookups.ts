import { HeadBucket, type HeadBucketOutput } from '../../commands/HeadBucket.js'
import { HeadObject, type HeadObjectInput, type HeadObjectOutput } from '../../commands/HeadObject.js'
import type { Client } from '../core/client.js'
import { S3Error } from '../core/errors.js'
import { type SendOptions, send } from '../core/send.js'

// HEAD responses carry no error document, so a missing key or bucket is a bare 404 (`NotFound`);
// the other two codes are what S3 names them when a body does come back.
const NOT_FOUND = ['NotFound', 'NoSuchKey', 'NoSuchBucket']

function isNotFound(error: unknown): boolean {
  return error instanceof S3Error && error.status === 404 && NOT_FOUND.includes(error.code)
}

async function orNull<T>(request: () => Promise<T>): Promise<T | null> {
  try {
    return await request()
  } catch (error) {
    if (isNotFound(error)) return null
    throw error
  }
}

/**
 * An object's metadata, or `null` when there is no such object. Only "not found" becomes `null`:
 * a 404 for the key, for a version, or for the bucket itself (a HEAD response cannot say which).
 * Every other failure — no permission, a wrong region, the network — is thrown as the `S3Error`
 * it is, so `null` never hides a real problem.
 *
 * @example
 * const head = await headObjectOrNull(client, { Bucket: 'my-bucket', Key: 'foobar' })
 * if (head === null) console.log('no such key')
 * else console.log(head.ContentLength, head.Metadata)
 */
export function headObjectOrNull(
  client: Client,
  input: HeadObjectInput,
  options?: SendOptions,
): Promise<HeadObjectOutput | null> {
  return orNull(() => send(client, HeadObject(input), options))
}

/**
 * What HeadBucket says about a bucket, or `null` when it does not exist. A bucket that exists but
 * is not yours to read (403) is an `S3Error`, not `null`: the name is taken, and treating it as
 * free would be a mistake.
 *
 * @example
 * const bucket = await lookupBucket(client, 'my-bucket')
 * if (bucket === null) await send(client, CreateBucket({ Bucket: 'my-bucket' }))
 */
export function lookupBucket(client: Client, Bucket: string, options?: SendOptions): Promise<HeadBucketOutput | null> {
  return orNull(() => send(client, HeadBucket({ Bucket }), options))
}
