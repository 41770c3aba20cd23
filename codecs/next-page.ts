import { invalidResponse, type HeaderContext } from './headers.js'

/**
 * The position a truncated page hands to the next request. A truncated page that names no
 * position, or the one just used, would make a paginator stop early or loop forever: both are
 * reported as `InvalidResponse` instead.
 */
export function nextPosition(truncated: boolean, next: string | undefined, current: string | undefined, field: string, context: HeaderContext): string | undefined {
  if (!truncated) return undefined
  if (!next) throw invalidResponse(context, 200, `the page is truncated but has no ${field} to continue from.`)
  if (next === current) throw invalidResponse(context, 200, `the page is truncated but its ${field} does not move past the previous one ("${next}").`)
  return next
}
