import { describe, expect, it } from 'vitest';
import { buildKioskApi, type KioskTransport } from '../../../electron/contract/build-kiosk-api';
import type { KioskApi } from '../../../electron/contract';

/** A transport like the preload's: subscribe answers an unsubscribe that returns something (ipcRenderer does). */
const transport = () => {
  const subscribed: string[] = [];
  const listeners = new Map<string, (payload: unknown) => void>();
  const t: KioskTransport = {
    invoke: () => Promise.resolve({ ok: true, value: null }),
    subscribe: (channel, listener) => {
      subscribed.push(channel);
      listeners.set(channel, listener);
      return () => {
        listeners.delete(channel);
        return t;
      };
    },
  };
  return { t, subscribed, listeners };
};

describe('window.kiosk.on', () => {
  it('follows a contract event on its channel, and the unsubscribe stops it and returns nothing', () => {
    const { t, subscribed, listeners } = transport();
    const api = buildKioskApi(t);
    const seen: unknown[] = [];
    const off: () => unknown = api.on('progress', (p) => seen.push(p));
    expect(subscribed).toEqual(['kiosk:event:progress']);
    listeners.get('kiosk:event:progress')?.({ redemptionId: 'r', stage: 'checking' });
    // Typed void; what matters is what actually comes back across the bridge.
    expect(off()).toBeUndefined();
    expect(listeners.size).toBe(0);
    expect(seen).toEqual([{ redemptionId: 'r', stage: 'checking' }]);
  });

  it('refuses any other channel, however it is spelled, without subscribing', () => {
    const { t, subscribed } = transport();
    const on = buildKioskApi(t).on as unknown as (event: unknown, listener: unknown) => unknown;
    for (const event of ['kiosk:get-state', 'toString', '__proto__', 'constructor', '', 7, null])
      expect(() => on(event, () => undefined)).toThrow(/unknown kiosk event/);
    expect(() => on('state', 'not a function')).toThrow(/must be a function/);
    expect(subscribed).toEqual([]);
  });

  it('exposes exactly the contract methods and on()', () => {
    const api: KioskApi = buildKioskApi(transport().t);
    expect(Object.keys(api).sort()).toEqual(
      [
        'getState',
        'submitCode',
        'maintenanceOpen',
        'maintenanceStatus',
        'maintenanceClearLock',
        'maintenanceRetryOutbox',
        'maintenanceSettleOwed',
        'maintenanceClose',
        'maintenanceTestDispense',
        'maintenanceRestock',
        'maintenanceResolveAttention',
        'maintenanceSetService',
        'maintenanceSetSound',
        'maintenanceRecentLog',
        'on',
      ].sort(),
    );
  });
});
