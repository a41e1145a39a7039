import { Agent, createServer, IncomingMessage, request as httpRequest, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { RequestBatches, startRequestsInBatches } from './request-batches';

/** A request and its response on `socket`, as Node's server makes them, never written to the network. */
function exchange(socket: Socket, name: string): { request: IncomingMessage; response: ServerResponse } {
  const request = new IncomingMessage(socket);
  request.url = `/${name}`;
  return { request, response: new ServerResponse(request) };
}

function batches() {
  let clock = 0;
  const started: string[] = [];
  const scheduled: (() => void)[] = [];
  const batch = new RequestBatches(
    [(request) => started.push(request.url!.slice(1))],
    (startAll) => scheduled.push(startAll),
    () => ++clock,
  );
  return { batch, started, scheduled };
}

describe('request batches', () => {
  it('start what one turn read only when the turn is over, the connection free the longest first', () => {
    const { batch, started, scheduled } = batches();
    const [a, b, c] = [new Socket(), new Socket(), new Socket()];
    batch.connected(a);
    batch.connected(b);
    batch.connected(c);
    const a1 = exchange(a, 'a1');
    const c1 = exchange(c, 'c1');
    const b1 = exchange(b, 'b1');
    batch.take(c1.request, c1.response);
    batch.take(b1.request, b1.response);
    batch.take(a1.request, a1.response);
    expect(started).toEqual([]);
    expect(scheduled).toHaveLength(1);
    scheduled.shift()!();
    expect(started).toEqual(['a1', 'b1', 'c1']);

    // b is answered first, then c, then a: in the next turn b has waited longest, a the least
    b1.response.emit('finish');
    c1.response.emit('finish');
    a1.response.emit('finish');
    const unseen = exchange(new Socket(), 'new');
    for (const { request, response } of [unseen, exchange(a, 'a2'), exchange(c, 'c2'), exchange(b, 'b2')]) batch.take(request, response);
    expect(scheduled).toHaveLength(1);
    scheduled.shift()!();
    expect(started.slice(3)).toEqual(['b2', 'c2', 'a2', 'new']);
    expect(scheduled).toHaveLength(0);
  });

  it('start every request of the turn when a listener throws for one, and throw the first error after', () => {
    const started: string[] = [];
    let startAll = () => {};
    const batch = new RequestBatches(
      [
        (request) => {
          if (request.url === '/bad') throw new Error('bad request listener');
          started.push(request.url!);
        },
        (request) => started.push(`second ${request.url}`),
      ],
      (run) => (startAll = run),
    );
    for (const name of ['one', 'bad', 'two']) {
      const { request, response } = exchange(new Socket(), name);
      batch.take(request, response);
    }
    expect(() => startAll()).toThrow('bad request listener');
    expect(started).toEqual(['/one', 'second /one', 'second /bad', '/two', 'second /two']);
  });

  it('answer every request of a real server, bodies whole, under many at once on kept-alive connections', async () => {
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => response.end(`${request.url} ${Buffer.concat(chunks).toString('utf8')}`));
    });
    startRequestsInBatches(server);
    expect(server.listenerCount('request')).toBe(1);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const send = (index: number) =>
      new Promise<string>((resolve, reject) => {
        const body = `安化黑茶 ${index} `.repeat(1 + (index % 7) * 2000);
        const sent = httpRequest({ host: '127.0.0.1', port, path: `/q${index}`, method: 'POST', agent }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        });
        sent.on('error', reject);
        sent.end(body);
      });
    try {
      const answers = await Promise.all(Array.from({ length: 64 }, (_, index) => send(index)));
      answers.forEach((answer, index) => expect(answer).toBe(`/q${index} ${`安化黑茶 ${index} `.repeat(1 + (index % 7) * 2000)}`));
    } finally {
      agent.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
