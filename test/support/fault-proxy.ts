/// <reference types="node" />
import { Agent, createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

/**
 * A loopback proxy between s3kit and the real server that breaks requests the way production
 * networks and a busy S3 do. Each request gets at most one fault, among those that fit it. Faults are
 * spread rather than drawn: each one fires once every 1/rate requests it fits, from a seeded phase, so
 * a run meets every fault about rate × N times whatever order its concurrent requests arrive in (a
 * draw per request could, by bad luck or timing, leave a rare fault out of a run altogether):
 * - `slowDown` (503 SlowDown, sometimes with x-amz-retry-after) and `internal` (500 InternalError),
 *   answered by the proxy: the server never sees the request;
 * - `resetBeforeBody`: the connection is reset as soon as the request's headers arrive;
 * - `resetAfterBody`: the whole request body is read, then the connection is reset (not forwarded);
 * - `lostResponse` (GET, HEAD, PUT, DELETE only): forwarded, the server acts, the answer is lost.
 *   Never for POST: CreateMultipartUpload and CompleteMultipartUpload are not idempotent, and no
 *   client can tell whether a lost POST was applied;
 * - `cutBody` (GET with a body): headers and a random share of the body, then a reset;
 * - `stall` (GET with a body): headers and a random share of the body, then silence until the
 *   client gives up (or `stallMs` passes);
 * - `error200` (CopyObject, UploadPartCopy, CompleteMultipartUpload): a 200 whose body is an
 *   `<Error>` document, as S3 documents for those operations; not forwarded.
 * Responses are otherwise passed through byte for byte. The proxy keeps the client's Host header,
 * so SigV4 signatures made for the proxy's address still verify at the server.
 */
export type Fault =
  | 'slowDown'
  | 'internal'
  | 'resetBeforeBody'
  | 'resetAfterBody'
  | 'lostResponse'
  | 'cutBody'
  | 'stall'
  | 'error200'

export interface FaultProxyOptions {
  /** The real server, e.g. http://127.0.0.1:7480. */
  readonly target: string
  readonly seed?: number
  /** The share of the requests it fits that get each fault (0 to 1); absent faults never happen. */
  readonly rates?: Partial<Record<Fault, number>>
  /** Overrides the draw: the fault for this request, or undefined for none. */
  readonly decide?: (request: IncomingMessage, attempt: number) => Fault | undefined
  /** Longest a stalled response is held open (default 60 s): a stall ends by the client, not here. */
  readonly stallMs?: number
}

export interface FaultProxy {
  readonly endpoint: string
  /** Faults injected so far, by kind, and requests seen. */
  readonly counts: Record<Fault | 'requests', number>
  close(): Promise<void>
}

/** mulberry32: a small, seedable generator, so a run's fault mix can be repeated. */
function generator(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const errorDocument = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>` +
  `<RequestId>fault-proxy</RequestId><HostId>fault-proxy</HostId></Error>`

function fits(fault: Fault, request: IncomingMessage): boolean {
  const method = request.method ?? 'GET'
  const url = request.url ?? '/'
  switch (fault) {
    case 'lostResponse':
      return method !== 'POST'
    case 'cutBody':
    case 'stall':
      return method === 'GET'
    case 'error200':
      return (
        (method === 'PUT' && request.headers['x-amz-copy-source'] !== undefined) ||
        (method === 'POST' && /[?&]uploadId=/.test(url))
      )
    default:
      return true
  }
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target)
  const random = generator(options.seed ?? 1)
  const rates = options.rates ?? {}
  const stallMs = options.stallMs ?? 60_000
  const counts = {
    requests: 0,
    slowDown: 0,
    internal: 0,
    resetBeforeBody: 0,
    resetAfterBody: 0,
    lostResponse: 0,
    cutBody: 0,
    stall: 0,
    error200: 0,
  }
  const agent = new Agent({ keepAlive: true, maxSockets: 256 })
  const sockets = new Set<Socket>()
  const timers = new Set<ReturnType<typeof setTimeout>>()

  // Each fault's share of the requests seen so far; it fires when a whole request is due.
  const due = new Map((Object.keys(rates) as Fault[]).map((fault) => [fault, random()]))
  const draw = (request: IncomingMessage): Fault | undefined => {
    let chosen: Fault | undefined
    for (const [fault, rate] of Object.entries(rates) as Array<[Fault, number]>) {
      if (!fits(fault, request)) continue
      const credit = due.get(fault)! + rate
      // A fault that is due while another one takes this request fires on its next fitting one.
      if (credit >= 1 && chosen === undefined) {
        chosen = fault
        due.set(fault, credit - 1)
      } else due.set(fault, credit)
    }
    return chosen
  }

  const reset = (request: IncomingMessage): void => {
    request.socket.resetAndDestroy?.() ?? request.socket.destroy()
  }

  const answer = (
    request: IncomingMessage,
    response: ServerResponse,
    status: number,
    body: string,
    headers: Record<string, string> = {},
  ) => {
    request.resume()
    request.on('end', () =>
      response
        .writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body), ...headers })
        .end(body),
    )
  }

  let seen = 0
  const server = createServer((request, response) => {
    counts.requests++
    const fault = options.decide ? options.decide(request, seen++) : draw(request)
    if (fault) counts[fault]++
    switch (fault) {
      case 'slowDown':
        return answer(
          request,
          response,
          503,
          errorDocument('SlowDown', 'Please reduce your request rate.'),
          random() < 0.5 ? { 'x-amz-retry-after': '20' } : {},
        )
      case 'internal':
        return answer(
          request,
          response,
          500,
          errorDocument('InternalError', 'We encountered an internal error. Please try again.'),
        )
      case 'error200':
        return answer(
          request,
          response,
          200,
          errorDocument('InternalError', 'We encountered an internal error. Please try again.'),
        )
      case 'resetBeforeBody':
        return reset(request)
      case 'resetAfterBody':
        request.resume()
        request.on('end', () => reset(request))
        return
    }
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
        agent,
      },
      (answer) => {
        if (fault === 'lostResponse') {
          answer.resume()
          answer.on('end', () => reset(request))
          return
        }
        const length = Number(answer.headers['content-length'] ?? 0)
        const breaking =
          (fault === 'cutBody' || fault === 'stall') &&
          length > 1 &&
          (answer.statusCode === 200 || answer.statusCode === 206)
        response.writeHead(answer.statusCode ?? 502, answer.rawHeaders)
        if (!breaking) {
          answer.pipe(response)
          return
        }
        // Between 0 and length-1 bytes of the body get through.
        let budget = Math.floor(random() * length)
        let broken = false
        answer.on('data', (chunk: Buffer) => {
          if (broken) return
          if (chunk.length < budget) {
            budget -= chunk.length
            response.write(chunk)
            return
          }
          broken = true
          response.write(chunk.subarray(0, budget), () => {
            if (fault === 'cutBody') return reset(request)
            const timer = setTimeout(() => {
              timers.delete(timer)
              reset(request)
            }, stallMs)
            timers.add(timer)
            request.socket.once('close', () => {
              clearTimeout(timer)
              timers.delete(timer)
            })
          })
          answer.resume()
        })
      },
    )
    upstream.on('error', () => reset(request))
    request.pipe(upstream)
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  // A reset socket may still see a late write; that is the point, not a failure of the proxy.
  server.on('clientError', (_error, socket) => socket.destroy())
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    endpoint: `http://127.0.0.1:${port}`,
    counts,
    async close() {
      for (const timer of timers) clearTimeout(timer)
      for (const socket of sockets) socket.destroy()
      agent.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
