import { describe, expect, it } from 'vitest';
import { hasValidCrc } from '../../../../electron/core/protocol/modbus/crc16';
import { parseReply } from '../../../../electron/core/protocol/modbus/replies';
import type { Reply } from '../../../../electron/core/protocol/modbus/replies';
import {
  dispenseCommand,
  readDropSensor,
  readHardwareConfig,
  readShipmentStatus,
  resetLift,
} from '../../../../electron/core/protocol/modbus/requests';
import { createBoardSim } from '../../../../electron/sim/board/board-sim';
import type { SimConfigInput } from '../../../../electron/sim/board/config';
import { simConfigSchema } from '../../../../electron/sim/board/config';
import { createMemoryLedger } from '../../../../electron/sim/board/ledger';
import { ManualClock } from '../../../fakes/manual-clock';

const setup = (config: SimConfigInput = {}) => {
  const clock = new ManualClock();
  const parsed = simConfigSchema.parse({ replyDelayMs: 2, ...config });
  const sim = createBoardSim({ config: parsed, clock, ledger: createMemoryLedger() });
  const sent: Uint8Array[] = [];
  sim.onTransmit((b) => sent.push(b));
  /** Sends one request; returns the raw bytes the board put on the wire, or null for silence. */
  const raw = async (frame: Uint8Array): Promise<Uint8Array | null> => {
    const before = sent.length;
    sim.receive(frame);
    await clock.advance(5);
    return sent.length > before ? (sent.at(-1) ?? null) : null;
  };
  const ask = async (frame: Uint8Array): Promise<Reply | null> => {
    const bytes = await raw(frame);
    return bytes ? parseReply(bytes) : null;
  };
  const status = async (addr = 1): Promise<number[] | null> => {
    const r = await ask(readShipmentStatus(addr).frame);
    return r?.kind === 'read' ? [...r.data] : null;
  };
  return { clock, sim, raw, ask, status };
};
const dispense = (slot = 12, type = 1, check = false, lift = false, addr = 1): Uint8Array =>
  dispenseCommand(addr, { slot, type, check, lift }).frame;

