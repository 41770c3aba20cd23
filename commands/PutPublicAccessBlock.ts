import { type PublicAccessBlockConfiguration, publicAccessBlockRequest } from '../codecs/public-access-block.js'
import { type Command, type EmptyOutput, emptyOutput } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/** The input of `PutPublicAccessBlock`: the bucket and its four Block Public Access settings. */
export interface PutPublicAccessBlockInput {
  readonly Bucket: string
  /** Replaces all four settings; one left out is off. */
  readonly PublicAccessBlockConfiguration: PublicAccessBlockConfiguration
}

/**
 * Sets a bucket's Block Public Access settings, which override ACLs and policies that would make
 * it public. The document carries the `Content-MD5` S3 requires.
 *
 * @example
 * await send(
 *   client,
 *   PutPublicAccessBlock({
 *     Bucket: 'my-bucket',
 *     PublicAccessBlockConfiguration: {
 *       BlockPublicAcls: true,
 *       IgnorePublicAcls: true,
 *       BlockPublicPolicy: true,
 *       RestrictPublicBuckets: true,
 *     },
 *   }),
 * )
 */
/* @__NO_SIDE_EFFECTS__ */
export function PutPublicAccessBlock(input: PutPublicAccessBlockInput): Command<EmptyOutput> {
  const bucket = checkBucket(input.Bucket)
  const { headers, body } = publicAccessBlockRequest(input.PublicAccessBlockConfiguration)
  return {
    operation: 'PutPublicAccessBlock',
    method: 'PUT',
    bucket,
    query: { publicAccessBlock: '' },
    headers,
    body,
    parse: emptyOutput,
  }
}
