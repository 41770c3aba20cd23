/// <reference types="vite/client" />

import { readdirSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Command } from '../../src/core/command.js'
import { InputError } from '../../src/core/errors.js'
import { send } from '../../src/core/send.js'
import { fakeClient } from '../support/fake-client.js'
import { COMMANDS, invalidCases, validInput } from './fuzz/inputs.js'

/**
 * Issue 12, item 9: every command's input, fuzzed from the table in test/unit/fuzz/inputs.ts.
 * Valid inputs (every required field, any optional ones, values drawn from each field's arbitrary)
 * are never refused; each invalid value of each field, with the rest of the input valid, is
 * refused by `send` with an `InputError` naming that field, before any request.
 */

type Build = (input: Record<string, unknown>) => Command<unknown>
const modules = import.meta.glob<Record<string, Build>>('../../commands/*.ts')
const load = async (name: string): Promise<Build> => (await modules[`../../commands/${name}.ts`]!())[name]!

const show = (value: unknown): string =>
  value instanceof Date
    ? `Date(${value.getTime()})`
    : value instanceof Blob
      ? 'Blob'
      : typeof value === 'string' && value.length > 40
        ? `"${value.slice(0, 12)}…" (${value.length} chars)`
        : (JSON.stringify(value) ?? String(value))

/** What goes wrong when `input` is sent: undefined when refused as expected. */
async function refusalProblem(
  build: Build,
  input: Record<string, unknown>,
  field: string,
  value: string,
): Promise<string | undefined> {
  const { client, fetch } = fakeClient([() => new Response('', { status: 200 })])
  let thrown: unknown
  try {
    await send(client, build(input))
  } catch (error) {
    thrown = error
  }
  const called = fetch.mock.calls.length > 0 ? ' and fetch was called' : ''
  if (thrown === undefined) return `${field}=${value}: accepted${called}`
  if (!(thrown instanceof InputError))
    return `${field}=${value}: ${(thrown as Error)?.name ?? typeof thrown} instead of InputError${called}`
  const named = thrown.field === field || thrown.field.startsWith(`${field}.`) || thrown.field.startsWith(`${field}[`)
  if (!named) return `${field}=${value}: InputError names "${thrown.field}"${called}`
  return called ? `${field}=${value}: refused only after fetch was called` : undefined
}

describe('input fuzzing', () => {
  it('describes every command in commands/', () => {
    const files = readdirSync(new URL('../../commands/', import.meta.url))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => file.slice(0, -3))
      .sort()
    expect(Object.keys(COMMANDS).sort()).toEqual(files)
  })

  describe.each(Object.keys(COMMANDS).sort())('%s', (name) => {
    const spec = COMMANDS[name]!

    it('accepts every valid input', async () => {
      const build = await load(name)
      const problems = new Set<string>()
      fc.assert(
        fc.property(validInput(spec), (input) => {
          try {
            build(input)
          } catch (error) {
            problems.add(
              error instanceof InputError
                ? `refuses a valid ${error.field}: ${show(input[error.field.split(/[.[]/)[0]!])}`
                : `throws ${(error as Error).message}`,
            )
          }
        }),
        { numRuns: 100 },
      )
      expect([...problems]).toEqual([])
    })

    it('refuses every invalid input before any request, naming the field', async () => {
      const build = await load(name)
      const cases = invalidCases(spec)
      const rests = fc.sample(validInput(spec), { numRuns: cases.length, seed: 12 })
      const problems: string[] = []
      for (const [index, { field, value, missing }] of cases.entries()) {
        const input: Record<string, unknown> = { ...rests[index]!, [field]: value }
        // A field of an exclusive group is tried alone: with another of the group the input would be wrong twice.
        if (spec.exclusive?.includes(field))
          for (const other of spec.exclusive) if (other !== field) delete input[other]
        if (missing) delete input[field]
        const problem = await refusalProblem(build, input, field, missing ? '(missing)' : show(value))
        if (problem) problems.push(problem)
      }
      expect(problems).toEqual([])
    })
  })
})
