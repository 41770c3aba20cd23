/// <reference types="node" />
import type { Client } from '../core/index.js'
import { type ConnectionOptions, connect } from './client.js'
import { createProgress, type Progress } from './progress.js'

/** The flags every command takes. */
export interface GlobalOptions extends ConnectionOptions {
  /** False with --no-progress: no bar, only the finished steps' lines. */
  readonly progress: boolean
  /** --quiet: print nothing but errors (and data asked for, as with `cat`). */
  readonly quiet?: boolean
}

/** What a command needs from the outside world, in one place, so commands stay plain functions. */
export interface Context {
  readonly client: Client
  /** Aborted by Ctrl-C / SIGTERM: pass it to every request and helper. */
  readonly signal: AbortSignal
  /** A line of results on stdout (a listing, a URL, a JSON document). */
  readonly print: (text: string) => void
  readonly stdout: NodeJS.WriteStream
  readonly stdin: NodeJS.ReadStream
  /** A progress display for a transfer; `dataOnStdout` when stdout carries the object itself. */
  readonly progress: (options?: { dataOnStdout?: boolean }) => Progress
  readonly options: GlobalOptions
}

export function createContext(options: GlobalOptions, signal: AbortSignal): Context {
  const print = (text: string): void => {
    process.stdout.write(`${text}\n`)
  }
  let client: Client | undefined
  return {
    // Made on first use, so that `s3kit --help` or a usage error needs no credentials or endpoint.
    get client() {
      return (client ??= connect(options))
    },
    signal,
    print,
    stdout: process.stdout,
    stdin: process.stdin,
    progress: ({ dataOnStdout = false } = {}) =>
      createProgress({
        terminal: process.stderr,
        bar: options.progress && !options.quiet,
        lines: options.quiet ? () => undefined : dataOnStdout ? (text) => process.stderr.write(`${text}\n`) : print,
      }),
    options,
  }
}
