import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { ipcMain } from './ipc-main';
import { record } from './record';
import type { StandinWebContents } from './web-contents';

/** The bundled page half (page/preload-world.ts), built by the test and handed over in this variable. */
const preloadWorld = (): string => {
  const file = process.env.STANDIN_PRELOAD_WORLD;
  if (file === undefined) throw new Error('stand-in: STANDIN_PRELOAD_WORLD is not set');
  return readFileSync(file, 'utf8');
};

type PageMessage = { kind: string; channel?: string; args?: unknown[]; message?: string };
export type PreloadOptions = {
  readonly preload: string | undefined;
  readonly sandbox: boolean;
  readonly contextIsolation: boolean;
};

/**
 * Gives a window's page its preload: a binding (under a random name the page half removes from the window) that
 * carries invoke/send to ipcMain with the calling frame as the sender, and an init script that runs the page half
 * and then the built preload's own text inside a function with the sandboxed require.
 */
export const installPreload = async (
  page: Page,
  webContents: StandinWebContents,
  options: PreloadOptions,
): Promise<void> => {
  if (options.preload === undefined) return;
  const bindingName = `__standinIpc_${randomBytes(8).toString('hex')}`;
  const runKey = `__standinRun_${randomBytes(8).toString('hex')}`;
  await page.exposeBinding(bindingName, async (source, message: PageMessage) => {
    if (message.kind === 'preload-loaded' || message.kind === 'preload-error') {
      record({ event: `window.${message.kind}`, message: message.message ?? null });
      return { ok: true };
    }
    const event = {
      sender: webContents,
      senderFrame: webContents.frameFor(source.frame, source.page),
      frameId: 1,
      processId: 1,
    };
    if (message.kind === 'send') {
      ipcMain.emit(message.channel ?? '', event, ...(message.args ?? []));
      return { ok: true };
    }
    return ipcMain.invoke(event, message.channel ?? '', message.args ?? []);
  });
  const config = {
    bindingName,
    deliverKey: webContents.deliverKey,
    runKey,
    sandbox: options.sandbox,
    contextIsolation: options.contextIsolation,
  };
  // No eval, so the page's CSP does not stand in the way (Electron's preload is not subject to it either).
  const script = [
    `globalThis.__standinPreloadConfig = ${JSON.stringify(config)};`,
    preloadWorld(),
    `globalThis[${JSON.stringify(runKey)}](function (require, module, exports, process, Buffer, global) {`,
    readFileSync(options.preload, 'utf8'),
    '});',
  ].join('\n');
  await page.addInitScript({ content: script });
};
