import * as z from 'zod/mini'
import type { ResponseContext } from '../src/core/command.js'
import { invalidResponse } from '../src/core/errors.js'
import { lazy } from '../src/core/lazy.js'
import { parseDocument, type XmlDocument } from './xml.js'

/**
 * Reading the configuration documents of a bucket's or an object's sub-resources (`?versioning`,
 * `?tagging`, `?object-lock`, `?encryption`, …), shared by their Get commands.
 *
 * A server that does not know a sub-resource may ignore it and answer the plain request: Ceph RGW
 * 16 answers `GET /bucket?ownershipControls` and `GET /bucket?encryption` with a 200 bucket
 * listing. That is an `InvalidResponse` that says so, never a listing taken for a configuration.
 */
export async function readSubresource<S extends z.ZodMiniType>(
  response: Response,
  document: XmlDocument<S>,
  context: ResponseContext,
): Promise<z.output<S>> {
  const text = await response.text()
  if (/^(?:\uFEFF)?\s*(?:<\?xml[^>]*\?>\s*)?<ListBucketResult[\s>/]/.test(text)) {
    throw invalidResponse(
      context,
      response.status,
      `the server answered with a listing of the bucket instead of the configuration: it does not ` +
        `implement ${context.operation} (Ceph RGW 16 answers this way).`,
    )
  }
  return parseDocument(text, document, { ...context, status: response.status })
}

/**
 * A boolean element in either case: S3's own samples write `TRUE`/`FALSE` in the public access
 * documents (GetPublicAccessBlock, GetBucketPolicyStatus) where other documents use `true`.
 */
export const anyCaseBoolean = /* @__PURE__ */ lazy(() =>
  z.pipe(
    z.string().check(z.regex(/^(true|false)$/i)),
    z.transform((value: string) => value.toLowerCase() === 'true'),
  ),
)

/** An element that may be empty (`<X/>` or only white space, read as a string) or hold children. */
export function emptyOr<S extends z.ZodMiniType>(content: S) {
  return z.union([z.string().check(z.regex(/^\s*$/)), content])
}
