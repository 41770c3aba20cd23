import { CreateBucket } from '../../../commands/CreateBucket.js'
import { send } from '../../core/index.js'
import { deleteBucket } from '../../helpers/index.js'
import type { Context } from '../context.js'
import { parseBucket } from '../location.js'

/**
 * `s3kit mb s3://bucket [--region r]`: CreateBucket, in the region given (or the client's). us-east-1
 * takes no location document, as S3 requires.
 */
export async function mb(context: Context, target: string): Promise<void> {
  const bucket = parseBucket(target, 'bucket')
  const region = context.client.region
  const command = CreateBucket({
    Bucket: bucket,
    ...(region !== 'us-east-1' ? { CreateBucketConfiguration: { LocationConstraint: region } } : {}),
  })
  await send(context.client, command, { signal: context.signal })
  if (!context.options.quiet) context.print(`make_bucket: ${bucket}`)
}

/**
 * `s3kit rb s3://bucket`: DeleteBucket; with --force, every object, version and incomplete upload
 * is deleted first (`deleteBucket(…, { force: true })`).
 */
export async function rb(context: Context, target: string, options: { force?: boolean }): Promise<void> {
  const bucket = parseBucket(target, 'bucket')
  const { deletedObjects } = await deleteBucket(context.client, bucket, {
    ...(options.force ? { force: true as const } : {}),
    signal: context.signal,
  })
  if (!context.options.quiet)
    context.print(`remove_bucket: ${bucket}${options.force ? ` (${deletedObjects} object(s) deleted first)` : ''}`)
}
