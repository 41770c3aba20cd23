import * as z from 'zod/mini'
import { xmlDocument } from './xml.js'

/**
 * `<LocationConstraint>` (S3 API reference, GetBucketLocation): the region's name as text, empty
 * for us-east-1 (the text is checked to be a location's form: letters, digits, `-`, `_`, `:`).
 */
export const locationDocument = /* @__PURE__ */ xmlDocument([], () =>
  z.object({ LocationConstraint: z.string().check(z.regex(/^\s*$|^[A-Za-z0-9_:-]+$/)) }),
)
