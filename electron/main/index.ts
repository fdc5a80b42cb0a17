import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, powerSaveBlocker, safeStorage } from 'electron';
import { createJsonLogger } from '../adapters/json-logger';
import type { LogLevel } from '../core/ports/logger';
import { systemClock } from '../adapters/system-clock';
import { ensureAutostart } from './autostart';
import { installCrashWatchdog, isSupervised } from './crash-relaunch';
import { appLocation, createKioskWindow, type KioskWindow } from './create-window';
import { openLogFile } from './log-file';
import { createIpcDispatcher } from './ipc/create-ipc-dispatcher';
import { forwardEvents, registerIpc } from './ipc/register-ipc';
import { trustedSender } from './ipc/trusted-sender';
import { claimSingleInstance } from './single-instance';
import { startKiosk } from './start-kiosk';

// The Electron entry: composition only. Every decision lives in a module that is tested with fakes.
let window: KioskWindow | undefined;

const main = async (): Promise<void> => {
  if (!claimSingleInstance(app, () => window)) return;
  await app.whenReady();
  const userDataDir = app.getPath('userData');
  const logFile = openLogFile(join(userDataDir, 'logs'));
  let level: LogLevel = 'info';
  let secrets: readonly string[] = [];
  const logger = createJsonLogger({
    level: () => level,
    secrets: () => secrets,
    write: (line) => {
      logFile.write(line);
    },
  });
  installCrashWatchdog({
    app,
    clock: systemClock,
    logger,
    argv: process.argv,
    supervised: isSupervised(process.env),
  });
  const autostart = ensureAutostart(app, { platform: process.platform, execPath: process.execPath });
  logger.info('app.autostart', { action: autostart.action });

  const started = await startKiosk({
    resourcesDir: process.resourcesPath,
    userDataDir,
    safeStorage,
    logger,
    appVersion: app.getVersion(),
    setLogLevel: (configured) => {
      level = configured;
    },
    protectSecrets: (loaded) => {
      secrets = loaded;
    },
  });
  if (started.kind === 'out-of-service') logger.error('app.out-of-service', { reason: started.reason });

  const rendererIndex = join(__dirname, '../renderer/index.html');
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  const dispatcher = createIpcDispatcher({
    handlers: started.handlers,
    isTrustedSender: trustedSender(appLocation({ rendererIndex, devServerUrl })),
    logger,
  });
  registerIpc(ipcMain, dispatcher);
  window = await createKioskWindow({
    create: (options) => new BrowserWindow(options),
    preloadPath: join(__dirname, '../preload/index.js'),
    rendererIndex,
    devServerUrl,
    packaged: app.isPackaged,
  });
  if (started.kind === 'running') forwardEvents(started.runtime.core, window.webContents);
  powerSaveBlocker.start('prevent-display-sleep');

  app.on('window-all-closed', () => {
    void (started.kind === 'running' ? started.runtime.stop() : Promise.resolve()).finally(() => {
      app.quit();
    });
  });
};

main().catch((e: unknown) => {
  process.stderr.write(`pickup-kiosk: failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  app.exit(1);
});
