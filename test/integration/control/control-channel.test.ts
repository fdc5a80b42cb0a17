import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendControlRequest } from '../../../electron/adapters/control-client';
import { controlEndpoint } from '../../../electron/adapters/control-endpoint';
import type { ControlServer } from '../../../electron/adapters/control-socket';
import { createJsonLogger } from '../../../electron/adapters/json-logger';
import { openRotatingLogFile } from '../../../electron/adapters/rotating-log-file';
import { openStore } from '../../../electron/adapters/sqlite/open-store';
import { systemClock } from '../../../electron/adapters/system-clock';
import { runCli } from '../../../electron/cli/main';
import {
  maintenanceStatusSchema,
  type MaintenanceStatus,
} from '../../../electron/contract/maintenance-schemas';
import type { KioskStore } from '../../../electron/core/ports/store';
import { openControlChannel } from '../../../electron/main/control/open-control-channel';
import { runtimeControlTarget } from '../../../electron/main/maintenance/wire-maintenance';
import { DEMO_DB_NAME, startRuntime, type Runtime } from '../../../electron/runtime/start-runtime';
import { captureCliIo } from '../../fakes/capture-cli-io';

/**
 * kioskctl → the control socket → the real core of a running kiosk: the demo runtime (the simulated cloud over
 * HTTP on 127.0.0.1, the simulated board speaking Modbus RTU through the real driver), with its log written
 * to files as the app writes it.
 */
let dir: string;
let runtime: Runtime;
let channel: ControlServer | null;
let journal: KioskStore;
let closeLog: () => void;

const kioskctl = async (...args: string[]) => {
  const io = captureCliIo();
  const code = await runCli(['kiosk', ...args, '--data', dir], io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
};
const status = async (): Promise<MaintenanceStatus> => {
  const answer = await kioskctl('status');
  expect(answer.code).toBe(0);
  return maintenanceStatusSchema.parse(JSON.parse(answer.out));
};
const waterStock = async (): Promise<number | undefined> =>
  (await status()).operator?.slots.find((s) => s.productId === 101)?.stock;
const audit = (kind: string) =>
  journal
    .listAudit(200)
    .filter((a) => a.kind === kind)
    .map((a) => JSON.parse(a.detail) as Record<string, unknown>);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kiosk-control-'));
  const file = openRotatingLogFile(join(dir, 'logs'));
  closeLog = () => {
    file.close();
  };
  const logger = createJsonLogger({
    level: 'info',
    write: (line) => {
      file.write(line);
    },
  });
  runtime = await startRuntime({ dataDir: dir, machine: { kind: 'demo' }, logger });
  const context = {
    config: runtime.config,
    credentialStore: { state: 'not-used' as const, message: 'demo' },
    version: 'test',
    clock: systemClock,
    logger,
    userDataDir: dir,
  };
  channel = await openControlChannel(dir, runtimeControlTarget(context, runtime.core), logger);
  // A second connection to the running kiosk's journal, as `kioskctl journal` opens it (WAL lets it in).
  journal = openStore(join(dir, DEMO_DB_NAME));
});

afterAll(async () => {
  journal.close();
  await channel?.close();
  await runtime.stop();
  closeLog();
  rmSync(dir, { recursive: true, force: true });
});