describe('simulated board', () => {
  it('echoes a dispense, is busy for the motor time, then done with one drop in the ledger', async () => {
    const { sim, ask, status, clock } = setup({ motorMs: { spring: 800 } });
    expect(await ask(dispense())).toMatchObject({ kind: 'echo', register: 0x2001, value: 2 });
    expect(await status()).toEqual([1, 0]);
    await clock.advance(700);
    expect(await status()).toEqual([1, 0]);
    await clock.advance(100);
    expect(await status()).toEqual([2, 0]);
    expect(sim.ledger.entries()).toMatchObject([{ seq: 1, addr: 1, slot: 12 }]);
  });

  it('refuses a second dispense while the motor runs (slave busy)', async () => {
    const { ask } = setup();
    await ask(dispense());
    expect(await ask(dispense(13))).toEqual({ kind: 'exception', addr: 1, fn: 0x10, code: 6 });
  });

  it('runs out of stock: without a sensor it still says done, with one it reports the missing drop', async () => {
    const { sim, ask, status, clock } = setup({ boards: [{ addr: 1, stock: { '12': 1 } }] });
    for (const check of [false, false, true]) {
      await ask(dispense(12, 1, check));
      await clock.advance(1000);
    }
    expect(await status()).toEqual([3, 0x14]);
    expect(sim.ledger.entries()).toHaveLength(1);
  });

  it.each([
    ['jam', 0x15, 0],
    ['no-current', 0x11, 0],
  ] as const)('%s faults the dispense with code %s and drops %s items', async (kind, code, drops) => {
    const { sim, ask, status, clock } = setup({ faults: [{ kind, addr: 1, slot: 12 }] });
    await ask(dispense(12));
    await clock.advance(1000);
    expect(await status()).toEqual([3, code]);
    expect(sim.ledger.entries()).toHaveLength(drops);
    // Used up: the next dispense works.
    await ask(dispense(12));
    await clock.advance(1000);
    expect(await status()).toEqual([2, 0]);
  });

  it('a motor timeout stays busy until the board gives up with Feedback Error', async () => {
    const { ask, status, clock } = setup({ motorTimeoutMs: 3000, faults: [{ kind: 'motor-timeout' }] });
    await ask(dispense());
    await clock.advance(2900);
    expect(await status()).toEqual([1, 0]);
    await clock.advance(200);
    expect(await status()).toEqual([3, 0x13]);
  });

  it('a blocked beam drops the item but cannot see it, and the sensor reads blocked until cleared', async () => {
    const { sim, ask, status, clock } = setup({ faults: [{ kind: 'sensor-blocked' }] });
    await ask(dispense(12, 1, true));
    await clock.advance(1000);
    expect(await status()).toEqual([3, 0x14]);
    expect(sim.ledger.entries()).toHaveLength(1);
    expect(await ask(readDropSensor(1).frame)).toMatchObject({ kind: 'read', data: Uint8Array.from([0, 0]) });
    sim.clearFaults();
    expect(await ask(readDropSensor(1).frame)).toMatchObject({ kind: 'read', data: Uint8Array.from([0, 1]) });
  });

  it('reply faults spoil only the answer: the command still runs', async () => {
    const { sim, raw, clock } = setup({
      faults: [
        { kind: 'lost-reply' },
        { kind: 'corrupt-crc', on: 'shipment-status' },
        { kind: 'wrong-address', on: 'shipment-status' },
        { kind: 'garbage', on: 'shipment-status' },
      ],
    });
    expect(await raw(dispense())).toBeNull();
    await clock.advance(1000);
    expect(sim.ledger.entries()).toHaveLength(1);
    const corrupt = await raw(readShipmentStatus(1).frame);
    expect(corrupt && hasValidCrc(corrupt)).toBe(false);
    const other = await raw(readShipmentStatus(1).frame);
    expect(other && hasValidCrc(other) && other[0]).toBe(2);
    const noisy = await raw(readShipmentStatus(1).frame);
    expect(noisy && noisy.length).toBeGreaterThan(7);
    expect(await raw(readShipmentStatus(1).frame)).toHaveLength(7);
  });

  it('stays silent for boards it does not simulate, and logs every request', async () => {
    const { sim, raw } = setup({ boards: [{ addr: 1 }, { addr: 2 }] });
    expect(await raw(readShipmentStatus(3).frame)).toBeNull();
    expect(await raw(readShipmentStatus(2).frame)).not.toBeNull();
    expect(sim.received().map((r) => [r.addr, r.served])).toEqual([
      [3, false],
      [2, true],
    ]);
  });

  it('answers hardware config and lift reset, refusing a lift reset without a lift', async () => {
    const { ask } = setup({ boards: [{ addr: 1, rows: 5, columns: 7, lift: true }, { addr: 2 }] });
    expect(await ask(readHardwareConfig(1).frame)).toMatchObject({
      kind: 'read',
      data: Uint8Array.from([5, 7, 0, 3]),
    });
    expect(await ask(resetLift(1).frame)).toMatchObject({ kind: 'echo', register: 0x1002, value: 1 });
    expect(await ask(resetLift(2).frame)).toMatchObject({ kind: 'exception', code: 2 });
  });

  it('arms faults at run time, validated like the config file', () => {
    const { sim } = setup();
    expect(sim.injectFault({ kind: 'jam', slot: 3, times: 'always' }).ok).toBe(true);
    expect(sim.injectFault({ kind: 'explode' }).ok).toBe(false);
    expect(sim.armedFaults()).toMatchObject([{ kind: 'jam', slot: 3 }]);
    sim.clearFaults();
    expect(sim.armedFaults()).toEqual([]);
  });
});
