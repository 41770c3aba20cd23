import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CompleteMultipartUpload } from '../../commands/CompleteMultipartUpload.js'
import { CreateMultipartUpload } from '../../commands/CreateMultipartUpload.js'
import { DeleteObject } from '../../commands/DeleteObject.js'
import { GetObject } from '../../commands/GetObject.js'
import { HeadObject } from '../../commands/HeadObject.js'
import { PutObject } from '../../commands/PutObject.js'
import { UploadPart } from '../../commands/UploadPart.js'
import { type ChecksumAlgorithm, checksumOf, toBase64 } from '../../src/core/checksums/checksum.js'
import { CRC32 } from '../../src/core/checksums/crc32.js'
import { CRC32C } from '../../src/core/checksums/crc32c.js'
import { CRC64NVME } from '../../src/core/checksums/crc64nvme.js'
import { SHA1 } from '../../src/core/checksums/sha1.js'
import { SHA1 as SHA1_NODE } from '../../src/core/checksums/sha1.node.js'
import { SHA256 } from '../../src/core/checksums/sha256.js'
import { SHA256 as SHA256_NODE } from '../../src/core/checksums/sha256.node.js'
import type { Command } from '../../src/core/command.js'
import { InputError, S3Error } from '../../src/core/errors.js'
import { nodeCrypto } from '../../src/core/node-crypto.js'
import { send } from '../../src/core/send.js'
import { checksum } from '../../src/helpers/checksum.js'
import { download } from '../../src/helpers/download.js'
import { expectedBucketOwner } from '../../src/helpers/expected-bucket-owner.js'
import { requesterPays } from '../../src/helpers/requester-pays.js'
import { sseCustomerKey } from '../../src/helpers/sse-customer-key.js'
import { upload } from '../../src/helpers/upload.js'
import { verifyChecksum } from '../../src/helpers/verify-checksum.js'
import { fakeClient } from '../support/fake-client.js'

const text = (value: string) => new TextEncoder().encode(value)
const digest = (algorithm: ChecksumAlgorithm, bytes: Uint8Array) => {
  const hasher = algorithm.create()
  hasher.update(bytes)
  return hasher.digest()
}
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')
const b64 = (hexDigits: string) => Buffer.from(hexDigits, 'hex').toString('base64')

describe('checksum algorithms', () => {
  // The check values of the CRC catalogue (CRC-32/ISO-HDLC, CRC-32/ISCSI, CRC-64/NVME), which the issue and AWS's
  // CRT test suites quote, and FIPS 180's "abc" examples for SHA-1 and SHA-256.
  it.each([
    [CRC32, '123456789', 'cbf43926'],
    [CRC32C, '123456789', 'e3069283'],
    [CRC64NVME, '123456789', 'ae8b14860a799888'],
    [SHA1, 'abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
    [SHA256, 'abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('%o gives the documented check value', (algorithm, input, expected) => {
    expect(hex(digest(algorithm, text(input)))).toBe(expected)
  })

  // awslabs/aws-crt-swift ChecksumsTests.swift and aws-c-s3's crc64nvme tests (the CRT that AWS SDKs use).
  it('matches the AWS Common Runtime test vectors', () => {
    expect(parseInt(hex(digest(CRC32, text('Hello'))), 16)).toBe(4157704578)
    expect(parseInt(hex(digest(CRC32C, text('Hello'))), 16)).toBe(2178485787)
    expect(hex(digest(CRC32, new Uint8Array(0)))).toBe('00000000')
    expect(hex(digest(CRC64NVME, new Uint8Array(0)))).toBe('0000000000000000')
    expect(hex(digest(CRC64NVME, new Uint8Array(32)))).toBe('cf3473434d4ecf3b')
    expect(
      hex(
        digest(
          CRC64NVME,
          Uint8Array.from({ length: 32 }, (_, i) => i),
        ),
      ),
    ).toBe('b9d9d4a8492cbd7f')
    expect(hex(digest(CRC64NVME, text('aaaaaaaaaa')))).toBe('0c1a80036d65c555')
  })

  it('hashes the same whatever the chunks the bytes come in', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(CRC32, CRC32C, CRC64NVME, SHA1, SHA256),
        fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 6 }),
        (algorithm, chunks) => {
          const hasher = algorithm.create()
          for (const chunk of chunks) hasher.update(chunk)
          expect(hex(hasher.digest())).toBe(hex(digest(algorithm, Buffer.concat(chunks))))
        },
      ),
    )
  })

  it('agrees with a bit-at-a-time reference CRC, and CRC32 with the CRC in a gzip trailer, on any bytes', () => {
    // The textbook definition, one bit at a time: shares no table or code with the real one.
    const reference = (polynomial: bigint, width: number, bytes: Uint8Array) => {
      const mask = (1n << BigInt(width)) - 1n
      let crc = mask
      for (const byte of bytes) {
        crc ^= BigInt(byte)
        for (let bit = 0; bit < 8; bit++) crc = crc & 1n ? (crc >> 1n) ^ polynomial : crc >> 1n
      }
      return (crc ^ mask).toString(16).padStart(width / 4, '0')
    }
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(hex(digest(CRC32, bytes))).toBe(reference(0xedb88320n, 32, bytes))
        expect(hex(digest(CRC32C, bytes))).toBe(reference(0x82f63b78n, 32, bytes))
        expect(hex(digest(CRC64NVME, bytes))).toBe(reference(0x9a6c9329ac4bc9b5n, 64, bytes))
        // RFC 1952: the gzip trailer holds the CRC-32 of the data, little-endian.
        const gzip = gzipSync(bytes)
        expect(hex(digest(CRC32, bytes))).toBe(
          gzip
            .readUInt32LE(gzip.length - 8)
            .toString(16)
            .padStart(8, '0'),
        )
      }),
    )
  })

  it('hashes alike in the Node build, whose SHA1 and SHA256 are node:crypto’s', () => {
    // Node 20.16+ hands node:crypto over; without it this would compare @noble/hashes with itself.
    expect(nodeCrypto()).not.toBeNull()
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 500 }), { maxLength: 4 }), (chunks) => {
        for (const [node, portable] of [
          [SHA1_NODE, SHA1],
          [SHA256_NODE, SHA256],
        ] as const) {
          const hasher = node.create()
          for (const chunk of chunks) hasher.update(chunk)
          expect(hex(hasher.digest())).toBe(hex(digest(portable, Buffer.concat(chunks))))
        }
      }),
    )
  })

  it('agrees with node:crypto for SHA1 and SHA256 on any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        expect(hex(digest(SHA1, bytes))).toBe(createHash('sha1').update(bytes).digest('hex'))
        expect(hex(digest(SHA256, bytes))).toBe(createHash('sha256').update(bytes).digest('hex'))
      }),
    )
  })

  it('combines two CRCs into the CRC of the two byte runs joined, for any split', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(CRC32, CRC32C, CRC64NVME),
        fc.uint8Array({ maxLength: 3000 }),
        fc.uint8Array({ maxLength: 3000 }),
        (algorithm, a, b) => {
          const joined = algorithm.combine!(digest(algorithm, a), digest(algorithm, b), b.byteLength)
          expect(hex(joined)).toBe(hex(digest(algorithm, Buffer.concat([a, b]))))
        },
      ),
    )
  })

  it('combines over lengths far past one part (a 5 GiB run of zeros from its halves)', () => {
    // crc(0^n) for n = 2^k built by doubling with combine itself, checked against a direct run at 1 MiB.
    for (const algorithm of [CRC32, CRC32C, CRC64NVME]) {
      let crc = digest(algorithm, new Uint8Array(1))
      let length = 1
      while (length < 1024 * 1024) {
        crc = algorithm.combine!(crc, crc, length)
        length *= 2
      }
      expect(hex(crc)).toBe(hex(digest(algorithm, new Uint8Array(length))))
      const half = 2.5 * 1024 ** 3
      const big = algorithm.combine!(new Uint8Array(crc.byteLength), crc, half)
      expect(big).toHaveLength(crc.byteLength)
    }
  })

  it('writes checksums as S3 does: base64 of the big-endian digest', () => {
    expect(checksumOf(CRC32, text('123456789'))).toBe(b64('cbf43926'))
    expect(checksumOf(CRC64NVME, text('123456789'))).toBe(b64('ae8b14860a799888'))
    expect(toBase64(new Uint8Array([0xff, 0, 1]))).toBe('/wAB')
  })
})

