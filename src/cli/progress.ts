/// <reference types="node" />
import cliProgress from 'cli-progress'
import { humanBytes } from './format.js'

/**
 * What a transfer reports as it goes. On a terminal: one bar (cli-progress) with bytes, rate and
 * ETA, and the finished files' lines printed above it. Anywhere else (a pipe, a CI log): the
 * files' lines, plus a line at each quarter of the bytes so a long transfer still shows signs of
 * life in a log.
 */
export interface Progress {
  /** Adds to the bytes expected (a recursive copy learns its total file by file). */
  expect(bytes: number): void
  /** Bytes moved since the last call. */
  add(bytes: number): void
  /** The file or key being moved, shown at the end of the bar. */
  show(name: string): void
  /** A finished step ("upload: a.txt to s3://bucket/a.txt"), printed whole. */
  line(text: string): void
  /** Stops the bar and restores the cursor: call it whatever happened. */
  finish(): void
}

export interface ProgressOptions {
  /** Where the bar goes: stderr, so that stdout stays clean for data and lines. */
  readonly terminal: NodeJS.WriteStream
  /** Where the lines go when there is no bar. */
  readonly lines: (text: string) => void
  /** False with --no-progress: lines only. */
  readonly bar: boolean
}

export function createProgress(options: ProgressOptions): Progress {
  return options.bar && options.terminal.isTTY ? barProgress(options) : lineProgress(options)
}

function barProgress({ terminal }: ProgressOptions): Progress {
  const multi = new cliProgress.MultiBar(
    {
      stream: terminal,
      hideCursor: true,
      clearOnComplete: false,
      fps: 8,
      etaBuffer: 40,
      barsize: 30,
      format: formatBar,
    },
    cliProgress.Presets.shades_classic,
  )
  const bar = multi.create(0, 0, { name: '' })
  let total = 0
  let value = 0
  return {
    expect: (bytes) => {
      total += bytes
      bar.setTotal(total)
    },
    add: (bytes) => {
      value += bytes
      bar.update(value)
    },
    show: (name) => bar.update(value, { name }),
    line: (text) => multi.log(`${text}\n`),
    finish: () => {
      bar.update(value)
      // Lines logged since the last redraw are printed by the next one: draw once more first.
      multi.update()
      multi.stop()
    },
  }
}

/** "████░░░░ 42% | 12.0 MiB/28.0 MiB | 31 MiB/s | ETA 0:01 | big.bin", cut to the terminal's width. */
function formatBar(options: cliProgress.Options, params: cliProgress.Params, payload: { name?: string }): string {
  const { value, total, progress, eta, startTime } = params
  const bar = cliProgress.Format.BarFormat(Math.min(1, Math.max(0, progress)), options)
  const seconds = (Date.now() - startTime) / 1000
  const rate = seconds > 0 ? `${humanBytes(Math.round(value / seconds))}/s` : '…'
  const etaText = progress >= 1 ? '0:00' : Number.isFinite(eta) && eta > 0 ? clock(eta) : '…'
  const text =
    `${bar} ${Math.floor(progress * 100)}% | ${humanBytes(value)}/${humanBytes(total)} | ${rate} | ETA ` +
    `${etaText} | ${payload.name ?? ''}`
  const width = (options.stream as NodeJS.WriteStream | undefined)?.columns
  return width && width > 20 && text.length > width - 1 ? `${text.slice(0, width - 2)}…` : text
}

function clock(seconds: number): string {
  const s = Math.round(seconds)
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const rest = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`
}

function lineProgress({ lines }: ProgressOptions): Progress {
  let total = 0
  let value = 0
  let quarter = 0
  return {
    expect: (bytes) => {
      total += bytes
    },
    add: (bytes) => {
      value += bytes
      // Only transfers long enough to be worth it: several parts of 8 MiB.
      if (total < 32 * 2 ** 20) return
      while (quarter < 3 && value >= ((quarter + 1) / 4) * total) {
        quarter++
        lines(`progress: ${25 * quarter}% (${humanBytes(value)} of ${humanBytes(total)})`)
      }
    },
    show: () => undefined,
    line: lines,
    finish: () => undefined,
  }
}

/** For commands whose output is the data itself (`cat`): nothing to show. */
export const silentProgress: Progress = {
  expect: () => undefined,
  add: () => undefined,
  show: () => undefined,
  line: () => undefined,
  finish: () => undefined,
}
