import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openMediaFolder } from '../../../../electron/adapters/media-folder';
import { createPictureDownload } from '../../../../electron/adapters/picture-download';
import { createMediaCache } from '../../../../electron/core/media/media-cache';
import { mediaFileName } from '../../../../electron/core/media/media-name';
import { silentLogger, type LogFields, type Logger } from '../../../../electron/core/ports/logger';

const png = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
let hits: Record<string, number> = {};
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const route = req.url ?? '/';
    hits[route] = (hits[route] ?? 0) + 1;
    if (route.startsWith('/ok')) return res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    if (route === '/html')
      return res.writeHead(200, { 'content-type': 'image/jpeg' }).end('<!doctype html>oops');
    if (route === '/huge') return res.writeHead(200).end(Buffer.concat([png, Buffer.alloc(4096)]));
    if (route === '/slow') return setTimeout(() => res.writeHead(200).end(png), 2_000).unref();
    if (route === '/moved') return res.writeHead(302, { location: '/ok-moved' }).end();
    return res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const dirs: string[] = [];
afterEach(() => {
  hits = {};
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const rig = (extra: { maxFiles?: number; clock?: { t: number } } = {}) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-media-'));
  dirs.push(dir);
  const warnings: { event: string; fields?: LogFields }[] = [];
  const logger: Logger = {
    debug: () => undefined,
    info: () => undefined,
    warn: (event, fields) => warnings.push({ event, fields }),
    error: () => undefined,
  };
  const clock = extra.clock ?? { t: 1_000 };
  const cache = createMediaCache({
    folder: openMediaFolder(dir),
    download: createPictureDownload({ timeoutMs: 300, maxBytes: 1024 }),
    logger,
    now: () => clock.t,
    maxFiles: extra.maxFiles,
    firstRetryMs: 1_000,
    maxRetryMs: 4_000,
  });
  return { dir, cache, warnings, clock };
};

describe('the media cache against a real HTTP server', () => {
  it('stores a PNG atomically under its hashed name and answers its app path from memory', async () => {
    const { dir, cache } = rig();
    await cache.load();
    const url = `${base}/ok-a`;
    expect(cache.pathOf(url)).toBeUndefined();
    cache.want([url]);
    await cache.idle();
    const name = mediaFileName(url, 'png');
    expect(cache.pathOf(url)).toBe(`media/${name}`);
    expect(readdirSync(dir)).toEqual([name]);
    expect(readFileSync(path.join(dir, name))).toEqual(png);
    rmSync(path.join(dir, name));
    // Memory, not the disk, answers: the redeem path never stats.
    expect(cache.pathOf(url)).toBe(`media/${name}`);
  });

  it.each([
    ['HTML labelled image/jpeg', '/html', 'not-an-image'],
    ['a body over the cap', '/huge', 'too-large'],
    ['an answer slower than the deadline', '/slow', 'TimeoutError'],
    ['a redirect', '/moved', 'fetch failed'],
    ['a missing picture', '/nope', 'status-404'],
  ])('refuses %s, keeps nothing and logs it once', async (_label, route, reason) => {
    const { dir, cache, warnings } = rig();
    await cache.load();
    cache.want([`${base}${route}`]);
    await cache.idle();
    cache.want([`${base}${route}`]);
    await cache.idle();
    expect(cache.pathOf(`${base}${route}`)).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.event).toBe('media.fetch_failed');
    expect(String(warnings[0]?.fields?.reason)).toContain(reason === 'TimeoutError' ? 'aborted' : reason);
    expect(JSON.stringify(warnings)).not.toContain('127.0.0.1');
    expect(hits['/ok-moved']).toBeUndefined();
  });

  it('refuses plain http off this machine without asking the network', async () => {
    const { cache, warnings } = rig();
    await cache.load();
    cache.want(['http://example.com/a.png', 'ftp://127.0.0.1/a.png', `http://user:pw@127.0.0.1/ok`]);
    await cache.idle();
    expect(warnings.map((w) => w.fields?.reason)).toEqual([
      'url-not-allowed',
      'url-not-allowed',
      'url-not-allowed',
    ]);
  });

  it('tries a failed picture again only after a doubling delay', async () => {
    const { cache, clock } = rig();
    await cache.load();
    const url = `${base}/nope`;
    const tryAt = async (t: number): Promise<number> => {
      clock.t = t;
      cache.want([url]);
      await cache.idle();
      return hits['/nope'] ?? 0;
    };
    expect(await tryAt(1_000)).toBe(1);
    expect(await tryAt(1_500)).toBe(1); // first delay 1 s not over
    expect(await tryAt(2_000)).toBe(2); // next delay 2 s
    expect(await tryAt(3_500)).toBe(2);
    expect(await tryAt(4_000)).toBe(3); // then 4 s, the ceiling
    expect(await tryAt(8_000)).toBe(4);
    expect(await tryAt(12_000)).toBe(5);
  });

  it('keeps at most maxFiles pictures, removing the oldest, and fetches one at a time', async () => {
    const clock = { t: 1_000 };
    const { dir, cache } = rig({ maxFiles: 2, clock });
    await cache.load();
    for (const name of ['a', 'b', 'c']) {
      clock.t += 10;
      cache.want([`${base}/ok-${name}`]);
      await cache.idle();
    }
    expect(cache.pathOf(`${base}/ok-a`)).toBeUndefined();
    expect(cache.pathOf(`${base}/ok-b`)).toBeDefined();
    expect(cache.pathOf(`${base}/ok-c`)).toBeDefined();
    expect(readdirSync(dir).sort()).toEqual(
      [mediaFileName(`${base}/ok-b`, 'png'), mediaFileName(`${base}/ok-c`, 'png')].sort(),
    );
  });

  it('reloads what is on disk, drops half-written leftovers and foreign files are ignored', async () => {
    const first = rig();
    await first.cache.load();
    first.cache.want([`${base}/ok-x`, `${base}/ok-x`]);
    await first.cache.idle();
    expect(hits['/ok-x']).toBe(1);
    writeFileSync(path.join(first.dir, `${'b'.repeat(64)}.png.abc.part`), 'half');
    writeFileSync(path.join(first.dir, 'notes.txt'), 'x');
    const again = createMediaCache({
      folder: openMediaFolder(first.dir),
      download: () => Promise.reject(new Error('must not download')),
      logger: silentLogger,
      now: () => 0,
    });
    await again.load();
    expect(again.pathOf(`${base}/ok-x`)).toBe(`media/${mediaFileName(`${base}/ok-x`, 'png')}`);
    expect(readdirSync(first.dir).sort()).toEqual([mediaFileName(`${base}/ok-x`, 'png'), 'notes.txt'].sort());
  });
});