describe('checksum(algorithm) on PutObject and UploadPart', () => {
  const upload1 = { Bucket: 'bucket', Key: 'k', UploadId: 'u', PartNumber: 1 }

  it('sends the checksum of a text or bytes body, computed when applied, and names the algorithm', () => {
    const expected = b64('ae8b14860a799888')
    for (const Body of ['123456789', text('123456789'), text('123456789').buffer]) {
      for (const command of [PutObject({ Bucket: 'bucket', Key: 'k', Body }), UploadPart({ ...upload1, Body })]) {
        expect(checksum(CRC64NVME)(command).headers).toMatchObject({
          'x-amz-checksum-crc64nvme': expected,
          'x-amz-sdk-checksum-algorithm': 'CRC64NVME',
        })
      }
    }
    expect(checksum(CRC32)(PutObject({ Bucket: 'bucket', Key: 'k' })).headers).toMatchObject({
      'x-amz-checksum-crc32': 'AAAAAA==',
    })
  })

  it('leaves the command it extends, and commands without it, free of checksum headers', () => {
    const command = PutObject({ Bucket: 'bucket', Key: 'k', Body: 'x' })
    checksum(CRC32)(command)
    expect(Object.keys(command.headers!).filter((name) => name.includes('checksum'))).toEqual([])
  })

  it('takes a value the caller computed, for any body', () => {
    const command = checksum(CRC32, { value: 'y/Q5Jg==' })(
      PutObject({ Bucket: 'bucket', Key: 'k', Body: new Blob(['123456789']) }),
    )
    expect(command.headers).toMatchObject({ 'x-amz-checksum-crc32': 'y/Q5Jg==' })
    expect(() => checksum(CRC32, { value: 'a\nb' })).toThrow(/checksum.value/)
  })

  it('refuses a Blob or stream body it cannot read when applied, pointing to upload', () => {
    const stream = new ReadableStream<Uint8Array>()
    for (const apply of [
      () => checksum(SHA256)(PutObject({ Bucket: 'bucket', Key: 'k', Body: new Blob(['x']) })),
      () => checksum(SHA256)(PutObject({ Bucket: 'bucket', Key: 'k', Body: stream, ContentLength: 1 })),
      () => checksum(CRC32C)(UploadPart({ ...upload1, Body: new Blob(['x']) })),
    ]) {
      expect(apply).toThrow(InputError)
      expect(apply).toThrow(/^checksum: .*upload \(ChecksumAlgorithm: (SHA256|CRC32C)\)/)
    }
  })

  it('refuses a name where the algorithm object belongs', () => {
    const build = () => checksum('CRC32' as never)
    expect(build).toThrow(InputError)
    expect(build).toThrow(/checksum: must be an algorithm imported from s3kit/)
  })

  it('reads the checksum S3 stored (PutObject response headers as the S3 API reference names them)', async () => {
    const { client } = fakeClient([
      () =>
        new Response(null, {
          headers: {
            etag: '"fbacf535f27731c9771645a39863328"',
            'x-amz-checksum-crc64nvme': b64('ae8b14860a799888'),
            'x-amz-checksum-type': 'FULL_OBJECT',
          },
        }),
    ])
    const output = await send(client, checksum(CRC64NVME)(PutObject({ Bucket: 'bucket', Key: 'k', Body: '123456789' })))
    expect(output).toMatchObject({ ChecksumCRC64NVME: b64('ae8b14860a799888'), ChecksumType: 'FULL_OBJECT' })
  })

  it('leaves alone the operations that take no checksum', () => {
    for (const command of [
      GetObject({ Bucket: 'bucket', Key: 'k' }),
      HeadObject({ Bucket: 'bucket', Key: 'k' }),
      DeleteObject({ Bucket: 'bucket', Key: 'k' }),
    ] as Command<unknown>[]) {
      expect(checksum(CRC64NVME)(command)).toBe(command)
    }
  })
})

