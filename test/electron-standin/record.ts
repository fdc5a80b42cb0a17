import { appendFileSync } from 'node:fs';

/**
 * What the stand-in saw, one JSON line per event, for the test that drives the built app to read afterwards:
 * when the window was created and shown, every IPC call and its answer's shape, what the page was sent,
 * preload errors, the exit code. Epoch milliseconds, so they line up with the app's own log.
 */
export type StandinEvent = { readonly event: string; readonly [field: string]: unknown };

const file = process.env.STANDIN_EVENTS;

export const record = (entry: StandinEvent): void => {
  if (file === undefined || file === '') return;
  appendFileSync(file, `${JSON.stringify({ t: Date.now(), ...entry })}\n`);
};
