/// <reference types="node" />
import { CommanderError } from 'commander'
import { onInterrupt } from './interrupt.js'
import { buildProgram } from './program.js'
import { ExitCode, reportError } from './report-error.js'

/**
 * Runs the command line with `args` (without `node` and the script) and resolves to the exit
 * code; errors are printed on stderr as one line each.
 */
export async function main(args: readonly string[]): Promise<number> {
  const interrupt = onInterrupt()
  // `s3kit ls | head`: the reader went away, which is not an error worth a message. A closed
  // terminal (SIGHUP) fails every later write: the clean-up in progress must still finish.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(ExitCode.ok)
    if (!interrupt.received()) process.exitCode = ExitCode.failed
  })
  process.stderr.on('error', () => undefined)
  try {
    await buildProgram(interrupt.signal).parseAsync([...args], { from: 'user' })
    return ExitCode.ok
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander has printed the message (or the help) itself.
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage
    }
    // An abort surfaces as whatever the aborted step threw; the signal says what really happened.
    const report = reportError(interrupt.received() ? interrupt.signal.reason : error)
    process.stderr.write(`${report.line}\n`)
    return report.exitCode
  } finally {
    interrupt.dispose()
  }
}