describe('checksum(algorithm) on the multipart commands', () => {
  it('CreateMultipartUpload names the algorithm and the checksum type (by default the algorithm’s)', () => {
    const create = CreateMultipartUpload({ Bucket: 'bucket', Key: 'k' })
    for (const [option, algorithm, type] of [
      [checksum(CRC64NVME), 'CRC64NVME', 'FULL_OBJECT'],
      [checksum(CRC32), 'CRC32', 'FULL_OBJECT'],
      [checksum(CRC32, { type: 'COMPOSITE' }), 'CRC32', 'COMPOSITE'],
      [checksum(SHA256), 'SHA256', 'COMPOSITE'],
    ] as const) {
      const headers = option(create).headers!
      expect(headers).toMatchObject({ 'x-amz-checksum-algorithm': algorithm, 'x-amz-checksum-type': type })
      // The body is the parts', not this request's.
      expect(Object.keys(headers).filter((name) => /^x-amz-(sdk-)?checksum-(crc|sha|algorithm$)/.test(name))).toEqual([
        'x-amz-checksum-algorithm',
      ])
    }
  })

  it('refuses a checksum type the algorithm cannot have', () => {
    for (const [algorithm, type, message] of [
      [CRC64NVME, 'COMPOSITE', /FULL_OBJECT for CRC64NVME/],
      [SHA256, 'FULL_OBJECT', /COMPOSITE for SHA256/],
      [CRC32, 'full', /FULL_OBJECT or COMPOSITE for CRC32/],
    ] as const) {
      expect(() => checksum(algorithm, { type: type as never })).toThrow(InputError)
      expect(() => checksum(algorithm, { type: type as never })).toThrow(message)
    }
  })

  it('CreateMultipartUpload reads the algorithm and type S3 reports (S3 API reference response headers)', async () => {
    const { client } = fakeClient([
      () =>
        new Response(
          '<?xml version="1.0" encoding="UTF-8"?><InitiateMultipartUploadResult><Bucket>bucket</Bucket><Key>k</Key>' +
            '<UploadId>VXBsb2FkIElE</UploadId></InitiateMultipartUploadResult>',
          { headers: { 'x-amz-checksum-algorithm': 'CRC64NVME', 'x-amz-checksum-type': 'FULL_OBJECT' } },
        ),
    ])
    const output = await send(client, checksum(CRC64NVME)(CreateMultipartUpload({ Bucket: 'bucket', Key: 'k' })))
    expect(output).toMatchObject({
      UploadId: 'VXBsb2FkIElE',
      ChecksumAlgorithm: 'CRC64NVME',
      ChecksumType: 'FULL_OBJECT',
    })
  })

  it('CompleteMultipartUpload sends the type and the full-object checksum; the parts’ go in the part list', () => {
    const complete = CompleteMultipartUpload({
      Bucket: 'bucket',
      Key: 'k',
      UploadId: 'u',
      MultipartUpload: { Parts: [{ PartNumber: 1, ETag: '"a"', ChecksumCRC64NVME: 'AAAAAAAAAAA=' }] },
    })
    const command = checksum(CRC64NVME, { value: b64('ae8b14860a799888') })(complete)
    expect(command.headers).toMatchObject({
      'x-amz-checksum-type': 'FULL_OBJECT',
      'x-amz-checksum-crc64nvme': b64('ae8b14860a799888'),
    })
    expect(String(command.body)).toContain('<ChecksumCRC64NVME>AAAAAAAAAAA=</ChecksumCRC64NVME>')
    // Without a value (a composite checksum is S3's to compute): only the type.
    expect(checksum(SHA256)(complete).headers).toMatchObject({ 'x-amz-checksum-type': 'COMPOSITE' })
    expect(checksum(SHA256)(complete).headers?.['x-amz-checksum-sha256']).toBeUndefined()
  })
})

