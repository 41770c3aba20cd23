import { readdirSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { PaginatedCommand } from '../../src/core/command.js'
import { InputError, S3Error } from '../../src/core/errors.js'
import { send } from '../../src/core/send.js'
import { paginate } from '../../src/helpers/paginate.js'
import { fakeClient } from '../support/fake-client.js'
import type { ContractRow } from './contract/types.js'

// Every command's row, from the files beside this one (one per area of the API).
const modules = import.meta.glob<Record<string, ContractRow>>('./contract/*.ts', { eager: true, import: 'rows' })
const rows = Object.values(modules).flatMap((module) => Object.entries(module ?? {}))
const commandFiles = readdirSync(new URL('../../commands', import.meta.url))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.slice(0, -3))

afterEach(() => {
  vi.unstubAllGlobals()
})

it('covers every command in commands/', () => {
  expect(rows.map(([name]) => name).sort()).toEqual(commandFiles.sort())
})

describe.each(rows)('%s', (name, row) => {
  it('is built by a function named after its operation, without any I/O', () => {
    const fetch = vi.fn()
    vi.stubGlobal('fetch', fetch)
    const command = row.command(row.valid)
    expect(row.command.name).toBe(name)
    expect(command.operation).toBe(name)
    expect(fetch).not.toHaveBeenCalled()
    // Plain data: rebuilding from the same input gives the same request.
    const { parse: _parse, pagination: _pagination, ...request } = command as PaginatedCommand<unknown, unknown>
    const { parse: _again, pagination: _pages, ...same } = row.command(row.valid) as PaginatedCommand<unknown, unknown>
    expect(same).toEqual(request)
  })

  it.each(row.invalid.map(([input, field]) => [field, input] as const))(
    'refuses a bad %s before anything is sent',
    async (field, input) => {
      const { client, fetch } = fakeClient([() => new Response(null, { status: 500 })])
      let error: unknown
      try {
        await send(client, row.command(input))
      } catch (caught) {
        error = caught
      }
      expect(error).toBeInstanceOf(InputError)
      expect((error as InputError).field).toBe(field)
      expect(fetch).not.toHaveBeenCalled()
    },
  )

  it(`reads its documented response (${row.sample.source})`, async () => {
    const { client, calls } = fakeClient([row.sample.response])
    const output = await send(client, row.command(row.valid))
    expect(output).toMatchObject(row.sample.expected)
    expect(calls).toHaveLength(1)
  })

  if (row.pages) {
    const pages = row.pages
    it('ends in a typed error, not a loop, when the server repeats its position', async () => {
      const [input, response] = pages.repeated
      const { client, calls } = fakeClient([response])
      const error = await drain(paginate(client, row.command(input) as PaginatedCommand<unknown, unknown>)).catch(
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(S3Error)
      expect(error).toMatchObject({ code: 'InvalidResponse', operation: name })
      expect(calls).toHaveLength(1)
    })

    it('ends in a typed error when a truncated page names no next position', async () => {
      const { client, calls } = fakeClient([pages.unmarked])
      const error = await drain(paginate(client, row.command(row.valid) as PaginatedCommand<unknown, unknown>)).catch(
        (e: unknown) => e,
      )
      expect(error).toMatchObject({ code: 'InvalidResponse', operation: name })
      expect(calls).toHaveLength(1)
    })
  }
})

async function drain(pages: AsyncIterable<unknown>): Promise<number> {
  let count = 0
  for await (const _ of pages) count++
  return count
}
