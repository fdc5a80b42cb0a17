import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path, { extname, join, normalize, sep } from 'node:path';
import { mediaFilePath } from '../../../electron/main/protocol/media-route';

export type StaticServer = {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  readonly origin: string;
  close(): Promise<void>;
};

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ogg': 'audio/ogg',
};

/**
 * Serves the built renderer on 127.0.0.1. Chromium refuses module scripts from file://, and the packaged
 * app's file:// origin cannot be reproduced in a plain browser, so the e2e test uses plain loopback HTTP.
 */
export const startStaticServer = async (root: string, mediaDir?: string): Promise<StaticServer> => {
  const base = normalize(root + sep);
  const server = createServer((req, res) => {
    const rawPath = new URL(req.url ?? '/', 'http://static').pathname;
    // /media/ goes through the app protocol's own route, so the names it refuses are refused here too.
    const media = mediaFilePath(mediaDir, `app://kiosk${rawPath}`, path);
    const pathname = decodeURIComponent(rawPath);
    const refused = media !== null && 'refused' in media;
    const mediaFile = media !== null && 'file' in media ? media.file : null;
    const file =
      mediaFile ?? normalize(join(base, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
    const inside = mediaFile !== null || file.startsWith(base);
    if (refused || !inside || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, {
          'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      () => {
        res.writeHead(404).end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
};