describe('verifyChecksum on HeadObject', () => {
  it('asks for the checksum and reads it', async () => {
    const { client, calls } = fakeClient([
      // HeadObject response headers as the S3 API reference documents them, with the checksum of ChecksumMode.
      () =>
        new Response(null, {
          headers: {
            etag: '"fba9dede5f27731c9771645a39863328"',
            'last-modified': 'Wed, 12 Oct 2009 17:50:00 GMT',
            'content-length': '9',
            'x-amz-checksum-crc32c': b64('e3069283'),
            'x-amz-checksum-type': 'FULL_OBJECT',
          },
        }),
    ])
    const output = await send(client, verifyChecksum()(HeadObject({ Bucket: 'bucket', Key: 'k' })))
    expect(calls[0]!.headers.get('x-amz-checksum-mode')).toBe('ENABLED')
    expect(output).toMatchObject({ ChecksumCRC32C: b64('e3069283'), ChecksumType: 'FULL_OBJECT' })
  })

  it('leaves alone the operations that return no stored checksum', () => {
    for (const command of [
      PutObject({ Bucket: 'bucket', Key: 'k', Body: 'x' }),
      CreateMultipartUpload({ Bucket: 'bucket', Key: 'k' }),
      DeleteObject({ Bucket: 'bucket', Key: 'k' }),
    ] as Command<unknown>[]) {
      expect(verifyChecksum(CRC32)(command)).toBe(command)
    }
  })
})

/**
 * A GetObject response as the S3 API reference documents it (GetObject "Sample Response" headers),
 * with the `x-amz-checksum-*` and `x-amz-checksum-type` headers S3 adds under `x-amz-checksum-mode: ENABLED`.
 */
function getResponse(body: string | ReadableStream<Uint8Array>, checksums: Record<string, string>, extra = {}) {
  return () =>
    new Response(body, {
      status: 200,
      headers: {
        etag: '"fba9dede5f27731c9771645a39863328"',
        'last-modified': 'Wed, 12 Oct 2009 17:50:00 GMT',
        'content-length': String(typeof body === 'string' ? text(body).byteLength : 9),
        ...checksums,
        ...extra,
      },
    })
}

describe('GetObject with verifyChecksum', () => {
  const crc = { 'x-amz-checksum-crc64nvme': b64('ae8b14860a799888'), 'x-amz-checksum-type': 'FULL_OBJECT' }
  const wrong = { 'x-amz-checksum-crc64nvme': b64('ae8b14860a799889'), 'x-amz-checksum-type': 'FULL_OBJECT' }
  const get = { Bucket: 'bucket', Key: 'k' }
  const checked = verifyChecksum(CRC32, CRC64NVME)

  it('asks for the checksum and checks the body as it is read', async () => {
    const { client, calls } = fakeClient([getResponse('123456789', crc)])
    const output = await send(client, checked(GetObject(get)))
    expect(calls[0]!.headers.get('x-amz-checksum-mode')).toBe('ENABLED')
    expect(output).toMatchObject({ ChecksumVerified: 'CRC64NVME', ChecksumCRC64NVME: crc['x-amz-checksum-crc64nvme'] })
    expect(output.ChecksumNotVerified).toBeUndefined()
    expect(await output.Body.text()).toBe('123456789')
  })

  it('fails the body with BadDigest on a mismatch: bytes(), text() and json() reject', async () => {
    for (const read of ['bytes', 'text', 'json'] as const) {
      const { client } = fakeClient([getResponse('123456789', wrong)])
      const output = await send(client, checked(GetObject(get)))
      const error = await output.Body[read]().catch((e: unknown) => e)
      expect(error).toBeInstanceOf(S3Error)
      expect(error).toMatchObject({ code: 'BadDigest', operation: 'GetObject', bucket: 'bucket', key: 'k' })
    }
  })

  it('can be read once, as any GetObject body', async () => {
    const { client } = fakeClient([getResponse('123456789', crc)])
    const { Body } = await send(client, checked(GetObject(get)))
    expect(await Body.text()).toBe('123456789')
    await expect(Body.bytes()).rejects.toThrow(/already read/)
  })

  it('errors a streamed body where its end would be, never closing it as complete', async () => {
    const chunks = ['1234', '56789']
    const source = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks.shift()
        chunk ? controller.enqueue(text(chunk)) : controller.close()
      },
    })
    const { client } = fakeClient([getResponse(source, wrong)])
    const { Body } = await send(client, checked(GetObject(get)))
    const reader = Body.getReader()
    const seen: string[] = []
    let ended: unknown
    try {
      for (let next = await reader.read(); !next.done; next = await reader.read())
        seen.push(new TextDecoder().decode(next.value))
      ended = 'closed'
    } catch (error) {
      ended = error
    }
    expect(ended).toMatchObject({ code: 'BadDigest' })
    expect(seen.join('')).toBe('123456789')
  })

  it('says why a body was not checked, and passes it on as it is', async () => {
    const cases: [Record<string, string>, Record<string, string>, typeof checked, string][] = [
      [{}, {}, checked, 'NO_CHECKSUM'],
      [{ 'x-amz-checksum-sha256': 'FeLQ08M4ke67D+9hjvQZ+hwiDOPM+nnFPIwww4cSRSU=' }, {}, checked, 'ALGORITHM_NOT_GIVEN'],
      [crc, {}, verifyChecksum(), 'ALGORITHM_NOT_GIVEN'],
      [{ 'x-amz-checksum-crc32': 'AAAAAA==-3', 'x-amz-checksum-type': 'COMPOSITE' }, {}, checked, 'COMPOSITE'],
      [wrong, { 'content-encoding': 'gzip' }, checked, 'CONTENT_ENCODING'],
    ]
    for (const [checksums, extra, option, reason] of cases) {
      // A gzip-encoded body is decoded by fetch: the fake hands it on plain, as fetch would.
      const { client } = fakeClient([getResponse('123456789', checksums, extra)])
      const output = await send(client, option(GetObject(get)))
      expect(output).toMatchObject({ ChecksumNotVerified: reason })
      expect(output.ChecksumVerified).toBeUndefined()
      expect(await output.Body.text()).toBe('123456789')
    }
  })

  it('does not check a range against the whole object’s checksum', async () => {
    const { client } = fakeClient([
      () =>
        new Response('1234', {
          status: 206,
          headers: { ...Object.fromEntries(getResponse('1234', wrong)().headers), 'content-range': 'bytes 0-3/9' },
        }),
    ])
    const output = await send(client, checked(GetObject({ ...get, Range: 'bytes=0-3' })))
    expect(output).toMatchObject({ ChecksumNotVerified: 'PARTIAL' })
    expect(await output.Body.text()).toBe('1234')
  })

  it('checks a range of a composite object against the part checksum S3 sent for it', async () => {
    const part = { 'x-amz-checksum-crc32': b64('cbf43926'), 'x-amz-checksum-type': 'COMPOSITE' }
    for (const [checksums, outcome] of [
      [part, 'fulfilled'],
      [{ ...part, 'x-amz-checksum-crc32': 'AAAAAA==' }, 'rejected'],
    ] as const) {
      const { client } = fakeClient([
        () =>
          new Response('123456789', {
            status: 206,
            headers: {
              ...Object.fromEntries(getResponse('123456789', checksums)().headers),
              'content-range': 'bytes 9-17/27',
            },
          }),
      ])
      const output = await send(client, checked(GetObject({ ...get, Range: 'bytes=9-17' })))
      expect(output.ChecksumVerified).toBe('CRC32')
      expect((await Promise.allSettled([output.Body.text()]))[0]!.status).toBe(outcome)
    }
  })

  it('checks a range that is the whole object', async () => {
    const { client } = fakeClient([
      () =>
        new Response('123456789', {
          status: 206,
          headers: { ...Object.fromEntries(getResponse('123456789', wrong)().headers), 'content-range': 'bytes 0-8/9' },
        }),
    ])
    const output = await send(client, checked(GetObject({ ...get, Range: 'bytes=0-8' })))
    expect(output).toMatchObject({ ChecksumVerified: 'CRC64NVME' })
    await expect(output.Body.bytes()).rejects.toMatchObject({ code: 'BadDigest' })
  })

  it('refuses algorithms that are not s3kit’s', () => {
    expect(() => verifyChecksum(CRC32, 'CRC32' as never)).toThrow(/^verifyChecksum\[1\]: must be an algorithm/)
    expect(() => verifyChecksum([CRC32] as never)).toThrow(/^verifyChecksum\[0\]/)
  })
})

