import type { ChecksumAlgorithm, ChecksumName, Hasher } from './checksum.js'

/**
 * Reflected CRCs with an all-ones start and final XOR: CRC32 (zlib's), CRC32C (Castagnoli) and
 * CRC64NVME, the three S3 takes. Table-driven, eight bytes at a time ("slicing-by-8": eight tables
 * of 256 entries, the second for a byte followed by one zero byte, and so on), then byte by byte;
 * a 64-bit CRC is kept as two 32-bit halves, since BigInt arithmetic per byte would be far too
 * slow. The tables are built on first use, so importing an algorithm costs nothing until it hashes.
 */

/* @__NO_SIDE_EFFECTS__ */
export function crc32Algorithm(name: ChecksumName, polynomial: number): ChecksumAlgorithm {
  let table: Int32Array | undefined
  return {
    name,
    create(): Hasher {
      const t = (table ??= crcTables(polynomial, 0).lo)
      let crc = -1
      return {
        update(bytes) {
          let c = crc
          let i = 0
          for (const n = bytes.length - 8; i <= n; i += 8) {
            c ^= bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)
            c =
              t[1792 + (c & 0xff)]! ^
              t[1536 + ((c >>> 8) & 0xff)]! ^
              t[1280 + ((c >>> 16) & 0xff)]! ^
              t[1024 + (c >>> 24)]! ^
              t[768 + bytes[i + 4]!]! ^
              t[512 + bytes[i + 5]!]! ^
              t[256 + bytes[i + 6]!]! ^
              t[bytes[i + 7]!]!
          }
          for (; i < bytes.length; i++) c = t[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8)
          crc = c
        },
        digest: () => bigEndian(BigInt(~crc >>> 0), 4),
      }
    },
    combine: (a, b, length) => bigEndian(combineCrc(BigInt(polynomial >>> 0), 32, a, b, length), 4),
  }
}

/* @__NO_SIDE_EFFECTS__ */
export function crc64Algorithm(name: ChecksumName, polynomial: bigint): ChecksumAlgorithm {
  let tables: { lo: Int32Array; hi: Int32Array } | undefined
  return {
    name,
    create(): Hasher {
      const { lo: tl, hi: th } = (tables ??= crcTables(Number(polynomial & 0xffffffffn), Number(polynomial >> 32n)))
      let lo = -1
      let hi = -1
      return {
        update(bytes) {
          let l = lo
          let h = hi
          let i = 0
          for (const n = bytes.length - 8; i <= n; i += 8) {
            // The eight bytes meet the whole 64-bit CRC: each indexes the table for its distance to the end.
            const b0 = (l ^ bytes[i]!) & 0xff
            const b1 = ((l >>> 8) ^ bytes[i + 1]!) & 0xff
            const b2 = ((l >>> 16) ^ bytes[i + 2]!) & 0xff
            const b3 = ((l >>> 24) ^ bytes[i + 3]!) & 0xff
            const b4 = (h ^ bytes[i + 4]!) & 0xff
            const b5 = ((h >>> 8) ^ bytes[i + 5]!) & 0xff
            const b6 = ((h >>> 16) ^ bytes[i + 6]!) & 0xff
            const b7 = ((h >>> 24) ^ bytes[i + 7]!) & 0xff
            l =
              tl[1792 + b0]! ^
              tl[1536 + b1]! ^
              tl[1280 + b2]! ^
              tl[1024 + b3]! ^
              tl[768 + b4]! ^
              tl[512 + b5]! ^
              tl[256 + b6]! ^
              tl[b7]!
            h =
              th[1792 + b0]! ^
              th[1536 + b1]! ^
              th[1280 + b2]! ^
              th[1024 + b3]! ^
              th[768 + b4]! ^
              th[512 + b5]! ^
              th[256 + b6]! ^
              th[b7]!
          }
          for (; i < bytes.length; i++) {
            const index = (l ^ bytes[i]!) & 0xff
            l = ((l >>> 8) | (h << 24)) ^ tl[index]!
            h = (h >>> 8) ^ th[index]!
          }
          lo = l
          hi = h
        },
        digest: () => bigEndian((BigInt(~hi >>> 0) << 32n) | BigInt(~lo >>> 0), 8),
      }
    },
    combine: (a, b, length) => bigEndian(combineCrc(polynomial, 64, a, b, length), 8),
  }
}

/**
 * Eight tables of 256 CRCs, as low and high 32-bit halves (high all zero for a 32-bit CRC): table
 * k holds the CRC of each byte value followed by k zero bytes.
 */
function crcTables(polyLo: number, polyHi: number): { lo: Int32Array; hi: Int32Array } {
  const lo = new Int32Array(8 * 256)
  const hi = new Int32Array(8 * 256)
  for (let n = 0; n < 256; n++) {
    let l = n
    let h = 0
    for (let bit = 0; bit < 8; bit++) {
      const odd = l & 1
      l = (l >>> 1) | (h << 31)
      h >>>= 1
      if (odd) {
        l ^= polyLo
        h ^= polyHi
      }
    }
    lo[n] = l
    hi[n] = h
  }
  for (let k = 256; k < 8 * 256; k++) {
    const l = lo[k - 256]!
    const h = hi[k - 256]!
    const index = l & 0xff
    lo[k] = ((l >>> 8) | (h << 24)) ^ lo[index]!
    hi[k] = (h >>> 8) ^ hi[index]!
  }
  return { lo, hi }
}

function bigEndian(value: bigint, size: number): Uint8Array {
  const bytes = new Uint8Array(size)
  for (let i = size - 1; i >= 0; i--, value >>= 8n) bytes[i] = Number(value & 0xffn)
  return bytes
}

function fromBigEndian(bytes: Uint8Array): bigint {
  let value = 0n
  for (const byte of bytes) value = (value << 8n) | BigInt(byte)
  return value
}

/**
 * crc(A ‖ B) from crc(A), crc(B) and |B|: zlib's crc32_combine (in its newer multmodp/x2nmodp
 * form), for any reflected CRC of `width` bits. The start and final XOR cancel out, so
 * crc(A ‖ B) = crc(A)·x^(8|B|) mod P ⊕ crc(B). Runs once per part, so BigInt is fine here.
 */
function combineCrc(polynomial: bigint, width: number, a: Uint8Array, b: Uint8Array, lengthOfB: number): bigint {
  // Reflected: the top bit stands for x^0, the bottom one for x^(width-1).
  const one = 1n << BigInt(width - 1)
  const times = (x: bigint, y: bigint): bigint => {
    let product = 0n
    for (let m = one; x !== 0n && m !== 0n; m >>= 1n) {
      if (x & m) {
        product ^= y
        x ^= m
      }
      y = y & 1n ? (y >> 1n) ^ polynomial : y >> 1n
    }
    return product
  }
  // x^(8·|B|): square x^8, x^16, x^32, … for each bit of the length.
  let power = one
  let square = one >> 8n // x^8
  for (let n = BigInt(lengthOfB); n > 0n; n >>= 1n) {
    if (n & 1n) power = times(square, power)
    square = times(square, square)
  }
  return times(power, fromBigEndian(a)) ^ fromBigEndian(b)
}
