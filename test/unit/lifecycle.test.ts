import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { LifecycleRule } from '../../codecs/lifecycle.js'
import { DeleteBucketLifecycle } from '../../commands/DeleteBucketLifecycle.js'
import { GetBucketLifecycleConfiguration } from '../../commands/GetBucketLifecycleConfiguration.js'
import { PutBucketLifecycleConfiguration } from '../../commands/PutBucketLifecycleConfiguration.js'
import { InputError, S3Error } from '../../src/core/errors.js'
import { StorageClass } from '../../src/core/storage-class.js'
import { explainS3Error, LifecycleErrorCode } from '../../src/helpers/explain-error.js'
import { parseWith } from '../support/fake-client.js'
import { fixture } from '../support/fixtures.js'

const parse = (xml: string, headers: Record<string, string> = {}) =>
  parseWith(GetBucketLifecycleConfiguration({ Bucket: 'bkt' }), new Response(xml, { headers }))
const rules = async (name: string) => (await parse(fixture(`lifecycle/${name}`))).Rules
const put = (Rules: readonly LifecycleRule[]) =>
  PutBucketLifecycleConfiguration({ Bucket: 'bkt', LifecycleConfiguration: { Rules } })

describe('GetBucketLifecycleConfiguration parses the documented examples', () => {
  it('the API reference sample: rule-level Prefix, two transitions, an expiration', async () => {
    expect(await rules('aws-api-get-sample.xml')).toEqual([
      {
        ID: 'Archive and then delete rule',
        Prefix: 'projectdocs/',
        Status: 'Enabled',
        Transitions: [
          { Days: 30, StorageClass: 'STANDARD_IA' },
          { Days: 365, StorageClass: 'GLACIER' },
        ],
        Expiration: { Days: 3650 },
      },
    ])
  })

  it('Example 1: a prefix filter (its storage class is the console name the page uses)', async () => {
    expect(await rules('aws-example-1-filter.xml')).toEqual([
      {
        ID: 'Transition and Expiration Rule',
        Filter: { Prefix: 'tax/' },
        Status: 'Enabled',
        Transitions: [{ Days: 365, StorageClass: 'S3 Glacier Flexible Retrieval' }],
        Expiration: { Days: 3650 },
      },
    ])
  })

  it('Example 2: a disabled rule written with the legacy Prefix', async () => {
    const [one, two] = await rules('aws-example-2-disabled.xml')
    expect(one).toMatchObject({
      ID: 'Rule1',
      Filter: { Prefix: 'logs/' },
      Status: 'Enabled',
      Transitions: [{ Days: 0 }],
    })
    expect(two).toEqual({
      ID: 'Rule2',
      Prefix: 'documents/',
      Status: 'Disabled',
      Transitions: [{ Days: 0, StorageClass: 'S3 Glacier Flexible Retrieval' }],
    })
  })

  it('Examples 3 and 4: tiering down, several rules', async () => {
    expect(await rules('aws-example-3-tiering.xml')).toEqual([
      {
        ID: 'example-id',
        Filter: { Prefix: 'logs/' },
        Status: 'Enabled',
        Transitions: [
          { Days: 30, StorageClass: StorageClass.STANDARD_IA },
          { Days: 90, StorageClass: StorageClass.GLACIER },
        ],
        Expiration: { Days: 365 },
      },
    ])
    const four = await rules('aws-example-4-multiple.xml')
    expect(four.map((r) => [r.ID, r.Filter, r.Transitions, r.Expiration])).toEqual([
      ['ClassADocRule', { Prefix: 'classA/' }, [{ Days: 365, StorageClass: 'GLACIER' }], { Days: 3650 }],
      ['ClassBDocRule', { Prefix: 'classB/' }, [{ Days: 90, StorageClass: 'STANDARD_IA' }], { Days: 365 }],
    ])
  })

  it('Example 5: an empty filter (every object) reads as { Prefix: "" }', async () => {
    const [one, two] = await rules('aws-example-5-empty-filter.xml')
    expect(one).toEqual({ ID: 'Rule 1', Filter: { Prefix: '' }, Status: 'Enabled', Expiration: { Days: 365 } })
    expect(two).toEqual({
      ID: 'Rule 2',
      Filter: { Prefix: 'logs/' },
      Status: 'Enabled',
      Transitions: [{ Days: 30, StorageClass: 'STANDARD_IA' }],
    })
  })

  it('Examples 6 and 7: noncurrent versions and expired delete markers', async () => {
    expect(await rules('aws-example-6-versioned.xml')).toEqual([
      {
        ID: 'sample-rule',
        Filter: { Prefix: '' },
        Status: 'Enabled',
        Transitions: [{ Days: 90, StorageClass: 'STANDARD_IA' }],
        NoncurrentVersionTransitions: [{ NoncurrentDays: 30, StorageClass: 'S3 Glacier Flexible Retrieval' }],
        NoncurrentVersionExpiration: { NewerNoncurrentVersions: 5, NoncurrentDays: 365 },
      },
    ])
    expect(await rules('aws-example-7-delete-markers.xml')).toEqual([
      {
        ID: 'Rule 1',
        Filter: { Prefix: 'logs/' },
        Status: 'Enabled',
        Expiration: { ExpiredObjectDeleteMarker: true },
        NoncurrentVersionExpiration: { NewerNoncurrentVersions: 10, NoncurrentDays: 30 },
      },
    ])
  })

  it('Examples 8 and 9: aborting multipart uploads, a size range with And', async () => {
    expect(await rules('aws-example-8-abort-mpu.xml')).toEqual([
      {
        ID: 'sample-rule',
        Filter: { Prefix: 'SomeKeyPrefix/' },
        Status: 'Enabled',
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
      },
    ])
    const [nine] = await rules('aws-example-9-size.xml')
    expect(nine!.Filter).toEqual({ And: { Prefix: 'tax/', ObjectSizeGreaterThan: 500 } })
  })

  it('a Date as a Date, and the transition minimum-size header', async () => {
    const xml =
      '<LifecycleConfiguration><Rule><ID>d</ID><Filter><Tag><Key>archive</Key>' +
      '<Value>true</Value></Tag></Filter><Status>Enabled</Status><Transition>' +
      '<Date>2030-01-01T00:00:00.000Z</Date><StorageClass>GLACIER</StorageClass></Transition><Expiration>' +
      '<Date>2031-01-01T00:00:00Z</Date></Expiration></Rule></LifecycleConfiguration>'
    const output = await parse(xml, { 'x-amz-transition-default-minimum-object-size': 'all_storage_classes_128K' })
    expect(output).toEqual({
      TransitionDefaultMinimumObjectSize: 'all_storage_classes_128K',
      Rules: [
        {
          ID: 'd',
          Filter: { Tag: { Key: 'archive', Value: 'true' } },
          Status: 'Enabled',
          Transitions: [{ Date: new Date('2030-01-01T00:00:00Z'), StorageClass: 'GLACIER' }],
          Expiration: { Date: new Date('2031-01-01T00:00:00Z') },
        },
      ],
    })
  })

  it('refuses documents that break the schema: a placeholder Status, an empty Transition', async () => {
    // Example 8 as published has <Status>rule-status</Status>, a placeholder.
    await expect(
      parse(fixture('lifecycle/aws-example-8-abort-mpu.xml').replace('Enabled', 'rule-status')),
    ).rejects.toMatchObject({ code: 'InvalidResponse' })
    await expect(
      parse(
        '<LifecycleConfiguration><Rule><Prefix/><Status>Enabled</Status><Transition>' +
          '<StorageClass>GLACIER</StorageClass></Transition></Rule></LifecycleConfiguration>',
      ),
    ).rejects.toMatchObject({
      code: 'InvalidResponse',
    })
  })
})

