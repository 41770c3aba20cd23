import { type CORSConfiguration, corsRequest } from '../codecs/cors.js'
import { type Command, type EmptyOutput, emptyOutput } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/**
 * The input of `PutBucketCors`: the bucket and its CORS configuration, which replaces the old one
 * whole.
 */
export interface PutBucketCorsInput {
  readonly Bucket: string
  /** Replaces the bucket's whole CORS configuration. */
  readonly CORSConfiguration: CORSConfiguration
}

/**
 * Sets a bucket's CORS rules, so that web pages from other origins may call it. Rules are checked
 * before sending: 1–100 rules, each with origins and methods (GET, PUT, HEAD, POST, DELETE), at
 * most one `*` per origin or header, a document of at most 64 KB.
 *
 * @example
 * await send(
 *   client,
 *   PutBucketCors({
 *     Bucket: 'my-bucket',
 *     CORSConfiguration: {
 *       CORSRules: [
 *         {
 *           AllowedOrigins: ['https://www.example.com'],
 *           AllowedMethods: ['PUT', 'POST', 'DELETE'],
 *           AllowedHeaders: ['*'],
 *           MaxAgeSeconds: 3000,
 *         },
 *       ],
 *     },
 *   }),
 * )
 */
/* @__NO_SIDE_EFFECTS__ */
export function PutBucketCors(input: PutBucketCorsInput): Command<EmptyOutput> {
  return {
    operation: 'PutBucketCors',
    method: 'PUT',
    bucket: checkBucket(input.Bucket),
    query: { cors: '' },
    ...corsRequest(input.CORSConfiguration),
    parse: emptyOutput,
  }
}