/**
 * A multipart S3 with the documented response shapes (InitiateMultipartUploadResult, the UploadPart
 * ETag header, CompleteMultipartUploadResult, the PutObject ETag header), recording each request.
 */
function multipartS3() {
  const requests: { operation: string; headers: Headers; body: Uint8Array; url: URL }[] = []
  const xml = (body: string) => new Response(`<?xml version="1.0" encoding="UTF-8"?>${body}`)
  const { client } = fakeClient([
    async (request) => {
      const url = new URL(request.url)
      const q = url.searchParams
      const body = new Uint8Array(await request.arrayBuffer())
      const operation =
        request.method === 'POST'
          ? q.has('uploads')
            ? 'CreateMultipartUpload'
            : 'CompleteMultipartUpload'
          : q.has('partNumber')
            ? 'UploadPart'
            : 'PutObject'
      requests.push({ operation, headers: request.headers, body, url })
      if (operation === 'CreateMultipartUpload')
        return xml(
          '<InitiateMultipartUploadResult><Bucket>b</Bucket><Key>k</Key><UploadId>u1</UploadId></InitiateMultipartUploadResult>',
        )
      if (operation === 'CompleteMultipartUpload')
        return xml(
          '<CompleteMultipartUploadResult><Bucket>b</Bucket><Key>k</Key><ETag>"e-3"</ETag></CompleteMultipartUploadResult>',
        )
      return new Response(null, { headers: { etag: `"${createHash('md5').update(body).digest('hex')}"` } })
    },
  ])
  return { client, requests }
}

