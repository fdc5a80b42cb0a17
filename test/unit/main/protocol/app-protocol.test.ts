import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../../../electron/main/protocol/app-protocol';
import { contentSecurityPolicy } from '../../../../electron/main/window-options';

const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-protocol-'));
const root = path.join(dir, 'out/renderer');
mkdirSync(path.join(root, 'assets'), { recursive: true });
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>kiosk</title>');
writeFileSync(path.join(root, 'assets/index.js'), 'export {};');
// A file next to the renderer folder that no URL may reach.
writeFileSync(path.join(dir, 'out/machine.json'), '{"secret":"no"}');
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const handler = createAppProtocolHandler({ root, readFile, csp: contentSecurityPolicy, path });
const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('the app:// protocol handler', () => {
  it('serves the page with its CSP and type, so Chromium applies the header (file:// never could)', async () => {
    const answer = await get('app://kiosk/index.html');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(answer.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await answer.text()).toContain('<title>kiosk</title>');
  });

  it('serves the bundle as JavaScript and answers HEAD without a body', async () => {
    const js = await get('app://kiosk/assets/index.js');
    expect([js.status, js.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    const head = await get('app://kiosk/assets/index.js', 'HEAD');
    expect([head.status, await head.text()]).toEqual([200, '']);
  });

  it('answers 404 for a missing file and 400 for a URL that is not the app or climbs out, all with the CSP', async () => {
    const answers = await Promise.all([
      get('app://kiosk/nope.js'),
      get('app://kiosk/..%2Fmachine.json'),
      get('app://other/index.html'),
    ]);
    expect(answers.map((a) => a.status)).toEqual([404, 400, 400]);
    for (const a of answers) expect(a.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
  });

  it('refuses anything but GET and HEAD', async () => {
    expect((await get('app://kiosk/index.html', 'POST')).status).toBe(405);
  });
});