describe('kioskctl kiosk, through the running kiosk', () => {
  it('listens only for the kiosk’s own user: a 0600 socket in a 0700 folder', () => {
    expect(channel).not.toBeNull();
    const socket = controlEndpoint(dir);
    expect(statSync(socket).isSocket()).toBe(true);
    expect(statSync(socket).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'control')).mode & 0o777).toBe(0o700);
  });

  it('shows the status with the slots the operator can act on', async () => {
    const s = await status();
    expect(s).toMatchObject({ machineNo: '12345678', phase: 'ready', mode: 'demo' });
    expect(s.operator?.service).toEqual({ inService: true, since: null, by: null });
    expect(s.operator?.slots).toHaveLength(10);
  });

  it('test-dispenses a slot on the real board driver, journaled as a test and counted off the stock', async () => {
    const before = await waterStock();
    const answer = await kioskctl('test-dispense', '--board', '1', '--slot', '0');
    expect(answer).toMatchObject({ code: 0 });
    expect(JSON.parse(answer.out)).toMatchObject({ addr: 1, slot: 0, state: 'success', by: 'kioskctl' });
    expect(await waterStock()).toBe((before ?? 0) - 1);
    expect(audit('test-dispense.finished')).toEqual([
      expect.objectContaining({ outcome: 'success', by: 'kioskctl' }),
    ]);
    expect(audit('kioskctl.test-dispense')).toEqual([
      expect.objectContaining({ source: 'kioskctl', addr: 1, slot: 0, outcome: 'success' }),
    ]);
    expect(journal.countRedemptions()).toBe(0);
  });

  it('refuses a test of a board the machine does not have, with the reason, and exit 1', async () => {
    const answer = await kioskctl('test-dispense', '--board', '5', '--slot', '0');
    expect(answer.code).toBe(1);
    expect(answer.err).toContain('invalid-input: board 5 is not in the machine configuration');
    expect(audit('kioskctl.test-dispense').at(0)).toMatchObject({ refused: 'invalid-input' });
  });

  it('records a restock count', async () => {
    const answer = await kioskctl('restock', '--product', '101', '--count', '10');
    expect(answer.code).toBe(0);
    expect(JSON.parse(answer.out)).toMatchObject({ productId: 101, to: 10 });
    expect(await waterStock()).toBe(10);
    const tooMany = await kioskctl('restock', '--product', '101', '--count', '11');
    expect(tooMany.code).toBe(1);
  });

  it('takes the machine out of service and back: codes are refused before any consume meanwhile', async () => {
    expect((await kioskctl('service', 'off')).code).toBe(0);
    expect(runtime.core.getState().phase).toBe('out-of-service');
    expect((await status()).operator?.service).toMatchObject({ inService: false, by: 'kioskctl' });
    await expect(runtime.core.submitCode('24681357')).resolves.toEqual({
      ok: false,
      error: { code: 'out-of-service' },
    });
    expect(journal.countRedemptions()).toBe(0);
    expect((await kioskctl('service', 'on')).code).toBe(0);
    expect(runtime.core.getState().phase).toBe('ready');
    expect(audit('service.off')).toEqual([{ by: 'kioskctl' }]);
  });

  it('resolves an attention item with a note, after which the list no longer shows it', async () => {
    const redeemed = await runtime.core.submitCode('24681357');
    if (!redeemed.ok) throw new Error('the demo code was refused');
    const id = redeemed.value.redemptionId;
    // Flagged as an operator would find it (an unknown drop); the simulated board does not fail on its own.
    journal.patchRedemption(id, { attention: true, note: 'drop not confirmed' }, Date.now());
    expect((await status()).diagnostics?.needsAttention.map((r) => r.redemptionId)).toEqual([id]);
    const answer = await kioskctl('resolve', '--id', id, '--note', 'found it in the tray');
    expect(answer.code).toBe(0);
    expect((await status()).diagnostics?.needsAttention).toEqual([]);
    expect(audit('attention.resolved')).toEqual([
      { redemption: id, was: 'drop not confirmed', note: 'found it in the tray', by: 'kioskctl' },
    ]);
    expect((await kioskctl('resolve', '--id', id, '--note', 'again')).code).toBe(1);
  });

  it('shows the recent log, newest last, from the files the kiosk writes', async () => {
    const answer = await kioskctl('log', '--lines', '300');
    expect(answer.code).toBe(0);
    const lines = answer.out.split('\n');
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.length).toBeLessThanOrEqual(300);
    expect(answer.out).toMatch(/info {2}core\.ready /);
    expect(answer.out).toContain('test-dispense.dropped');
    expect(lines.at(-1)).toMatch(/kioskctl\.|attention\./);
    expect((await kioskctl('log', '--lines', '3')).out.split('\n')).toHaveLength(3);
  });

  it('answers hostile requests with invalid-input and keeps serving', async () => {
    const endpoint = controlEndpoint(dir);
    for (const bad of [
      { command: 'shell', cmd: 'rm -rf /' },
      { command: 'test-dispense', addr: 1, slot: 0, force: true },
      { command: 'test-dispense', addr: '1', slot: 0 },
      { command: 'restock', productId: 101, count: -1 },
      { command: 'resolve', redemptionId: '1', note: 'x' },
      { command: 'resolve', redemptionId: '202601010000000000000001', note: 'a\nforged line' },
      { command: 'log', lines: 1_000_000 },
      JSON.parse('{"command":"status","__proto__":{"admin":true}}') as unknown,
      'status',
      null,
    ]) {
      const sent = await sendControlRequest(endpoint, bad, 5000);
      expect(sent).toMatchObject({ ok: true, value: { ok: false, error: { code: 'invalid-input' } } });
    }
    const replies = await rawExchange(endpoint, `not json\n${'x'.repeat(20_000)}`);
    expect(replies.map((r) => (JSON.parse(r) as { error: { code: string } }).error.code)).toEqual([
      'invalid-input',
      'invalid-input',
    ]);
    expect((await status()).phase).toBe('ready');
  });

  it('says plainly when no kiosk is listening', async () => {
    const io = captureCliIo();
    const code = await runCli(['kiosk', 'status', '--data', join(dir, 'nowhere')], io);
    expect(code).toBe(4);
    expect(io.stderr.join('\n')).toContain('is the kiosk running?');
  });
});

/** Writes raw bytes and collects every answer line until the kiosk ends the connection. */
const rawExchange = (endpoint: string, payload: string): Promise<string[]> =>
  new Promise((resolve, reject) => {
    const socket = connect(endpoint);
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      resolve(text.split('\n').filter((l) => l !== ''));
    });
    socket.once('connect', () => socket.write(payload));
  });
