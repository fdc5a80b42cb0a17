import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BrowserWindow } from './browser-window';
import { record } from './record';

/**
 * What a person at the machine can do that does not go through the page: press keys on a USB keyboard (or have a
 * scanner send them), and have the window manager close, minimise, un-fullscreen or unfocus the window. The test
 * asks for these over a loopback HTTP channel (its address is recorded as `control.ready`); each goes the way
 * Electron's would: keys through `before-input-event` first, reaching the page only if nobody prevented them;
 * window actions through the window's events, which the app may answer.
 */
type KeyRequest = { key: string; control?: boolean; alt?: boolean; meta?: boolean; shift?: boolean };
type Preventable = { preventDefault(): void; prevented: boolean };

const preventable = (): Preventable => {
  const event = {
    prevented: false,
    preventDefault: () => {
      event.prevented = true;
    },
  };
  return event;
};

const window = (): BrowserWindow => {
  const found = BrowserWindow.getAllWindows()[0];
  if (found === undefined) throw new Error('no window');
  return found;
};

const press = async (request: KeyRequest): Promise<{ prevented: boolean }> => {
  const target = window();
  const input = {
    key: request.key,
    control: !!request.control,
    alt: !!request.alt,
    meta: !!request.meta,
    shift: !!request.shift,
  };
  const down = preventable();
  target.webContents.emit('before-input-event', down, { ...input, type: 'keyDown' });
  const up = preventable();
  target.webContents.emit('before-input-event', up, { ...input, type: 'keyUp' });
  const prevented = down.prevented && up.prevented;
  record({ event: 'input.key', ...input, prevented });
  if (!down.prevented) {
    const combo = [
      input.control && 'Control',
      input.alt && 'Alt',
      input.meta && 'Meta',
      input.shift && 'Shift',
      request.key,
    ]
      .filter(Boolean)
      .join('+');
    await (await target.webContents.page).keyboard.press(combo);
  }
  return { prevented };
};

const act = (action: string): Record<string, unknown> => {
  const target = window();
  if (action === 'close') target.close();
  else if (action === 'minimize') target.minimize();
  else if (action === 'leave-full-screen') target.setFullScreen(false);
  else if (action === 'blur') target.blur();
  else if (action === 'zoom') target.webContents.zoomBy(1.5);
  else throw new Error(`unknown action ${action}`);
  record({ event: 'window.os-action', action });
  return { ...target.describe(), zoom: target.webContents.describeZoom() };
};

const body = async (req: IncomingMessage): Promise<unknown> => {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text === '' ? {} : JSON.parse(text);
};

const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
  try {
    const input = (await body(req)) as Record<string, unknown>;
    const answer = req.url === '/key' ? await press(input as KeyRequest) : act(String(input.action));
    // Let the app's listeners (restore, focus, re-enter full screen) run before the state is read back.
    await new Promise((r) => setTimeout(r, 20));
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ ...answer, after: window().describe() }));
  } catch (e) {
    res.writeHead(500).end(String(e));
  }
};

const server = createServer((req, res) => void handle(req, res));
server.listen(0, '127.0.0.1', () => {
  record({ event: 'control.ready', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
server.unref();
