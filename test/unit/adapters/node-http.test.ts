import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeHttpClient } from '../../../electron/adapters/node-http';

type Route = (req: IncomingMessage, res: ServerResponse, body: string) => void;
const routes = new Map<string, Route>();
let server: Server;
let base = '';

const listen = async (s: Server): Promise<string> => {
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return `127.0.0.1:${(s.address() as AddressInfo).port}`;
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      routes.get(req.url ?? '')?.(req, res, Buffer.concat(chunks).toString('utf8'));
    });
  });
  base = `http://${await listen(server)}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const http = createNodeHttpClient();

describe('createNodeHttpClient', () => {
  it('sends method, headers and body; answers status, lower-cased headers and the full body', async () => {
    const big = 'x'.repeat(300_000);
    routes.set('/echo', (req, res, body) => {
      res.setHeader('X-Echo-Method', req.method ?? '');
      res.setHeader('Set-Cookie', ['a=1', 'b=2']);
      res.writeHead(201, { 'Content-Type': 'application/json' });
      res.write(JSON.stringify({ body, appid: req.headers.appid }).slice(0, 10));
      setTimeout(() => res.end(`${JSON.stringify({ body, appid: req.headers.appid }).slice(10)}${big}`), 20);
    });
    const result = await http.request({
      method: 'PUT',
      url: `${base}/echo`,
      headers: { Appid: 'test-appid' },
      body: '{"é":1}',
      timeoutMs: 2000,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.status).toBe(201);
    expect(result.value.headers).toMatchObject({
      'x-echo-method': 'PUT',
      'set-cookie': 'a=1, b=2',
      'content-type': 'application/json',
    });
    expect(result.value.body.startsWith('{"body":"{\\"é\\":1}","appid":"test-appid"}')).toBe(true);
    expect(result.value.body.length).toBe(
      JSON.stringify({ body: '{"é":1}', appid: 'test-appid' }).length + big.length,
    );
  });

  it('bounds the whole exchange: a body that trickles in past the timeout is a timeout', async () => {
    routes.set('/trickle', (_req, res) => {
      res.writeHead(200);
      const tick = setInterval(() => res.write('.'), 30);
      setTimeout(() => {
        clearInterval(tick);
        res.end();
      }, 1000);
    });
    const started = Date.now();
    const result = await http.request({
      method: 'POST',
      url: `${base}/trickle`,
      headers: {},
      timeoutMs: 250,
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('reports a body cut short as a network failure, not a shorter answer', async () => {
    routes.set('/cut', (_req, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('{"code":0,');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    expect(
      await http.request({ method: 'POST', url: `${base}/cut`, headers: {}, timeoutMs: 2000 }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'network' },
    });
  });

  it('reports a refused connection and a bad URL as network failures', async () => {
    const closed = createServer();
    const addr = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    expect(
      await http.request({ method: 'POST', url: `http://${addr}/`, headers: {}, timeoutMs: 2000 }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'network', message: expect.stringMatching(/ECONNREFUSED/) as unknown },
    });
    expect(await http.request({ method: 'POST', url: 'nope', headers: {}, timeoutMs: 100 })).toMatchObject({
      ok: false,
      error: { kind: 'network' },
    });
    expect(
      await http.request({ method: 'POST', url: 'ftp://127.0.0.1/', headers: {}, timeoutMs: 100 }),
    ).toMatchObject({ ok: false, error: { kind: 'network' } });
  });

  it('refuses an answer larger than the limit', async () => {
    routes.set('/huge', (_req, res) => {
      res.end('y'.repeat(5000));
    });
    const small = createNodeHttpClient({ maxBodyBytes: 1000 });
    expect(
      await small.request({ method: 'POST', url: `${base}/huge`, headers: {}, timeoutMs: 2000 }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'network', message: expect.stringMatching(/larger than 1000/) as unknown },
    });
  });

  it('verifies TLS: a self-signed certificate is refused', async () => {
    const dir = join(__dirname, '../../fixtures/tls');
    const tls = createTlsServer(
      {
        key: readFileSync(join(dir, 'self-signed-key.pem')),
        cert: readFileSync(join(dir, 'self-signed-cert.pem')),
      },
      (_req, res) => res.end('{"code":0}'),
    );
    const addr = await listen(tls);
    const result = await http.request({
      method: 'POST',
      url: `https://${addr}/`,
      headers: {},
      timeoutMs: 2000,
    });
    tls.closeAllConnections();
    await new Promise((resolve) => tls.close(resolve));
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'network', message: expect.stringMatching(/self[- ]signed/i) as unknown },
    });
  });
});