describe('upload with ChecksumAlgorithm', () => {
  const MiB = 1024 * 1024
  const body = Uint8Array.from({ length: 12 * MiB + 12345 }, (_, i) => (i * 7919) % 251)
  const whole = (algorithm: ChecksumAlgorithm) => toBase64(digest(algorithm, body))
  const sources = {
    bytes: () => body,
    Blob: () => new Blob([body]),
    stream: () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          // Chunks that do not line up with the parts.
          for (let at = 0; at < body.byteLength; at += 777_777) controller.enqueue(body.slice(at, at + 777_777))
          controller.close()
        },
      }),
  }

  it.each(Object.keys(sources) as (keyof typeof sources)[])(
    'sends each part’s CRC64NVME and the full-object CRC64NVME of the whole body (%s)',
    async (kind) => {
      const { client, requests } = multipartS3()
      const output = await upload(
        client,
        { Bucket: 'bucket', Key: 'k', Body: sources[kind](), ChecksumAlgorithm: CRC64NVME },
        { partSize: 5 * MiB },
      )
      const create = requests.find((r) => r.operation === 'CreateMultipartUpload')!
      expect(create.headers.get('x-amz-checksum-algorithm')).toBe('CRC64NVME')
      expect(create.headers.get('x-amz-checksum-type')).toBe('FULL_OBJECT')
      const parts = requests.filter((r) => r.operation === 'UploadPart')
      expect(parts).toHaveLength(3)
      for (const part of parts) {
        expect(part.headers.get('x-amz-checksum-crc64nvme')).toBe(toBase64(digest(CRC64NVME, part.body)))
      }
      const complete = requests.find((r) => r.operation === 'CompleteMultipartUpload')!
      expect(complete.headers.get('x-amz-checksum-type')).toBe('FULL_OBJECT')
      expect(complete.headers.get('x-amz-checksum-crc64nvme')).toBe(whole(CRC64NVME))
      const document = new TextDecoder().decode(complete.body)
      for (const part of parts)
        expect(document).toContain(
          `<ChecksumCRC64NVME>${part.headers.get('x-amz-checksum-crc64nvme')}</ChecksumCRC64NVME>`,
        )
      expect(output).toMatchObject({ ChecksumCRC64NVME: whole(CRC64NVME), ChecksumType: 'FULL_OBJECT' })
    },
  )

  it('gives the same full-object CRC however the body is split', async () => {
    for (const algorithm of [CRC32, CRC32C, CRC64NVME]) {
      const values = new Set<string | undefined>()
      for (const partSize of [5 * MiB, 6 * MiB + 1, 13 * MiB]) {
        const { client } = multipartS3()
        const output = await upload(
          client,
          { Bucket: 'bucket', Key: 'k', Body: body, ChecksumAlgorithm: algorithm },
          { partSize },
        )
        values.add(output[`Checksum${algorithm.name as 'CRC32'}`])
        expect(output.ChecksumType).toBe('FULL_OBJECT')
      }
      expect([...values]).toEqual([whole(algorithm)])
    }
  })

  it('sends a body of one part as one PutObject with its checksum', async () => {
    const { client, requests } = multipartS3()
    const output = await upload(client, {
      Bucket: 'bucket',
      Key: 'k',
      Body: new Blob(['123456789']),
      ChecksumAlgorithm: CRC32C,
    })
    expect(requests.map((r) => r.operation)).toEqual(['PutObject'])
    expect(requests[0]!.headers.get('x-amz-checksum-crc32c')).toBe(b64('e3069283'))
    expect(output).toMatchObject({ ChecksumCRC32C: b64('e3069283'), ChecksumType: 'FULL_OBJECT' })
  })

  it('sends SHA256 per part and reports the composite checksum of the parts', async () => {
    const { client, requests } = multipartS3()
    const output = await upload(
      client,
      { Bucket: 'bucket', Key: 'k', Body: body, ChecksumAlgorithm: SHA256 },
      { partSize: 5 * MiB },
    )
    const create = requests.find((r) => r.operation === 'CreateMultipartUpload')!
    expect(create.headers.get('x-amz-checksum-type')).toBe('COMPOSITE')
    // In part order: parts in flight at once may reach fetch in any order.
    const parts = requests
      .filter((r) => r.operation === 'UploadPart')
      .sort((a, b) => Number(a.url.searchParams.get('partNumber')) - Number(b.url.searchParams.get('partNumber')))
    const partDigests = parts.map((part) => createHash('sha256').update(part.body).digest())
    expect(parts.map((part) => part.headers.get('x-amz-checksum-sha256'))).toEqual(
      partDigests.map((d) => d.toString('base64')),
    )
    const complete = requests.find((r) => r.operation === 'CompleteMultipartUpload')!
    expect(complete.headers.get('x-amz-checksum-type')).toBe('COMPOSITE')
    expect(complete.headers.get('x-amz-checksum-sha256')).toBeNull()
    const composite = `${createHash('sha256').update(Buffer.concat(partDigests)).digest('base64')}-3`
    expect(output).toMatchObject({ ChecksumSHA256: composite, ChecksumType: 'COMPOSITE' })
  })

  it('sends CRC32 as COMPOSITE when asked (the only type R2 takes for it in parts)', async () => {
    const { client, requests } = multipartS3()
    const output = await upload(
      client,
      { Bucket: 'bucket', Key: 'k', Body: body, ChecksumAlgorithm: CRC32, ChecksumType: 'COMPOSITE' },
      { partSize: 5 * MiB },
    )
    const create = requests.find((r) => r.operation === 'CreateMultipartUpload')!
    expect(create.headers.get('x-amz-checksum-type')).toBe('COMPOSITE')
    const complete = requests.find((r) => r.operation === 'CompleteMultipartUpload')!
    expect(complete.headers.get('x-amz-checksum-crc32')).toBeNull()
    const parts = requests
      .filter((r) => r.operation === 'UploadPart')
      .sort((a, b) => Number(a.url.searchParams.get('partNumber')) - Number(b.url.searchParams.get('partNumber')))
    const composite = `${toBase64(digest(CRC32, Buffer.concat(parts.map((part) => digest(CRC32, part.body)))))}-3`
    expect(output).toMatchObject({ ChecksumCRC32: composite, ChecksumType: 'COMPOSITE' })
  })

  it('refuses a checksum type the algorithm cannot have, before any request', async () => {
    for (const [fields, message] of [
      [{ ChecksumAlgorithm: CRC64NVME, ChecksumType: 'COMPOSITE' }, /FULL_OBJECT for CRC64NVME/],
      [{ ChecksumAlgorithm: SHA256, ChecksumType: 'FULL_OBJECT' }, /COMPOSITE for SHA256/],
      [{ ChecksumType: 'FULL_OBJECT' }, /give ChecksumAlgorithm/],
    ] as const) {
      const { client, requests } = multipartS3()
      const error = await upload(client, { Bucket: 'bucket', Key: 'k', Body: body, ...fields }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(InputError)
      expect(error).toMatchObject({ field: 'ChecksumType', message: expect.stringMatching(message) })
      expect(requests).toEqual([])
    }
  })

  it('gives every request its requestOptions: the SSE-C key and the owner on every part and the completion', async () => {
    const { client, requests } = multipartS3()
    const key = Buffer.alloc(32, 7)
    await upload(
      client,
      { Bucket: 'bucket', Key: 'k', Body: body, ChecksumAlgorithm: CRC32C },
      {
        partSize: 5 * MiB,
        requestOptions: [sseCustomerKey(key), expectedBucketOwner('111122223333'), requesterPays()],
      },
    )
    expect(requests.map((r) => r.operation).sort()).toEqual([
      'CompleteMultipartUpload',
      'CreateMultipartUpload',
      'UploadPart',
      'UploadPart',
      'UploadPart',
    ])
    for (const request of requests) {
      expect(request.headers.get('x-amz-server-side-encryption-customer-key')).toBe(key.toString('base64'))
      expect(request.headers.get('x-amz-server-side-encryption-customer-key-md5')).toBe(
        createHash('md5').update(key).digest('base64'),
      )
      expect(request.headers.get('x-amz-expected-bucket-owner')).toBe('111122223333')
      expect(request.headers.get('x-amz-request-payer')).toBe('requester')
    }
    // The helper's own checksum goes along with them.
    for (const part of requests.filter((r) => r.operation === 'UploadPart'))
      expect(part.headers.get('x-amz-checksum-crc32c')).toBe(toBase64(digest(CRC32C, part.body)))
  })

  it('refuses requestOptions that are not a list of options, before any request', async () => {
    const { client, requests } = multipartS3()
    for (const requestOptions of [sseCustomerKey(Buffer.alloc(32)), ['x'], 42]) {
      const error = await upload(
        client,
        { Bucket: 'bucket', Key: 'k', Body: body },
        {
          requestOptions: requestOptions as never,
        },
      ).catch((e: unknown) => e)
      expect(error).toMatchObject({ name: 'InputError', field: 'requestOptions' })
    }
    expect(requests).toEqual([])
  })

  it('sends no checksum header when none is asked for', async () => {
    const { client, requests } = multipartS3()
    await upload(client, { Bucket: 'bucket', Key: 'k', Body: body }, { partSize: 5 * MiB })
    for (const request of requests)
      expect([...request.headers.keys()].filter((name) => name.startsWith('x-amz-checksum'))).toEqual([])
  })
})

