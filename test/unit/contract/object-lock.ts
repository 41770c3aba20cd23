import { GetObjectLegalHold } from '../../../commands/GetObjectLegalHold.js'
import { GetObjectLockConfiguration } from '../../../commands/GetObjectLockConfiguration.js'
import { GetObjectRetention } from '../../../commands/GetObjectRetention.js'
import { PutObjectLegalHold } from '../../../commands/PutObjectLegalHold.js'
import { PutObjectLockConfiguration } from '../../../commands/PutObjectLockConfiguration.js'
import { PutObjectRetention } from '../../../commands/PutObjectRetention.js'
import type { ContractRow } from './types.js'

// None of these pages has an Examples section: each sample follows the page's Response Syntax
// (no namespace on the root, elements in its order) with values the Response Elements allow.
// x-amz-request-charged is "If present" there, and set here; no command returns it yet.
const charged = { 'x-amz-request-charged': 'requester' }
const lock = (DefaultRetention: object) => ({
  Bucket: 'examplebucket',
  ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention } },
})
const object = { Bucket: 'examplebucket', Key: 'HappyFace.jpg' }

export const rows: Record<string, ContractRow> = {
  GetObjectLockConfiguration: {
    command: GetObjectLockConfiguration,
    valid: { Bucket: 'examplebucket' },
    invalid: [[{ Bucket: 'e' }, 'Bucket']],
    sample: {
      // Days or Years, never both (Rule, and the DefaultRetention data type): Years is left out.
      source:
        'S3 API reference, GetObjectLockConfiguration, ' +
        'Response Syntax (values from the Response Elements section and the DefaultRetention data type)',
      response: () =>
        new Response(
          '<?xml version="1.0" encoding="UTF-8"?>\n<ObjectLockConfiguration>\n  ' +
            '<ObjectLockEnabled>Enabled</ObjectLockEnabled>\n  <Rule>\n    <DefaultRetention>\n      ' +
            '<Days>30</Days>\n      <Mode>GOVERNANCE</Mode>\n    </DefaultRetention>\n  ' +
            '</Rule>\n</ObjectLockConfiguration>',
          { status: 200 },
        ),
      expected: {
        ObjectLockConfiguration: {
          ObjectLockEnabled: 'Enabled',
          Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 30 } },
        },
      },
    },
  },
  PutObjectLockConfiguration: {
    command: PutObjectLockConfiguration,
    valid: lock({ Mode: 'COMPLIANCE', Years: 1 }),
    invalid: [
      [lock({ Mode: 'LEGAL', Days: 1 }), 'ObjectLockConfiguration.Rule.DefaultRetention.Mode'],
      [lock({ Mode: 'GOVERNANCE', Days: 1, Years: 1 }), 'ObjectLockConfiguration.Rule.DefaultRetention'],
      [lock({ Mode: 'GOVERNANCE' }), 'ObjectLockConfiguration.Rule.DefaultRetention'],
      [lock({ Mode: 'GOVERNANCE', Days: 0 }), 'ObjectLockConfiguration.Rule.DefaultRetention.Days'],
      [lock({ Mode: 'GOVERNANCE', Years: 1.5 }), 'ObjectLockConfiguration.Rule.DefaultRetention.Years'],
      [
        { Bucket: 'examplebucket', ObjectLockConfiguration: { ObjectLockEnabled: 'Disabled' } },
        'ObjectLockConfiguration.ObjectLockEnabled',
      ],
      [{ ...lock({ Mode: 'GOVERNANCE', Days: 1 }), Token: 'a\nb' }, 'Token'],
    ],
    sample: {
      source:
        'S3 API reference, PutObjectLockConfiguration, ' +
        'Response Syntax (HTTP/1.1 200 and x-amz-request-charged; values from the Response Elements ' +
        'section)',
      response: () => new Response(null, { status: 200, headers: charged }),
      expected: {},
    },
  },
  GetObjectRetention: {
    command: GetObjectRetention,
    valid: { ...object, VersionId: '3HL4kqtJlcpXroDTDmjVBH40Nrjfkd' },
    invalid: [[{ Bucket: 'examplebucket', Key: '..' }, 'Key']],
    sample: {
      source: 'S3 API reference, GetObjectRetention, Response Syntax (values from the Response Elements section)',
      response: () =>
        new Response(
          '<?xml version="1.0" encoding="UTF-8"?>\n<Retention>\n  <Mode>COMPLIANCE</Mode>\n  ' +
            '<RetainUntilDate>2030-01-01T00:00:00.000Z</RetainUntilDate>\n</Retention>',
          { status: 200 },
        ),
      expected: { Retention: { Mode: 'COMPLIANCE', RetainUntilDate: new Date('2030-01-01T00:00:00.000Z') } },
    },
  },
  PutObjectRetention: {
    command: PutObjectRetention,
    valid: {
      ...object,
      Retention: { Mode: 'GOVERNANCE', RetainUntilDate: new Date('2030-01-01T00:00:00Z') },
      BypassGovernanceRetention: true,
    },
    invalid: [
      [{ ...object, Retention: { Mode: 'GOVERNANCE', RetainUntilDate: '2030-01-01' } }, 'Retention.RetainUntilDate'],
      [{ ...object, Retention: { Mode: 'governance', RetainUntilDate: new Date() } }, 'Retention.Mode'],
      [{ ...object, BypassGovernanceRetention: 1 }, 'BypassGovernanceRetention'],
    ],
    sample: {
      source:
        'S3 API reference, PutObjectRetention, Response Syntax (HTTP/1.1 200 and x-amz-request-charged; ' +
        'values from the Response Elements section)',
      response: () => new Response(null, { status: 200, headers: charged }),
      expected: {},
    },
  },
  GetObjectLegalHold: {
    command: GetObjectLegalHold,
    valid: object,
    invalid: [[{ Bucket: 'examplebucket' }, 'Key']],
    sample: {
      source: 'S3 API reference, GetObjectLegalHold, Response Syntax (values from the Response Elements section)',
      response: () =>
        new Response('<?xml version="1.0" encoding="UTF-8"?>\n<LegalHold>\n  <Status>ON</Status>\n</LegalHold>', {
          status: 200,
        }),
      expected: { LegalHold: { Status: 'ON' } },
    },
  },
  PutObjectLegalHold: {
    command: PutObjectLegalHold,
    valid: { ...object, VersionId: '3HL4kqtJlcpXroDTDmjVBH40Nrjfkd', LegalHold: { Status: 'OFF' } },
    invalid: [
      [{ ...object, LegalHold: { Status: true } }, 'LegalHold.Status'],
      [object, 'LegalHold'],
    ],
    sample: {
      source:
        'S3 API reference, PutObjectLegalHold, Response Syntax (HTTP/1.1 200 and x-amz-request-charged; ' +
        'values from the Response Elements section)',
      response: () => new Response(null, { status: 200, headers: charged }),
      expected: {},
    },
  },
}
