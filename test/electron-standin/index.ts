/**
 * The `electron` module as the kiosk's main process sees it under the stand-in (register.ts points `require
 * ('electron')` here). Only what the app uses; each part follows Electron's documented behaviour closely enough
 * that the built app runs unchanged: see the README's "Built app, end to end" for what is and is not the same.
 */
// The test's channel for what a person does outside the page (keys, window manager): see control.ts.
import './control';

export { app } from './app';
export { BrowserWindow } from './browser-window';
export { ipcMain } from './ipc-main';
export { protocol } from './protocol';
export { Menu, powerSaveBlocker, safeStorage } from './small-modules';
