import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mediaFileName } from '../../../../electron/core/media/media-name';
import { createAppProtocolHandler } from '../../../../electron/main/protocol/app-protocol';
import { contentSecurityPolicy } from '../../../../electron/main/window-options';

const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-media-route-'));
const root = path.join(dir, 'renderer');
const mediaDir = path.join(dir, 'media');
mkdirSync(root, { recursive: true });
mkdirSync(mediaDir, { recursive: true });
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>kiosk</title>');
writeFileSync(path.join(dir, 'machine.json'), '{"secret":"no"}');
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const photo = mediaFileName('https://cdn.example/cola.png', 'png');
writeFileSync(path.join(mediaDir, photo), png);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const handler = createAppProtocolHandler({ root, readFile, csp: contentSecurityPolicy, path, mediaDir });
const get = (url: string) => handler(new Request(url));

describe('the app:// media route', () => {
  it('serves a cached picture from the media folder with its type and the page headers', async () => {
    const answer = await get(`app://kiosk/media/${photo}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('image/png');
    expect(answer.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await answer.arrayBuffer())).toEqual(png);
  });

  it('answers 404 for a well-formed name that is not cached', async () => {
    const answer = await get(`app://kiosk/media/${'0'.repeat(64)}.jpg`);
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  });

  it.each([
    'app://kiosk/media/..%2Fmachine.json',
    'app://kiosk/media/%2e%2e/machine.json',
    'app://kiosk/media/..%5Cmachine.json',
    `app://kiosk/media/${photo.toUpperCase()}`,
    `app://kiosk/media/${photo.replace('.png', '.svg')}`,
    `app://kiosk/media/sub/${photo}`,
    `app://kiosk/media/${photo}?x=1`,
    'app://kiosk/media/',
  ])('refuses %s without reading outside the folder', async (url) => {
    const answer = await get(url);
    expect(answer.status).not.toBe(200);
    expect(await answer.text()).not.toContain('secret');
  });

  it('is 404 when no media folder is configured, and leaves the renderer files alone', async () => {
    const bare = createAppProtocolHandler({ root, readFile, csp: contentSecurityPolicy, path });
    expect((await bare(new Request(`app://kiosk/media/${photo}`))).status).toBe(404);
    expect((await bare(new Request('app://kiosk/index.html'))).status).toBe(200);
  });
});
