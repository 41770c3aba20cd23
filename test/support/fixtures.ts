import { readFileSync } from 'node:fs'

/** A document under test/fixtures (each cites its source in test/fixtures/README.md), e.g. `fixture('acl/aws-sample-acl.xml')`. */
export function fixture(path: string): string {
  return readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8')
}