/**
 * An object served as S3 serves it: ranged GETs as 206 with `Content-Range` (S3 API reference,
 * GetObject with Range) and HEAD with the `x-amz-checksum-*` headers of `ChecksumMode: ENABLED`.
 */
function objectS3(
  object: Uint8Array,
  checksums: Record<string, string>,
  /** For a composite object: its parts' size, and each part's checksum header, sent for a range that is one part. */
  parts?: { size: number; header: (part: Uint8Array, index: number) => Record<string, string> },
) {
  const requests: Request[] = []
  const headers = {
    etag: '"fba9dede5f27731c9771645a39863328"',
    'last-modified': 'Wed, 12 Oct 2009 17:50:00 GMT',
  }
  const { client } = fakeClient([
    (request) => {
      requests.push(request)
      if (request.method === 'HEAD') {
        return new Response(null, {
          headers: { ...headers, 'content-length': String(object.byteLength), ...checksums },
        })
      }
      const [, first, last] = /bytes=(\d+)-(\d+)/.exec(request.headers.get('range')!)!
      const end = Math.min(Number(last), object.byteLength - 1)
      const bytes = object.slice(Number(first), end + 1)
      // As S3 documents it: a range that is exactly one part of a composite object gets that part's checksum.
      const onePart =
        parts &&
        request.headers.get('x-amz-checksum-mode') === 'ENABLED' &&
        Number(first) % parts.size === 0 &&
        (bytes.byteLength === parts.size || end === object.byteLength - 1)
      return new Response(bytes, {
        status: 206,
        headers: {
          ...headers,
          'content-length': String(end + 1 - Number(first)),
          'content-range': `bytes ${first}-${end}/${object.byteLength}`,
          ...(onePart && {
            ...parts.header(bytes, Number(first) / parts.size),
            'x-amz-checksum-type': 'COMPOSITE',
          }),
        },
      })
    },
  ])
  return { client, requests }
}

