import type { Command, PaginatedCommand } from '../../../src/core/command.js'

/**
 * One command's contract, checked by test/unit/contract.test.ts: it builds from `valid` without
 * any I/O, refuses each of `invalid` before a request is made (naming the field), and reads its
 * documented `sample` response into an output containing `expected`.
 */
export interface ContractRow {
  // biome-ignore lint/suspicious/noExplicitAny: rows hold commands of every input type
  readonly command: (input: any) => Command<unknown>
  readonly valid: object
  /** Bad inputs and the field each error must name. */
  readonly invalid: ReadonlyArray<readonly [input: object, field: string]>
  readonly sample: {
    /** Where the response comes from: the S3 API reference page, or a capture from Ceph RGW. */
    readonly source: string
    readonly response: () => Response
    readonly expected: object
  }
  /** For paginated commands: a truncated page naming the position it was asked for, and one naming none. */
  readonly pages?: {
    /** The input whose page repeats its own position, and that page. */
    readonly repeated: readonly [input: object, response: () => Response]
    /** A page that says it is truncated but names no next position. */
    readonly unmarked: () => Response
  }
}

export type PaginatedBuilder = (input: object) => PaginatedCommand<unknown, unknown>
