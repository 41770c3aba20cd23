// Charts for docs/performance.md, drawn by Vega (a maintained charting library) as SVG: every chart
// is a Vega specification built here from the figures, rendered headless with
// `new vega.View(vega.parse(spec), { renderer: 'none' }).toSVG()`.
import * as vega from 'vega'

const S3KIT = '#2563eb'
const PEER = '#9ca3af'
const FLOOR = '#374151'

/**
 * Horizontal bars, one per row ({ label, value, group? }), s3kit's in blue, aws4fetch (the floor) in
 * dark grey, other peers in light grey, each labelled with its value; `rule` draws a dashed line at
 * a value (a goal or a bound) with its own label. Rows with a `group` are shown in bands per group.
 */
export function barChart({ title, subtitle, unit, rows, rule, format = ',.0f', width = 560, log = false }) {
  const labels = rows.map((row) => (row.group ? `${row.group} · ${row.label}` : row.label))
  const values = rows.map((row, i) => ({ ...row, key: labels[i], color: colorOf(row.label) }))
  const max = Math.max(...values.map((v) => v.value), rule?.value ?? 0)
  const min = Math.min(...values.map((v) => v.value), rule?.value ?? Number.POSITIVE_INFINITY)
  // A log scale when the peers differ by orders of magnitude; bars then start at a round value below the least.
  const base = log ? 10 ** Math.floor(Math.log10(min / 1.5)) : 0
  return {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    width,
    height: Math.max(60, rows.length * 24),
    padding: { left: 8, right: 24, top: rule ? 18 : 8, bottom: 8 },
    background: 'white',
    title: { text: title, subtitle, anchor: 'start', fontSize: 14, subtitleFontSize: 11, subtitleColor: '#4b5563' },
    data: [{ name: 'rows', values }, ...(rule ? [{ name: 'rule', values: [rule] }] : [])],
    scales: [
      log
        ? { name: 'x', type: 'log', domain: [base, max * 2], range: 'width', nice: true }
        : { name: 'x', type: 'linear', domain: [0, max * 1.15], range: 'width', nice: true, zero: true },
      { name: 'y', type: 'band', domain: labels, range: 'height', padding: 0.2 },
    ],
    axes: [
      { orient: 'bottom', scale: 'x', title: unit, grid: true, gridColor: '#eef0f3', labelFontSize: 10, format: '~s' },
      { orient: 'left', scale: 'y', labelFontSize: 11, labelLimit: 320, domain: false, ticks: false },
    ],
    marks: [
      {
        type: 'rect',
        from: { data: 'rows' },
        encode: {
          enter: {
            x: { scale: 'x', value: base },
            x2: { scale: 'x', field: 'value' },
            y: { scale: 'y', field: 'key' },
            height: { scale: 'y', band: 1 },
            fill: { field: 'color' },
          },
        },
      },
      {
        type: 'text',
        from: { data: 'rows' },
        encode: {
          enter: {
            x: { scale: 'x', field: 'value', offset: 4 },
            y: { scale: 'y', field: 'key', band: 0.5 },
            baseline: { value: 'middle' },
            fontSize: { value: 10 },
            fill: { value: '#111827' },
            text: { signal: `format(datum.value, '${format}') + (datum.note ? '  ' + datum.note : '')` },
          },
        },
      },
      ...(rule
        ? [
            {
              type: 'rule',
              from: { data: 'rule' },
              encode: {
                enter: {
                  x: { scale: 'x', field: 'value' },
                  y: { value: 0 },
                  y2: { signal: 'height' },
                  stroke: { value: '#dc2626' },
                  strokeDash: { value: [4, 3] },
                },
              },
            },
            {
              type: 'text',
              from: { data: 'rule' },
              encode: {
                enter: {
                  x: { scale: 'x', field: 'value' },
                  y: { value: -3 },
                  align: { value: 'center' },
                  baseline: { value: 'bottom' },
                  fontSize: { value: 10 },
                  fill: { value: '#dc2626' },
                  text: { field: 'label' },
                },
              },
            },
          ]
        : []),
    ],
  }
}

function colorOf(label) {
  if (/^s3kit/.test(label)) return S3KIT
  if (/^aws4fetch/.test(label)) return FLOOR
  return PEER
}

/** The SVG of a Vega specification. */
export async function render(spec) {
  const view = new vega.View(vega.parse(spec), { renderer: 'none' })
  const svg = await view.toSVG()
  view.finalize()
  return `${svg}\n`
}
