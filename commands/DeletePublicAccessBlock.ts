import { type Command, type EmptyOutput, emptyOutput } from '../src/core/command.js'
import { checkBucket } from '../src/core/validate.js'

/** The input of `DeletePublicAccessBlock`: the bucket whose Block Public Access settings to remove. */
export interface DeletePublicAccessBlockInput {
  readonly Bucket: string
}

/**
 * Removes a bucket's Block Public Access settings (account-level settings still apply on AWS).
 *
 * @example
 * await send(client, DeletePublicAccessBlock({ Bucket: 'my-bucket' }))
 */
/* @__NO_SIDE_EFFECTS__ */
export function DeletePublicAccessBlock(input: DeletePublicAccessBlockInput): Command<EmptyOutput> {
  return {
    operation: 'DeletePublicAccessBlock',
    method: 'DELETE',
    bucket: checkBucket(input.Bucket),
    query: { publicAccessBlock: '' },
    parse: emptyOutput,
  }
}
