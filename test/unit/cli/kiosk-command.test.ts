import { describe, expect, it } from 'vitest';
import { controlEndpoint, defaultUserDataDir } from '../../../electron/adapters/control-endpoint';
import { parseArgs } from '../../../electron/cli/args';
import { requestFor } from '../../../electron/cli/commands/kiosk-requests';
import { runCli } from '../../../electron/cli/main';
import { ok } from '../../../electron/contract/result';
import { createControlHandler } from '../../../electron/main/control/control-commands';
import { noOperatorTools } from '../../../electron/main/maintenance/operator-handlers';
import type { ControlTarget } from '../../../electron/main/maintenance/wire-maintenance';
import { captureCliIo } from '../../fakes/capture-cli-io';
import { MemoryLogger } from '../../fakes/memory-logger';

const values = ['data', 'socket', 'board', 'slot', 'product', 'count', 'id', 'note', 'lines'];
const request = (...args: string[]) => {
  const parsed = parseArgs(args, { values });
  return requestFor(parsed.positionals[0], parsed);
};

describe('kioskctl kiosk command lines', () => {
  it('turns each action into its control request', () => {
    expect(request('status')).toEqual({ command: 'status' });
    expect(request('test-dispense', '--board', '2', '--slot', '15')).toEqual({
      command: 'test-dispense',
      addr: 2,
      slot: 15,
    });
    expect(request('restock', '--product', '101', '--count', '0')).toEqual({
      command: 'restock',
      productId: 101,
      count: 0,
    });
    expect(request('resolve', '--id', '2026', '--note', 'in the tray')).toEqual({
      command: 'resolve',
      redemptionId: '2026',
      note: 'in the tray',
    });
    expect(request('service', 'off')).toEqual({ command: 'service', inService: false });
    expect(request('service', 'on')).toEqual({ command: 'service', inService: true });
    expect(request('log')).toEqual({ command: 'log', lines: 200 });
    expect(request('log', '--lines', '1000')).toEqual({ command: 'log', lines: 1000 });
  });

  it.each([
    [['test-dispense', '--board', '9', '--slot', '1']],
    [['test-dispense', '--board', '1']],
    [['restock', '--product', '101', '--count', '-2']],
    [['service']],
    [['service', 'maybe']],
    [['log', '--lines', '5000']],
    [['reboot']],
    [[]],
    [['status', '--pin', '1234']],
  ])('answers %j with usage (exit 2), sending nothing', async (args) => {
    const io = captureCliIo();
    await expect(runCli(['kiosk', ...args, '--socket', '/nonexistent/kiosk.sock'], io)).resolves.toBe(2);
    expect(io.stderr.join('\n')).toContain('usage: kioskctl kiosk');
  });

  it('finds the kiosk’s socket where Electron puts the user-data folder', () => {
    expect(defaultUserDataDir('linux', {}, '/home/kiosk')).toBe('/home/kiosk/.config/Pickup Kiosk');
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/srv/cfg' }, '/home/kiosk')).toBe(
      '/srv/cfg/Pickup Kiosk',
    );
    expect(controlEndpoint('/home/kiosk/.config/Pickup Kiosk', 'linux')).toBe(
      '/home/kiosk/.config/Pickup Kiosk/control/kiosk.sock',
    );
    expect(controlEndpoint('C:\\Users\\kiosk\\AppData\\Roaming\\Pickup Kiosk', 'win32')).toMatch(
      /^\\\\\.\\pipe\\pickup-kiosk-control-[0-9a-f]{16}$/,
    );
  });
});

describe('the control channel’s handler', () => {
  const target = (over: Partial<ControlTarget> = {}) => {
    const audits: { kind: string; detail: unknown }[] = [];
    const t: ControlTarget = {
      status: () => {
        throw new Error('secret-looking message');
      },
      tools: noOperatorTools,
      audit: (kind, detail) => audits.push({ kind, detail }),
      ...over,
    };
    return { t, audits };
  };

  it('audits every command as kioskctl with what it asked and how it ended', async () => {
    const { t, audits } = target({
      tools: { ...noOperatorTools, setService: () => ok({ inService: false, since: 5, by: 'kioskctl' }) },
    });
    const handle = createControlHandler(t, new MemoryLogger());
    await expect(handle({ id: 7, command: 'service', inService: false })).resolves.toEqual({
      id: 7,
      ok: true,
      value: { inService: false, since: 5, by: 'kioskctl' },
    });
    await expect(handle({ command: 'restock', productId: 1, count: 2 })).resolves.toMatchObject({
      id: null,
      ok: false,
      error: { code: 'out-of-service' },
    });
    expect(audits).toEqual([
      { kind: 'kioskctl.service', detail: { source: 'kioskctl', inService: false } },
      {
        kind: 'kioskctl.restock',
        detail: {
          source: 'kioskctl',
          productId: 1,
          count: 2,
          refused: 'out-of-service',
          reason: 'the kiosk core is not running',
        },
      },
    ]);
  });

  it('answers a bug as internal, never with its message', async () => {
    const logger = new MemoryLogger();
    const handle = createControlHandler(target().t, logger);
    const answer = await handle({ command: 'status' });
    expect(answer).toEqual({
      id: null,
      ok: false,
      error: { code: 'internal', reason: 'the kiosk could not run that command' },
    });
    expect(JSON.stringify(answer)).not.toContain('secret-looking');
    expect(logger.has('kioskctl.internal')).toBe(true);
  });
});
