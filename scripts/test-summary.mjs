// Prints `tests: N passed, M failed` from vitest's JSON report, counting a failed non-vitest
// step (type check, build, size budget) as one failure, and exits non-zero on any failure.
import { existsSync, readFileSync } from 'node:fs'

const [report, stepStatus = '0'] = process.argv.slice(2)
let passed = 0
let failed = 0
if (report && existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'))
  passed = json.numPassedTests ?? 0
  failed = json.numFailedTests ?? 0
  const brokenFiles = (json.testResults ?? []).filter(
    (file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0,
  )
  failed += brokenFiles.length
}
const stepsFailed = stepStatus !== '0'
if (stepsFailed && failed === 0) failed = 1
console.log(`tests: ${passed} passed, ${failed} failed`)
process.exit(failed > 0 || stepsFailed || passed === 0 ? 1 : 0)
