import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { app } from './app';
import { record } from './record';

type Handler = (request: Request) => Response | Promise<Response>;
type Privileges = Readonly<Record<string, boolean>>;

/**
 * Debian's Chromium cannot be taught a custom scheme, so each app origin the app loads (`app://kiosk`) is served
 * on its own loopback port, and every request there is handed to the handler registered with `protocol.handle`
 * as a `Request` for the app:// URL; its `Response` (status, headers such as the CSP, body) goes back as is.
 * URLs are translated both ways, so the app only ever sees app:// URLs (navigation events, IPC sender frames).
 */
type Origin = { readonly appOrigin: string; readonly server: Server; readonly httpOrigin: string };

const handlers = new Map<string, Handler>();
const privileged = new Map<string, Privileges>();
const origins = new Map<string, Origin>();

const serve = (appOrigin: string) => async (req: IncomingMessage, res: ServerResponse) => {
  const scheme = new URL(appOrigin).protocol.slice(0, -1);
  const handler = handlers.get(scheme);
  const url = `${appOrigin}${req.url ?? '/'}`;
  if (handler === undefined) {
    res.writeHead(404).end();
    return;
  }
  try {
    const answer = await handler(new Request(url, { method: req.method ?? 'GET' }));
    const body = Buffer.from(await answer.arrayBuffer());
    res.writeHead(answer.status, Object.fromEntries(answer.headers.entries()));
    res.end(body);
    record({
      event: 'protocol.served',
      url,
      status: answer.status,
      csp: answer.headers.has('content-security-policy'),
    });
  } catch (e) {
    record({ event: 'protocol.handler-threw', url, error: String(e) });
    res.writeHead(500).end();
  }
};

/** The loopback origin standing in for an app origin, started on first use. */
export const httpOriginFor = async (appOrigin: string): Promise<string> => {
  const known = origins.get(appOrigin);
  if (known !== undefined) return known.httpOrigin;
  const server = createServer((req, res) => void serve(appOrigin)(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const httpOrigin = `http://127.0.0.1:${port}`;
  origins.set(appOrigin, { appOrigin, server, httpOrigin });
  return httpOrigin;
};

/** app:// → the URL Chromium loads; anything else is loaded as it is. */
export const toChromiumUrl = async (url: string): Promise<string> => {
  const parsed = new URL(url);
  const scheme = parsed.protocol.slice(0, -1);
  if (!handlers.has(scheme)) return url;
  if (privileged.get(scheme)?.standard !== true)
    throw new Error(`stand-in: scheme ${scheme} is handled but was not registered as standard`);
  const appOrigin = `${parsed.protocol}//${parsed.host}`;
  return `${await httpOriginFor(appOrigin)}${parsed.pathname}${parsed.search}${parsed.hash}`;
};

/** The URL Chromium reports → the URL Electron would report (app:// for the app's origins). */
export const toAppUrl = (url: string): string => {
  for (const origin of origins.values()) {
    if (url === origin.httpOrigin || url.startsWith(`${origin.httpOrigin}/`))
      return `${origin.appOrigin}${url.slice(origin.httpOrigin.length) || '/'}`;
  }
  return url;
};

export const protocol = {
  registerSchemesAsPrivileged(schemes: readonly { scheme: string; privileges?: Privileges }[]): void {
    // Electron: privileges can only be granted before the app is ready.
    if (app.isReady())
      throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    for (const s of schemes) privileged.set(s.scheme, s.privileges ?? {});
    record({ event: 'protocol.privileged', schemes: schemes.map((s) => s.scheme) });
  },
  handle(scheme: string, handler: Handler): void {
    if (!app.isReady()) throw new Error('protocol.handle can only be used after the app is ready');
    if (handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    handlers.set(scheme, handler);
    record({ event: 'protocol.handle', scheme, privileges: privileged.get(scheme) ?? null });
  },
  unhandle(scheme: string): void {
    handlers.delete(scheme);
  },
  isProtocolHandled(scheme: string): boolean {
    return handlers.has(scheme);
  },
};
