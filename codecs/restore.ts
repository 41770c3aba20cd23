import { lenientDateHeader } from './headers.js'

/**
 * The `x-amz-restore` header of an archived object (HeadObject, GetObject):
 * `ongoing-request="true"` while a restore runs, then
 * `ongoing-request="false", expiry-date="Fri, 21 Dec 2012 00:00:00 GMT"` until the copy expires.
 * The expiry date holds a comma, so fields are matched by name rather than split on commas.
 */
export interface RestoreStatus {
  /** True while S3 is still restoring the object. */
  readonly ongoingRequest: boolean
  /** When the restored copy goes away; absent while ongoing. */
  readonly expiryDate?: Date
}

/** Reads the header (a `HeaderReader`); no header, or one without `ongoing-request`, is no status. */
export function parseRestore(header: string | null): RestoreStatus | undefined {
  if (header === null) return undefined
  const ongoing = /ongoing-request\s*=\s*"(true|false)"/i.exec(header)
  if (!ongoing) return undefined
  const expiry = /expiry-date\s*=\s*"([^"]+)"/i.exec(header)
  // An expiry that is not a date is left out rather than kept as an invalid Date.
  const expiryDate = expiry && lenientDateHeader(expiry[1]!)
  return { ongoingRequest: ongoing[1]!.toLowerCase() === 'true', ...(expiryDate && { expiryDate }) }
}
