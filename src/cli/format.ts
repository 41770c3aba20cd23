const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB']

/** 1536 → "1.5 KiB": binary units, as `aws s3 ls --human-readable` and `du -h` show them. */
export function humanBytes(bytes: number): string {
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024
    unit++
  }
  return unit === 0 ? `${value} B` : `${value < 10 ? value.toFixed(1) : Math.round(value)} ${UNITS[unit]}`
}

/** "2026-12-01 22:14:32" in UTC: fixed width, sortable, the same on every machine. */
export function shortDate(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ')
}

/** A value for one line of output: never a line break, so that one entry stays one line. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim()
}
