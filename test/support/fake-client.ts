import { vi } from 'vitest'
import { type ClientConfig, createClient, type FetchLike } from '../../src/core/client.js'
import type { Command } from '../../src/core/command.js'

/**
 * The one fake client of the unit tests: a real client whose fetch answers from `responses`, in
 * order (the last one repeats), and records every request it was given. Each response must come
 * from the S3 documentation or a capture from the real server; the test says which.
 */
export function fakeClient(
  responses: ReadonlyArray<(request: Request) => Response | Promise<Response>>,
  config: ClientConfig = {},
) {
  const calls: Request[] = []
  const fetch = vi.fn<FetchLike>(async (input, init) => {
    const request = new Request(input, init)
    calls.push(request)
    return responses[Math.min(calls.length - 1, responses.length - 1)]!(request)
  })
  const client = createClient({
    endpoint: 'http://127.0.0.1:7480',
    region: 'us-east-1',
    credentials: EXAMPLE_CREDENTIALS,
    fetch,
    retry: { baseDelayMs: 1 },
    ...config,
  })
  return { client, fetch, calls }
}

/** The example keys of the AWS SigV4 documentation. */
export const EXAMPLE_CREDENTIALS = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
}

/** Parses `response` with `command`, as `send` would: with the command's own context. */
export function parseWith<Output>(command: Command<Output>, response: Response): Promise<Output> {
  return Promise.resolve(
    command.parse(response, { operation: command.operation, bucket: command.bucket, key: command.key }),
  )
}

/** A 200 XML response with `body`. */
export const xml = (body: string, status = 200): Response =>
  new Response(body, { status, headers: { 'content-type': 'application/xml' } })
