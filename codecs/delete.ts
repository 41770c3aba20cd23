import * as z from 'zod/mini'
import { boolean, text, xmlDocument } from './xml.js'

/** `<DeleteResult>` (S3 API reference, DeleteObjects, response syntax). */
export const deleteResult = /* @__PURE__ */ xmlDocument(['DeleteResult.Deleted', 'DeleteResult.Error'], () =>
  z.object({
    DeleteResult: z._default(
      z.union([
        z.literal(''),
        z.object({
          Deleted: z._default(
            z.optional(
              z.array(
                z.object({
                  Key: text(),
                  VersionId: z.optional(text()),
                  DeleteMarker: z.optional(boolean()),
                  DeleteMarkerVersionId: z.optional(text()),
                }),
              ),
            ),
            [],
          ),
          Error: z._default(
            z.optional(
              z.array(
                z.object({
                  Key: text(),
                  VersionId: z.optional(text()),
                  Code: text(),
                  Message: z._default(z.optional(text()), ''),
                }),
              ),
            ),
            [],
          ),
        }),
      ]),
      '',
    ),
  }),
)
