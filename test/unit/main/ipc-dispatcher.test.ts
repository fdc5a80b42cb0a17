import { describe, expect, it } from 'vitest';
import { invokeChannels } from '../../../electron/contract/channels';
import { err, ok } from '../../../electron/contract/result';
import type { KioskState, RedemptionResult } from '../../../electron/contract/schemas';
import { createIpcDispatcher, type IpcHandlers } from '../../../electron/main/ipc/create-ipc-dispatcher';
import { trustedSender } from '../../../electron/main/ipc/trusted-sender';
import { maintenanceDisabledHandlers } from '../../../electron/main/maintenance/maintenance-handlers';
import { MemoryLogger } from '../../fakes/memory-logger';

const state: KioskState = {
  mode: 'demo',
  phase: 'ready',
  machineName: 'Test',
  language: 'en',
  board: 'connected',
  entryLockedUntil: null,
  demoCodes: [],
  idleTimeoutSeconds: 60,
};
const result: RedemptionResult = {
  redemptionId: 'r1',
  outcome: 'success',
  dispensed: 1,
  of: 1,
  productName: 'Cola',
  reference: '00000001',
  owed: 0,
};
const app = { url: 'app://kiosk/index.html', isMainFrame: true };

const setup = (handlers: Partial<IpcHandlers> = {}) => {
  const logger = new MemoryLogger();
  const calls: string[] = [];
  const dispatcher = createIpcDispatcher({
    handlers: {
      getState: () => Promise.resolve(ok(state)),
      submitCode: ({ code }) => {
        calls.push(code);
        return Promise.resolve(ok(result));
      },
      ...maintenanceDisabledHandlers,
      ...handlers,
    },
    isTrustedSender: trustedSender({}),
    logger,
  });
  return { dispatcher, logger, calls };
};

describe('IPC dispatcher', () => {
  it('answers a valid call from the app page with the handler result', async () => {
    const { dispatcher, calls } = setup();
    await expect(dispatcher.dispatch(invokeChannels.submitCode, app, { code: '12345678' })).resolves.toEqual(
      ok(result),
    );
    expect(calls).toEqual(['12345678']);
  });

  it.each([
    ['another origin', { url: 'https://evil.example/index.html', isMainFrame: true }],
    ['a sub-frame of the app', { ...app, isMainFrame: false }],
    [
      'a file anywhere, even the built page itself',
      { url: 'file:///opt/kiosk/resources/app.asar/out/renderer/index.html', isMainFrame: true },
    ],
    [
      'a Windows file path',
      {
        url: 'file:///C:/Program%20Files/Pickup%20Kiosk/resources/app.asar/out/renderer/index.html',
        isMainFrame: true,
      },
    ],
    ['another host on the app scheme', { url: 'app://evil/index.html', isMainFrame: true }],
    ['the app host with credentials', { url: 'app://user:pw@kiosk/index.html', isMainFrame: true }],
    ['the app host with a port', { url: 'app://kiosk:8080/index.html', isMainFrame: true }],
    ['a look-alike scheme', { url: 'apps://kiosk/index.html', isMainFrame: true }],
    ['a malformed percent sequence', { url: 'file:///opt/kiosk/%E0%A4%A/index.html', isMainFrame: true }],
    ['an unparseable url', { url: 'not a url', isMainFrame: true }],
    ['an empty url (no sender frame)', { url: '', isMainFrame: true }],
  ])('refuses %s before parsing anything', async (_name, sender) => {
    const { dispatcher, calls, logger } = setup();
    await expect(
      dispatcher.dispatch(invokeChannels.submitCode, sender, { code: '12345678' }),
    ).resolves.toEqual(err({ code: 'forbidden' }));
    expect(calls).toEqual([]);
    expect(logger.has('ipc.forbidden')).toBe(true);
  });

  it.each([
    ['no object', undefined],
    ['a string', '12345678'],
    ['a wrong field type', { code: 12345678 }],
    ['an extra field', { code: '12345678', admin: true }],
    ['a prototype trick', JSON.parse('{"code":"1","__proto__":{"x":1}}') as unknown],
    ['an oversized code', { code: '9'.repeat(10_000) }],
  ])('answers invalid-input for %s', async (_name, input) => {
    const { dispatcher, calls } = setup();
    await expect(dispatcher.dispatch(invokeChannels.submitCode, app, input)).resolves.toEqual(
      err({ code: 'invalid-input' }),
    );
    expect(calls).toEqual([]);
  });

  it('answers invalid-input for a channel that is not in the contract', async () => {
    const { dispatcher } = setup();
    await expect(dispatcher.dispatch('kiosk:admin-unlock', app, {})).resolves.toEqual(
      err({ code: 'invalid-input' }),
    );
  });

  it('turns a thrown exception into internal without leaking its message', async () => {
    const { dispatcher, logger } = setup({
      submitCode: () => Promise.reject(new Error('secret TESTKEY in a stack')),
    });
    const answer = await dispatcher.dispatch(invokeChannels.submitCode, app, { code: '12345678' });
    expect(answer).toEqual(err({ code: 'internal' }));
    expect(JSON.stringify(answer)).not.toContain('TESTKEY');
    expect(logger.text()).not.toContain('TESTKEY');
  });

  it('accepts the dev server origin when one is configured', async () => {
    const logger = new MemoryLogger();
    const dispatcher = createIpcDispatcher({
      handlers: {
        getState: () => Promise.resolve(ok(state)),
        submitCode: () => Promise.resolve(ok(result)),
        ...maintenanceDisabledHandlers,
      },
      isTrustedSender: trustedSender({ devOrigin: 'http://localhost:5173' }),
      logger,
    });
    await expect(
      dispatcher.dispatch(invokeChannels.getState, { url: 'http://localhost:5173/', isMainFrame: true }, {}),
    ).resolves.toEqual(ok(state));
    await expect(
      dispatcher.dispatch(invokeChannels.getState, { url: 'http://localhost:5174/', isMainFrame: true }, {}),
    ).resolves.toEqual(err({ code: 'forbidden' }));
  });
});
