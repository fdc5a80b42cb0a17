import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appFilePath, contentTypeOf } from '../../../../electron/main/protocol/app-files';

const posixRoot = '/opt/Pickup Kiosk/resources/app.asar/out/renderer';
const winRoot = 'C:\\Program Files\\Pickup Kiosk\\resources\\app.asar\\out\\renderer';

describe('app:// → renderer file', () => {
  it.each([
    ['app://kiosk/', `${posixRoot}/index.html`],
    ['app://kiosk/index.html', `${posixRoot}/index.html`],
    ['app://kiosk/assets/index-abc.js', `${posixRoot}/assets/index-abc.js`],
    ['app://kiosk/assets/index.js?v=1#top', `${posixRoot}/assets/index.js`],
    ['app://kiosk/fonts/Noto%20Sans.woff2', `${posixRoot}/fonts/Noto Sans.woff2`],
    // The URL parser already folds an encoded dot-dot away: it stays inside the folder.
    ['app://kiosk/%2E%2E/index.html', `${posixRoot}/index.html`],
  ])('serves %s from the renderer folder (POSIX)', (url, file) => {
    expect(appFilePath(posixRoot, url, path.posix)).toBe(file);
  });

  it.each([
    ['app://kiosk/index.html', `${winRoot}\\index.html`],
    ['app://kiosk/assets/index.js', `${winRoot}\\assets\\index.js`],
  ])('serves %s from a Windows install folder with spaces and a drive letter', (url, file) => {
    expect(appFilePath(winRoot, url, path.win32)).toBe(file);
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///opt/Pickup%20Kiosk/resources/app.asar/out/renderer/index.html'],
    ['a port', 'app://kiosk:99/index.html'],
    ['credentials', 'app://a:b@kiosk/index.html'],
    ['an encoded slash climbing out', 'app://kiosk/..%2F..%2Fmachine.json'],
    ['an encoded backslash climbing out (a separator on Windows)', 'app://kiosk/..%5C..%5Cmachine.json'],
    ['an encoded backslash inside a name', 'app://kiosk/assets%5Cindex.js'],
    ['a drive letter', 'app://kiosk/C:%5CWindows%5Cwin.ini'],
    ['a NUL byte', 'app://kiosk/index.html%00.png'],
    ['a malformed percent sequence', 'app://kiosk/%E0%A4%A'],
    ['an empty segment', 'app://kiosk/assets//index.js'],
    ['a folder', 'app://kiosk/assets/'],
    ['garbage', 'not a url'],
  ])('refuses %s, on POSIX and on Windows, without throwing', (_name, url) => {
    expect(appFilePath(posixRoot, url, path.posix)).toBeNull();
    expect(appFilePath(winRoot, url, path.win32)).toBeNull();
  });

  it('types what it serves and never lets a browser sniff the rest', () => {
    expect(contentTypeOf('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('C:\\x\\assets\\INDEX.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('/x/machine')).toBe('application/octet-stream');
  });
});
