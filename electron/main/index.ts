import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, powerSaveBlocker, protocol, safeStorage } from 'electron';
import { systemClock } from '../adapters/system-clock';
import { ensureAutostart } from './autostart';
import { siteOverrideDir } from './config/override-location';
import { installCrashWatchdog, isSupervised, crashCountFromArgv, restartApp } from './crash-relaunch';
import { createKioskWindow, appLocation, type KioskWindow } from './create-window';
import { createIpcDispatcher } from './ipc/create-ipc-dispatcher';
import { registerIpc } from './ipc/register-ipc';
import { trustedSender } from './ipc/trusted-sender';
import { createKioskShell } from './kiosk-shell';
import { DEFAULT_STOP_TIMEOUT_MS, installLifecycle } from './lifecycle';
import { guardKioskWindow } from './lockdown/window-guard';
import { openAppLogger } from './app-logger';
import { MEDIA_DIR_NAME } from '../runtime/media-dir';
import { APP_SCHEME, appSchemePrivileges } from './protocol/app-origin';
import { createAppProtocolHandler, rendererRoot } from './protocol/app-protocol';
import { passwordStoreSwitch } from './password-store';
import { claimSingleInstance } from './single-instance';
import { contentSecurityPolicy } from './window-options';

// The Electron entry: composition only, in the order Electron needs. Every decision lives in a module that is
// tested with fakes; the whole file runs in the built-app test under the Electron stand-in.
const supervised = isSupervised(process.env);
const log = openAppLogger(app.getPath('userData'));
const restart = (): void => {
  restartApp({ app, argv: process.argv, supervised }, crashCountFromArgv(process.argv) + 1);
};
const shell = createKioskShell(log.logger);
/** How long the start waits for the window's first paint before it goes ahead anyway. */
const FIRST_PAINT_WAIT_MS = 1000;
let window: KioskWindow | undefined;

// Before anything can throw: an uncaught error is logged and restarts the kiosk instead of a modal dialog.
const lifecycle = installLifecycle({
  app,
  process,
  clock: systemClock,
  logger: () => log.logger,
  stop: () => shell.stop(),
  stopTimeoutMs: DEFAULT_STOP_TIMEOUT_MS,
  restartAfterCrash: restart,
});
// Custom schemes get their privileges only before the app is ready.
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
// Chromium reads the keyring choice at start-up, so it is made before ready too.
const passwordStore = passwordStoreSwitch(process.platform, process.argv);
if (passwordStore !== null) app.commandLine.appendSwitch('password-store', passwordStore);

const main = async (): Promise<void> => {
  if (!claimSingleInstance(app, () => window, log.logger)) return;
  await app.whenReady();
  // No menu: none of its accelerators (reload, close, zoom, devtools) may reach a kiosk's keyboard.
  Menu.setApplicationMenu(null);
  const { logger } = log;
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      root: rendererRoot(__dirname),
      readFile: (file) => readFile(file),
      csp: contentSecurityPolicy,
      path,
      // The folder the runtime's media cache writes (runtime/open-product-photos.ts).
      mediaDir: path.join(app.getPath('userData'), MEDIA_DIR_NAME),
    }),
  );

  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  const location = { devServerUrl, packaged: app.isPackaged };
  registerIpc(
    ipcMain,
    createIpcDispatcher({
      handlers: shell.handlers,
      isTrustedSender: trustedSender(appLocation(location)),
      logger,
    }),
  );
  // The window first: the customer sees "starting" within a moment of power-on, whatever the start then does.
  const created = createKioskWindow({
    ...location,
    create: (options) => {
      const browserWindow = new BrowserWindow(options);
      // A packaged kiosk keeps its window open, full screen, focused, unzoomed, and only typing gets through.
      if (app.isPackaged) guardKioskWindow(browserWindow, { logger, isStopping: lifecycle.isStopping });
      return browserWindow;
    },
    preloadPath: path.join(__dirname, '../preload/index.js'),
  });
  window = created.window;
  shell.attach(window.webContents);
  created.loaded.catch((e: unknown) => {
    logger.error('app.page-load-failed', { error: e instanceof Error ? e.message : 'non-error' });
  });
  logger.info('app.window', { page: location.devServerUrl ?? 'app' });

  installCrashWatchdog({ app, clock: systemClock, logger, argv: process.argv, supervised });
  const autostart = ensureAutostart(app, { platform: process.platform, execPath: process.execPath });
  logger.info('app.autostart', { action: autostart.action });
  powerSaveBlocker.start('prevent-display-sleep');

  // The first paint goes first: on two cores the start (module loading, the demo's simulators, a cache fill)
  // would otherwise compete with it. Bounded, so a page that never paints cannot hold the kiosk's start back.
  await Promise.race([created.shown, new Promise((resolve) => setTimeout(resolve, FIRST_PAINT_WAIT_MS))]);
  // Loaded only now: the runtime (journal, serial port, cloud client, the demo's simulators) is most of the main
  // bundle, and nothing of it is needed to put the window on screen.
  const { startKiosk } = await import('./start-kiosk');
  const kind = await shell.boot(() =>
    startKiosk({
      resourcesDir: process.resourcesPath,
      overrideDir: siteOverrideDir(process.platform, process.env),
      userDataDir: app.getPath('userData'),
      safeStorage,
      logger,
      appVersion: app.getVersion(),
      setLogLevel: log.setLevel,
      protectSecrets: log.protect,
      controlChannel: true,
    }),
  );
  logger.info('app.started', { kind });
};

main().catch((e: unknown) => {
  log.logger.error('app.failed-to-start', { error: e instanceof Error ? e.message : String(e) });
  restart();
});
