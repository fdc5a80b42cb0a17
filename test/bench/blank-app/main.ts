import { join } from 'node:path';
import { app, BrowserWindow } from 'electron';

/**
 * The floor for "window on screen" under the same Electron (or stand-in): an app that makes its window the moment
 * it is ready and shows a blank page. The start benchmark runs it beside the kiosk, so the kiosk's time to its
 * "starting" screen reads as a ratio against what the platform itself costs on this machine.
 */
void app.whenReady().then(async () => {
  const window = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, preload: join(__dirname, 'preload.cjs') },
  });
  window.once('ready-to-show', () => {
    window.show();
  });
  await window.loadURL('data:text/html,<!doctype html><title>blank</title><p>blank</p>');
});
