import { type PublicAccessBlockOutput, readPublicAccessBlock } from '../codecs/public-access-block.js'
import type { Command } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/** The input of `GetPublicAccessBlock`: the bucket whose Block Public Access settings to read. */
export interface GetPublicAccessBlockInput {
  readonly Bucket: string
}

/**
 * What `GetPublicAccessBlock` returns: the bucket's four Block Public Access settings, each a
 * boolean (a setting S3 leaves out is `false`), where `@aws-sdk/client-s3` leaves them optional.
 */
export interface GetPublicAccessBlockOutput {
  /** All four settings; one S3 leaves out is off. */
  readonly PublicAccessBlockConfiguration: PublicAccessBlockOutput
}

/**
 * Reads a bucket's Block Public Access settings. A bucket without any is an `S3Error` with code
 * `NoSuchPublicAccessBlockConfiguration` on AWS (Ceph RGW 16 answers with all four off instead).
 *
 * @example
 * const { PublicAccessBlockConfiguration } = await send(client, GetPublicAccessBlock({ Bucket: 'my-bucket' }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function GetPublicAccessBlock(input: GetPublicAccessBlockInput): Command<GetPublicAccessBlockOutput> {
  return {
    operation: 'GetPublicAccessBlock',
    method: 'GET',
    bucket: checkBucket(input.Bucket),
    query: { publicAccessBlock: '' },
    parse: async (response, context) => ({
      PublicAccessBlockConfiguration: await readPublicAccessBlock(response, context),
    }),
  }
}
