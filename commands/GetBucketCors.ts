import { type CORSRuleOutput, readCors } from '../codecs/cors.js'
import type { Command } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/** The input of `GetBucketCors`: the bucket whose CORS rules to read. */
export interface GetBucketCorsInput {
  readonly Bucket: string
}

/** What `GetBucketCors` returns: the bucket's CORS rules, in the order S3 applies them. */
export interface GetBucketCorsOutput {
  readonly CORSRules: CORSRuleOutput[]
}

/**
 * Reads a bucket's CORS rules. A bucket without any is an `S3Error` with code
 * `NoSuchCORSConfiguration` (`CorsErrorCode.NoSuchCORSConfiguration`).
 *
 * @example
 * const { CORSRules } = await send(client, GetBucketCors({ Bucket: 'my-bucket' }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function GetBucketCors(input: GetBucketCorsInput): Command<GetBucketCorsOutput> {
  return {
    operation: 'GetBucketCors',
    method: 'GET',
    bucket: checkBucket(input.Bucket),
    query: { cors: '' },
    parse: async (response, context) => ({ CORSRules: await readCors(response, context) }),
  }
}