describe('download with ChecksumAlgorithms', () => {
  const object = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 31) % 256)
  const right = { 'x-amz-checksum-crc64nvme': checksumOf(CRC64NVME, object), 'x-amz-checksum-type': 'FULL_OBJECT' }
  const wrong = { 'x-amz-checksum-crc64nvme': 'AAAAAAAAAAA=', 'x-amz-checksum-type': 'FULL_OBJECT' }
  const input = { Bucket: 'bucket', Key: 'k', ChecksumAlgorithms: [SHA256, CRC64NVME] }
  const readAll = async (body: ReadableStream<Uint8Array>) => new Uint8Array(await new Response(body).arrayBuffer())

  it('checks the whole object, read in ranges, against its full-object checksum', async () => {
    const { client, requests } = objectS3(object, right)
    const output = await download(client, input, { partSize: 7000, concurrency: 3 })
    expect(output).toMatchObject({
      ChecksumVerified: 'CRC64NVME',
      ChecksumCRC64NVME: right['x-amz-checksum-crc64nvme'],
    })
    expect(Buffer.from(await readAll(output.Body)).equals(object)).toBe(true)
    // The object's checksum is asked for first, and every range is pinned to the object it describes.
    expect(requests[0]!.method).toBe('HEAD')
    expect(requests[0]!.headers.get('x-amz-checksum-mode')).toBe('ENABLED')
    for (const request of requests.slice(1))
      expect(request.headers.get('if-match')).toBe('"fba9dede5f27731c9771645a39863328"')
    // The ranges themselves ask for no checksum.
    expect(requests.filter((r) => r.method === 'GET' && r.headers.has('x-amz-checksum-mode'))).toEqual([])
  })

  it('fails the stream with BadDigest, instead of ending it, on a mismatch', async () => {
    const { client } = objectS3(object, wrong)
    const output = await download(client, input, { partSize: 7000, concurrency: 3 })
    expect(output.ChecksumVerified).toBe('CRC64NVME')
    await expect(readAll(output.Body)).rejects.toMatchObject({ code: 'BadDigest', operation: 'GetObject', key: 'k' })
  })

  it('says why it could not check: no checksum, another algorithm, a composite checksum', async () => {
    const cases: [Record<string, string>, object, string][] = [
      [{}, input, 'NO_CHECKSUM'],
      [right, { Bucket: 'bucket', Key: 'k', ChecksumAlgorithms: [CRC32] }, 'ALGORITHM_NOT_GIVEN'],
      [right, { Bucket: 'bucket', Key: 'k', ChecksumMode: 'ENABLED' }, 'ALGORITHM_NOT_GIVEN'],
      [{ 'x-amz-checksum-crc64nvme': 'AAAAAAAAAAA=-15', 'x-amz-checksum-type': 'COMPOSITE' }, input, 'COMPOSITE'],
    ]
    for (const [checksums, fields, reason] of cases) {
      const { client } = objectS3(object, checksums)
      const output = await download(client, fields as typeof input, { partSize: 7000 })
      expect(output.ChecksumNotVerified).toBe(reason)
      expect(output.ChecksumVerified).toBeUndefined()
      expect(Buffer.from(await readAll(output.Body)).equals(object)).toBe(true)
    }
  })

  it('checks each range against its part’s checksum where a range is exactly one part (composite)', async () => {
    const composite = { 'x-amz-checksum-crc32c': 'AAAAAA==-15', 'x-amz-checksum-type': 'COMPOSITE' }
    const partChecksum = (part: Uint8Array) => ({ 'x-amz-checksum-crc32c': checksumOf(CRC32C, part) })
    const { client, requests } = objectS3(object, composite, { size: 7000, header: partChecksum })
    const output = await download(client, { ...input, ChecksumAlgorithms: [CRC32C] }, { partSize: 7000 })
    // Not claimed for the whole object: the composite value itself is not checked.
    expect(output).toMatchObject({ ChecksumNotVerified: 'COMPOSITE', ChecksumCRC32C: 'AAAAAA==-15' })
    expect(Buffer.from(await readAll(output.Body)).equals(object)).toBe(true)
    expect(requests.filter((r) => r.method === 'GET').every((r) => r.headers.has('x-amz-checksum-mode'))).toBe(true)

    // A part whose bytes do not match its checksum fails the download.
    const corrupt = (part: Uint8Array, index: number) =>
      index === 3 ? { 'x-amz-checksum-crc32c': 'AAAAAA==' } : partChecksum(part)
    const bad = objectS3(object, composite, { size: 7000, header: corrupt })
    const failing = await download(bad.client, { ...input, ChecksumAlgorithms: [CRC32C] }, { partSize: 7000 })
    await expect(readAll(failing.Body)).rejects.toMatchObject({ code: 'BadDigest' })
  })

  it('asks for nothing more without ChecksumAlgorithms or ChecksumMode', async () => {
    const { client, requests } = objectS3(object, wrong)
    const output = await download(client, { Bucket: 'bucket', Key: 'k' }, { partSize: 7000 })
    expect(Buffer.from(await readAll(output.Body)).equals(object)).toBe(true)
    expect(requests.some((r) => r.method === 'HEAD')).toBe(false)
    expect(output.ChecksumNotVerified).toBeUndefined()
  })

  it('gives every request, the HEAD and each range, its requestOptions', async () => {
    const { client, requests } = objectS3(object, right)
    const key = Buffer.alloc(32, 9).toString('base64')
    const output = await download(client, input, { partSize: 7000, requestOptions: [sseCustomerKey(key)] })
    expect(Buffer.from(await readAll(output.Body)).equals(object)).toBe(true)
    expect(requests.map((r) => r.method)).toContain('HEAD')
    expect(requests.length).toBe(1 + Math.ceil(object.byteLength / 7000))
    for (const request of requests) expect(request.headers.get('x-amz-server-side-encryption-customer-key')).toBe(key)
  })

  it('refuses algorithms that are not s3kit’s before any request', async () => {
    const { client, requests } = objectS3(object, right)
    await expect(
      download(client, { Bucket: 'bucket', Key: 'k', ChecksumAlgorithms: ['CRC64NVME'] as never }),
    ).rejects.toBeInstanceOf(InputError)
    expect(requests).toEqual([])
  })
})

describe('upload with ChecksumAlgorithm and a Blob that cannot be read', () => {
  it('fails as BodyReadError, before sending the part, and aborts the upload', async () => {
    const { client, requests } = multipartS3()
    const MiB = 1024 * 1024
    const blob = new Blob([new Uint8Array(11 * MiB)])
    // A File whose bytes went away (a file changed on disk) rejects its reads: the same, made directly.
    const unreadable = Object.assign(blob, {
      slice: (start?: number, end?: number) => {
        const part = Blob.prototype.slice.call(blob, start, end)
        return Object.assign(part, { arrayBuffer: () => Promise.reject(new Error('NotReadableError')) })
      },
    })
    const error = await upload(
      client,
      { Bucket: 'bucket', Key: 'k', Body: unreadable, ChecksumAlgorithm: CRC64NVME },
      { partSize: 5 * MiB },
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(S3Error)
    expect(error).toMatchObject({ code: 'BodyReadError', uploadId: 'u1' })
    expect(requests.filter((r) => r.operation === 'UploadPart')).toEqual([])
  })
})
