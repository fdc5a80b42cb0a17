import type { CodeCache } from '../cache/code-cache';
import type { CodeHasher } from '../cache/code-hash';
import type { OperatorControl } from '../operator/create-operator';
import type { Cancel, Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { KioskStore } from '../ports/store';
import type { TestDispenseRow } from '../ports/test-dispense-store';
import type { LiveCommand } from './incoming';
import type { TestOutcome } from './outgoing';
import { applyPushedSettings } from './pushed-settings';

/** The vendor requires a screen idle this long before it may restart or power off the machine. */
export const POWER_IDLE_MS = 60_000;
const POWER_POLL_MS = 5000;

export type PowerAction = 'reboot' | 'shutdown';

export type LiveActionDeps = {
  readonly store: KioskStore;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly hash: CodeHasher;
  readonly cache: CodeCache;
  readonly operator: OperatorControl;
  readonly refresh: () => Promise<unknown>;
  /** Milliseconds since a customer last did anything the core sees (a submitted code); null: never. */
  readonly sinceCustomer: () => number | null;
  readonly customerBusy: () => boolean;
  readonly onSettings: () => void;
  readonly reportTest: (productId: number, outcome: TestOutcome) => void;
  /** Unset, or `allowPowerCommands` off: the commands are logged and not acted on. */
  readonly power: ((action: PowerAction) => Promise<void>) | null;
};

const testOutcome = (row: TestDispenseRow): TestOutcome => {
  if (row.state === 'success') return 'done';
  if (row.state === 'unknown') return 'serial-timeout';
  return /stuck|jam/i.test(row.reason ?? '') ? 'jammed' : 'motor-fault';
};

const idleLongEnough = (deps: LiveActionDeps): boolean => {
  const since = deps.sinceCustomer();
  return !deps.customerBusy() && (since === null || since >= POWER_IDLE_MS);
};

/** What the kiosk does with each command the platform sends, once the command has passed every check. */
export const createLiveActions = (deps: LiveActionDeps) => {
  const { store, clock, logger, cache } = deps;
  let powerWait: Cancel | null = null;

  const testDispense = async (addr: number, slot: number): Promise<void> => {
    // "No customer using the kiosk": none mid-pickup and none within the last minute.
    if (!idleLongEnough(deps)) {
      logger.warn('live.test-refused', { addr, slot, reason: 'a customer is using the kiosk' });
      return;
    }
    const ran = await deps.operator.testDispense(addr, slot, 'vendor');
    if (!ran.ok) {
      logger.warn('live.test-refused', { addr, slot, reason: ran.error.reason });
      return;
    }
    if (ran.value.productId !== null) deps.reportTest(ran.value.productId, testOutcome(ran.value));
  };

  const waitForIdle = (action: PowerAction, power: (action: PowerAction) => Promise<void>): void => {
    powerWait?.();
    const poll = (): void => {
      if (!idleLongEnough(deps)) {
        powerWait = clock.setTimer(POWER_POLL_MS, poll);
        return;
      }
      powerWait = null;
      store.audit('machine.power', { action, by: 'vendor' }, clock.now());
      logger.warn('live.power', { action });
      power(action).catch((e: unknown) => {
        logger.error('live.power-failed', { action, error: e instanceof Error ? e.message : 'non-error' });
      });
    };
    poll();
  };

  return {
    act(command: LiveCommand): void {
      const now = clock.now();
      switch (command.kind) {
        case 'code-created': {
          if (command.expiresAt !== null && command.expiresAt <= now) return;
          // The clear code is hashed here and dropped: only the keyed hash is kept, as for a fetched code.
          const { code, kind: _kind, ...rest } = command;
          cache.put({ ...rest, codeHash: deps.hash(code) });
          if (store.getProduct(command.productId) === null) void deps.refresh();
          logger.info('live.code-created', { codeId: command.codeId, productId: command.productId });
          return;
        }
        case 'code-deleted':
          logger.info('live.code-deleted', { codeId: command.codeId, found: cache.dropById(command.codeId) });
          return;
        case 'config-push':
          if (applyPushedSettings(store, command.settings)) deps.onSettings();
          logger.info('live.config', {
            applied: Object.keys(command.settings).join(','),
            ignored: command.ignored.join(','),
            refused: command.refused.join(','),
          });
          return;
        case 'test-dispense':
          void testDispense(command.addr, command.slot);
          return;
        case 'fault-clear':
          for (const productId of command.productIds) {
            const p = store.getProduct(productId);
            const lock = p === null ? null : store.getSlotLock(p.addr, p.slot);
            // Only a quarantine: an unknown outcome is a question about a customer's item nobody remote can answer.
            if (p && lock?.kind === 'quarantine' && store.clearSlotLock(p.addr, p.slot))
              store.audit('slot.unlocked', { addr: p.addr, slot: p.slot, by: 'vendor' }, now);
          }
          return;
        case 'refresh':
          void deps.refresh();
          return;
        case 'power':
          if (deps.power === null) logger.warn('live.power-ignored', { action: command.action });
          else waitForIdle(command.action, deps.power);
          return;
        case 'unsupported':
          logger.info('live.unsupported', { method: command.method });
      }
    },
    stop(): void {
      powerWait?.();
      powerWait = null;
    },
  };
};
