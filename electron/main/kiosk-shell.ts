import { err, ok } from '../contract/result';
import type { KioskState } from '../contract/schemas';
import type { Logger } from '../core/ports/logger';
import type { IpcHandlers } from './ipc/create-ipc-dispatcher';
import { forwardEvents, type EventSink } from './ipc/register-ipc';
import { maintenanceDisabledHandlers } from './maintenance/maintenance-handlers';
import { outOfServiceHandlers } from './out-of-service';
import type { KioskStart } from './start-kiosk';

/**
 * What the window talks to from its first paint, before anything slow has run. The window and IPC exist at
 * once; the start (configuration, board wait, recovery, first cache fill) runs behind them and the page follows
 * it through the same state events as ever. Until a core exists the shell answers for it: "starting", codes
 * refused as busy, maintenance closed.
 */
export type KioskShell = {
  /** Stable for the app's lifetime: registered once with ipcMain, delegating to whatever the start decided. */
  readonly handlers: IpcHandlers;
  /** The window's webContents; events are sent to it from then on. */
  attach(sink: EventSink): void;
  /** Runs the start decision, then starts the runtime it chose; resolves once the kiosk is ready or out of service. */
  boot(start: () => Promise<KioskStart>): Promise<KioskStart['kind']>;
  /** Stops whatever was started (waiting for a start in progress); safe to call at any time, any number of times. */
  stop(): Promise<void>;
};

/** The state shown while nothing is known yet: not even the machine's name or language. */
export const bootState: KioskState = {
  mode: 'live',
  phase: 'starting',
  startupStep: 'configuration',
  machineName: 'Pickup Kiosk',
  language: 'en',
  board: 'reconnecting',
  entryLockedUntil: null,
  demoCodes: [],
  idleTimeoutSeconds: 60,
};

const bootHandlers: IpcHandlers = {
  getState: () => Promise.resolve(ok(bootState)),
  submitCode: () => Promise.resolve(err({ code: 'busy' })),
  ...maintenanceDisabledHandlers,
};

export const createKioskShell = (logger: Logger): KioskShell => {
  let current: IpcHandlers = bootHandlers;
  let sink: EventSink | null = null;
  let started: KioskStart | null = null;
  let deciding: Promise<unknown> = Promise.resolve();
  let stopping: Promise<void> | null = null;
  let stopForwarding: () => void = () => undefined;

  const send = (state: KioskState): void => {
    if (sink !== null && !sink.isDestroyed()) sink.send('kiosk:event:state', state);
  };
  const showCurrent = async (): Promise<void> => {
    const state = await current.getState({});
    if (state.ok) send(state.value);
  };
  // Each method reads `current` when called, so the registration made before the start stays right after it.
  const handlers = Object.fromEntries(
    (Object.keys(bootHandlers) as (keyof IpcHandlers)[]).map((method) => [
      method,
      (input: never) => (current[method] as (input: never) => Promise<unknown>)(input),
    ]),
  ) as IpcHandlers;

  const decide = async (start: () => Promise<KioskStart>): Promise<KioskStart> => {
    try {
      return await start();
    } catch (e) {
      // Not an expected problem (those are out-of-service starts already): a database that cannot be opened,
      // a port that throws. The customer sees "out of service", the log says what; the supervisor is not
      // asked to restart into the same failure every 3 seconds.
      logger.error('app.start-failed', { error: e instanceof Error ? e.name : 'non-error' });
      const reason = 'the kiosk could not start';
      return { kind: 'out-of-service', reason, handlers: outOfServiceHandlers('Pickup Kiosk', 'en') };
    }
  };

  return {
    handlers,
    attach(next) {
      sink = next;
      if (started?.kind === 'running') {
        stopForwarding();
        stopForwarding = forwardEvents(started.runtime.core, next);
      }
      void showCurrent();
    },
    async boot(start) {
      const decision = decide(start).then((chosen) => {
        started = chosen;
        current = chosen.handlers;
        return chosen;
      });
      deciding = decision;
      const chosen = await decision;
      if (chosen.kind === 'running' && sink !== null)
        stopForwarding = forwardEvents(chosen.runtime.core, sink);
      await showCurrent();
      if (chosen.kind === 'running' && stopping === null) await chosen.runtime.start();
      return chosen.kind;
    },
    stop() {
      // Waits for the start decision only, not for the start itself: the runtime's stop interrupts that.
      stopping ??= (async () => {
        await deciding;
        stopForwarding();
        if (started?.kind === 'running') await started.runtime.stop();
      })();
      return stopping;
    },
  };
};
