import { describe, expect, it } from 'vitest'
import { objectBody } from '../../src/core/object-body.js'

// Any 200 GetObject response: only the body matters here.
const response = (body: BodyInit | null) => new Response(body, { status: 200 })

describe('objectBody', () => {
  it('reads itself whole as text, bytes or JSON', async () => {
    expect(await objectBody(response('héllo'), { operation: 'GetObject' }).text()).toBe('héllo')
    expect(await objectBody(response(new Uint8Array([1, 2, 3])), { operation: 'GetObject' }).bytes()).toEqual(
      new Uint8Array([1, 2, 3]),
    )
    expect(await objectBody(response('{"a":[1,2]}'), { operation: 'GetObject' }).json<{ a: number[] }>()).toEqual({
      a: [1, 2],
    })
  })

  it('is a web ReadableStream that can be piped and iterated', async () => {
    const body = objectBody(response('streamed'), { operation: 'GetObject' })
    expect(body).toBeInstanceOf(ReadableStream)
    let text = ''
    for await (const part of body.pipeThrough(
      new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>,
    ) as unknown as AsyncIterable<string>)
      text += part
    expect(text).toBe('streamed')
  })

  it('says it can be read once, whichever way it was read first', async () => {
    const read = objectBody(response('once'), { operation: 'GetObject' })
    await read.text()
    await expect(read.text()).rejects.toThrow('GetObject Body was already read: it can be read once')
    await expect(read.bytes()).rejects.toThrow(/already read/)

    const locked = objectBody(response('once'), { operation: 'GetObject' })
    const reader = locked.getReader()
    await expect(locked.json()).rejects.toThrow(/already read/)
    reader.releaseLock()

    const iterated = objectBody(response('once'), { operation: 'GetObject' })
    for await (const _ of iterated as unknown as AsyncIterable<Uint8Array>);
    await expect(iterated.text()).rejects.toThrow(/already read/)
  })

  it('gives an empty body for a response without one', async () => {
    expect(await objectBody(response(null), { operation: 'GetObject' }).text()).toBe('')
    expect(await objectBody(response(null), { operation: 'GetObject' }).bytes()).toEqual(new Uint8Array(0))
  })
})
