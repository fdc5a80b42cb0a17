import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../e2e/helpers/chromium';
import { record } from './record';

/** The flags the e2e suite runs Debian's Chromium with (toolchain.md), plus a DevTools port for the test. */
const args = [...chromiumArgs, '--remote-debugging-port=0'];

export type ChromiumHost = {
  readonly context: BrowserContext;
  /** Where the test connects over CDP to see and touch the same pages the app's windows are. */
  readonly cdpEndpoint: string;
  close(): Promise<void>;
};

const devToolsPort = async (profile: string): Promise<string> => {
  // Chromium writes the port it bound to the first line of this file once DevTools listens.
  for (let i = 0; i < 100; i += 1) {
    try {
      const [port] = (await readFile(join(profile, 'DevToolsActivePort'), 'utf8')).split('\n');
      if (port !== undefined && port !== '') return port;
    } catch {
      // not written yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('Chromium did not open its DevTools port');
};

/**
 * Electron's renderer side is Chromium; here it is Debian's, headless, one persistent profile for the app
 * (Electron keeps its Chromium profile in the user-data folder too). Every BrowserWindow is a page in it.
 */
export const launchChromium = async (profile: string, screen: { width: number; height: number }) => {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    args,
    headless: true,
    viewport: screen,
    deviceScaleFactor: 1,
    hasTouch: true,
  });
  // The persistent context opens with one blank tab; Electron has no window until the app makes one.
  await Promise.all(context.pages().map((p) => p.close()));
  const cdpEndpoint = `http://127.0.0.1:${await devToolsPort(profile)}`;
  record({ event: 'chromium.ready', cdpEndpoint });
  const host: ChromiumHost = { context, cdpEndpoint, close: () => context.close() };
  return host;
};
