/// <reference types="node" />
/**
 * Ctrl-C (SIGINT), SIGTERM and a closed terminal (SIGHUP) abort the running command through one AbortSignal: uploads
 * abort their multipart upload, downloads remove their temporary file, and the command then exits with 128 + the
 * signal's number, as a shell reports a process killed by it. A second Ctrl-C exits at once, for when cleaning up
 * itself hangs.
 */
export interface Interrupt {
  readonly signal: AbortSignal
  /** The signal that arrived, if any. */
  received(): NodeJS.Signals | undefined
  dispose(): void
}

export const SIGNAL_EXIT_CODES: Record<string, number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 }

const SIGNALS = ['SIGHUP', 'SIGINT', 'SIGTERM'] as const

export function onInterrupt(): Interrupt {
  const controller = new AbortController()
  let received: NodeJS.Signals | undefined
  const handle = (name: NodeJS.Signals): void => {
    if (received) process.exit(SIGNAL_EXIT_CODES[name])
    received = name
    controller.abort(new InterruptedError(name))
  }
  for (const name of SIGNALS) process.on(name, handle)
  return {
    signal: controller.signal,
    received: () => received,
    dispose: () => {
      for (const name of SIGNALS) process.off(name, handle)
    },
  }
}

export class InterruptedError extends Error {
  override readonly name = 'InterruptedError'
  constructor(readonly signalName: NodeJS.Signals) {
    super(`interrupted by ${signalName}`)
  }
}