describe('GetBucketLifecycleConfiguration copes with Ceph RGW 16', () => {
  it('reads an And filter whose prefix RGW moved beside <And> as the And it was', async () => {
    expect(await rules('rgw-and-filter.xml')).toEqual([
      {
        ID: 'c',
        Filter: {
          And: {
            Prefix: 'x/',
            Tags: [
              { Key: 'k', Value: 'v' },
              { Key: 'k2', Value: 'v2' },
            ],
          },
        },
        Status: 'Disabled',
        Expiration: { Days: 4 },
      },
    ])
  })

  it('shows a size filter RGW dropped as what RGW now holds: a rule for every object', async () => {
    expect(await rules('rgw-size-filter-dropped.xml')).toEqual([
      { ID: 'd', Prefix: '', Status: 'Enabled', Expiration: { Days: 1 } },
    ])
  })
})

describe('PutBucketLifecycleConfiguration', () => {
  const tutorial: LifecycleRule = {
    ID: 'ruleid',
    Status: 'Enabled',
    Filter: { Prefix: 'logs/' },
    Transitions: [
      { Days: 30, StorageClass: StorageClass.STANDARD_IA },
      { Days: 90, StorageClass: StorageClass.GLACIER },
    ],
    Expiration: { Days: 120 },
  }

  it('writes the document with Content-MD5 on the lifecycle sub-resource', () => {
    const command = put([tutorial])
    expect(command).toMatchObject({
      operation: 'PutBucketLifecycleConfiguration',
      method: 'PUT',
      bucket: 'bkt',
      query: { lifecycle: '' },
    })
    const body = command.body as string
    expect(body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><LifecycleConfiguration ' +
        'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Rule><ID>ruleid</ID><Filter>' +
        '<Prefix>logs/</Prefix></Filter><Status>Enabled</Status>' +
        '<Transition><Days>30</Days><StorageClass>STANDARD_IA</StorageClass></Transition><Transition>' +
        '<Days>90</Days><StorageClass>GLACIER</StorageClass></Transition>' +
        '<Expiration><Days>120</Days></Expiration></Rule></LifecycleConfiguration>',
    )
    expect(command.headers).toEqual({
      'content-type': 'application/xml',
      'content-md5': createHash('md5').update(body).digest('base64'),
    })
  })

  it('writes dates as midnight UTC ISO timestamps, and the minimum-size header', () => {
    const command = PutBucketLifecycleConfiguration({
      Bucket: 'bkt',
      TransitionDefaultMinimumObjectSize: 'varies_by_storage_class',
      LifecycleConfiguration: {
        Rules: [{ Status: 'Enabled', Filter: { Prefix: '' }, Expiration: { Date: new Date(Date.UTC(2030, 0, 1)) } }],
      },
    })
    expect(command.body).toContain(
      '<Filter><Prefix></Prefix></Filter><Status>Enabled</Status><Expiration>' +
        '<Date>2030-01-01T00:00:00.000Z</Date></Expiration>',
    )
    expect(command.headers).toMatchObject({ 'x-amz-transition-default-minimum-object-size': 'varies_by_storage_class' })
  })

  it('writes back every documented example it reads, unchanged', async () => {
    const names = [
      'aws-api-get-sample.xml',
      'aws-example-3-tiering.xml',
      'aws-example-4-multiple.xml',
      'aws-example-5-empty-filter.xml',
      'aws-example-7-delete-markers.xml',
      'aws-example-8-abort-mpu.xml',
      'rgw-and-filter.xml',
    ]
    for (const name of names) {
      const read = await rules(name)
      expect((await parse(put(read).body as string)).Rules, name).toEqual(read)
    }
    // Example 9 names the storage class as the console does; S3's API name is GLACIER.
    const nine = await rules('aws-example-9-size.xml')
    expect(() => put(nine)).toThrow(/StorageClass: "S3 Glacier Flexible Retrieval" is not a storage class name/)
    const fixed = nine.map((rule) => ({
      ...rule,
      Transitions: rule.Transitions!.map((t) => ({ ...t, StorageClass: StorageClass.GLACIER })),
    }))
    expect((await parse(put(fixed).body as string)).Rules).toEqual(fixed)
  })

  it('writes And, Tag and noncurrent-version actions in the documented element names', () => {
    const body = put([
      {
        ID: 'a',
        Status: 'Enabled',
        Filter: {
          And: {
            Prefix: 'tax/',
            Tags: [
              { Key: 'key1', Value: 'value1' },
              { Key: 'key2', Value: '' },
            ],
            ObjectSizeGreaterThan: 500,
            ObjectSizeLessThan: 64000,
          },
        },
        Expiration: { Days: 1 },
      },
      {
        ID: 'b',
        Status: 'Disabled',
        Filter: { Tag: { Key: 'k', Value: 'v' } },
        NoncurrentVersionTransitions: [{ NoncurrentDays: 0, StorageClass: 'GLACIER', NewerNoncurrentVersions: 2 }],
        NoncurrentVersionExpiration: { NoncurrentDays: 30, NewerNoncurrentVersions: 10 },
      },
      {
        ID: 'c',
        Status: 'Enabled',
        Filter: { ObjectSizeLessThan: 10 },
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 },
      },
    ]).body as string
    expect(body).toContain(
      '<Filter><And><Prefix>tax/</Prefix><Tag><Key>key1</Key><Value>value1</Value></Tag><Tag>' +
        '<Key>key2</Key><Value></Value></Tag><ObjectSizeGreaterThan>500</ObjectSizeGreaterThan>' +
        '<ObjectSizeLessThan>64000</ObjectSizeLessThan></And></Filter>',
    )
    expect(body).toContain(
      '<Filter><Tag><Key>k</Key><Value>v</Value></Tag></Filter><Status>Disabled</Status>' +
        '<NoncurrentVersionTransition><NoncurrentDays>0</NoncurrentDays><StorageClass>GLACIER</StorageClass>' +
        '<NewerNoncurrentVersions>2</NewerNoncurrentVersions></NoncurrentVersionTransition>' +
        '<NoncurrentVersionExpiration><NoncurrentDays>30</NoncurrentDays>' +
        '<NewerNoncurrentVersions>10</NewerNoncurrentVersions></NoncurrentVersionExpiration>',
    )
    expect(body).toContain(
      '<Filter><ObjectSizeLessThan>10</ObjectSizeLessThan></Filter><Status>Enabled</Status>' +
        '<AbortIncompleteMultipartUpload><DaysAfterInitiation>7</DaysAfterInitiation>' +
        '</AbortIncompleteMultipartUpload>',
    )
  })

  it('refuses, before any request, the rules S3 documents', () => {
    const field = (rule: Record<string, unknown>, count = 1) => {
      try {
        put(Array.from({ length: count }, () => ({ ...tutorial, ID: undefined, ...rule }) as unknown as LifecycleRule))
      } catch (error) {
        expect(error).toBeInstanceOf(InputError)
        return (error as InputError).field
      }
      throw new Error('no InputError')
    }
    const rule = 'LifecycleConfiguration.Rules[0]'
    // "must have exactly one of Prefix, Tag, ObjectSizeGreaterThan, ObjectSizeLessThan, or And"
    expect(field({ Filter: { Prefix: 'a/', Tag: { Key: 'k', Value: 'v' } } })).toBe(`${rule}.Filter`)
    expect(field({ Filter: {} })).toBe(`${rule}.Filter`)
    expect(field({ Filter: undefined })).toBe(`${rule}.Filter`)
    expect(field({ Prefix: 'a/' })).toBe(`${rule}.Filter`)
    expect(field({ Filter: { And: { Prefix: 'a/' } } })).toBe(`${rule}.Filter.And`)
    expect(field({ Filter: { And: { ObjectSizeGreaterThan: 500, ObjectSizeLessThan: 500 } } })).toBe(
      `${rule}.Filter.And.ObjectSizeLessThan`,
    )
    expect(field({ Filter: { Tag: { Key: '', Value: 'v' } } })).toBe(`${rule}.Filter.Tag.Key`)
    expect(field({ Status: 'On' })).toBe(`${rule}.Status`)
    expect(field({ ID: 'x'.repeat(256) })).toBe(`${rule}.ID`)
    // "ExpiredObjectDeleteMarker cannot be specified with Days or Date"
    expect(field({ Transitions: undefined, Expiration: { Days: 1, ExpiredObjectDeleteMarker: true } })).toBe(
      `${rule}.Expiration.ExpiredObjectDeleteMarker`,
    )
    // …and neither it nor AbortIncompleteMultipartUpload with a tag filter (S3 user guide, Examples 7 and 8).
    expect(
      field({
        Filter: { Tag: { Key: 'k', Value: 'v' } },
        Transitions: undefined,
        Expiration: { ExpiredObjectDeleteMarker: true },
      }),
    ).toBe(`${rule}.Expiration.ExpiredObjectDeleteMarker`)
    expect(
      field({
        Filter: { And: { Prefix: 'a', Tags: [{ Key: 'k', Value: 'v' }] } },
        AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
      }),
    ).toBe(`${rule}.AbortIncompleteMultipartUpload`)
    expect(field({ Expiration: { Days: 1, Date: new Date(Date.UTC(2030, 0, 1)) } })).toBe(`${rule}.Expiration`)
    expect(field({ Expiration: {} })).toBe(`${rule}.Expiration`)
    expect(field({ Expiration: { Days: 0 } })).toBe(`${rule}.Expiration.Days`)
    expect(field({ Transitions: [{ Days: -1, StorageClass: 'GLACIER' }] })).toBe(`${rule}.Transitions[0].Days`)
    expect(field({ Transitions: [{ Days: 1, StorageClass: 'glacier' }] })).toBe(`${rule}.Transitions[0].StorageClass`)
    expect(
      field({
        Transitions: [{ Date: new Date('2030-01-01T12:00:00Z'), StorageClass: 'GLACIER' }],
        Expiration: undefined,
      }),
    ).toBe(`${rule}.Transitions[0].Date`)
    // "you can't use both Date and Days in the same rule"
    expect(field({ Transitions: [{ Date: new Date(Date.UTC(2030, 0, 1)), StorageClass: 'GLACIER' }] })).toBe(rule)
    expect(field({ Transitions: undefined, Expiration: undefined })).toBe(rule)
    expect(
      field({
        Transitions: undefined,
        Expiration: undefined,
        NoncurrentVersionExpiration: { NoncurrentDays: 1, NewerNoncurrentVersions: 101 },
      }),
    ).toBe(`${rule}.NoncurrentVersionExpiration.NewerNoncurrentVersions`)
    expect(field({ NoncurrentVersionTransitions: [{ NoncurrentDays: 1 }] })).toBe(
      `${rule}.NoncurrentVersionTransitions[0].StorageClass`,
    )
    expect(
      field({
        Transitions: [
          { Days: 30, StorageClass: 'GLACIER' },
          { Days: 40, StorageClass: 'GLACIER' },
        ],
      }),
    ).toBe(`${rule}.Transitions[1].StorageClass`)
    expect(field({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 0 } })).toBe(
      `${rule}.AbortIncompleteMultipartUpload.DaysAfterInitiation`,
    )
    // Rule IDs must be unique; "up to 1,000 rules".
    expect(field({ ID: 'same' }, 2)).toBe('LifecycleConfiguration.Rules[1].ID')
    expect(field({}, 1001)).toBe('LifecycleConfiguration.Rules')
    expect(() => put([])).toThrow(InputError)
    expect(() => put(Array.from({ length: 1000 }, (_, i) => ({ ...tutorial, ID: `r${i}` })))).not.toThrow()
  })
})

describe('DeleteBucketLifecycle and NoSuchLifecycleConfiguration', () => {
  it('deletes the lifecycle sub-resource', () => {
    expect(DeleteBucketLifecycle({ Bucket: 'bkt' })).toMatchObject({
      operation: 'DeleteBucketLifecycle',
      method: 'DELETE',
      bucket: 'bkt',
      query: { lifecycle: '' },
    })
  })

  it('gives the empty-message error Ceph RGW sends a message', () => {
    const error = new S3Error({
      code: LifecycleErrorCode.NoSuchLifecycleConfiguration,
      status: 404,
      operation: 'GetBucketLifecycleConfiguration',
      bucket: 'bkt',
    })
    expect(explainS3Error(error).message).toContain('the bucket has no lifecycle configuration')
  })
})
