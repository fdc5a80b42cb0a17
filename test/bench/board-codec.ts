import { reportRows } from './bench-report';
import { performance } from 'node:perf_hooks';
import { SerialPort } from 'serialport';
import { openSerialLink } from '../../electron/adapters/serialport-link';
import { systemClock } from '../../electron/adapters/system-clock';
import { createBoardDriver } from '../../electron/core/board/create-board-driver';
import type { SerialLink } from '../../electron/core/ports/serial-link';
import { replyFrameLength } from '../../electron/core/protocol/modbus/frame-length';
import { createFrameParser } from '../../electron/core/protocol/modbus/frame-parser';
import { decodeShipmentStatus, parseReply } from '../../electron/core/protocol/modbus/replies';
import { echoReply, shipmentStatusReply } from '../../electron/core/protocol/modbus/reply-encoder';
import { dispenseCommand } from '../../electron/core/protocol/modbus/requests';
import { createBoardSim } from '../../electron/sim/board/board-sim';
import { simConfigSchema } from '../../electron/sim/board/config';
import { createMemoryLedger } from '../../electron/sim/board/ledger';
import { FakeSerialLink } from '../fakes/fake-serial-link';
import { MemoryLogger } from '../fakes/memory-logger';
import { startPtyPair } from '../helpers/socat';

const DISPENSE_FN = 0x10;
const quantiles = (ms: number[]): string => {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number): string => (s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0).toFixed(3);
  return `median ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms (n=${s.length})`;
};

/** Encode a dispense and a status reply, frame the reply from a byte stream, decode it: one round. */
const codecThroughput = (): string => {
  const parser = createFrameParser({ frameLength: replyFrameLength, silenceMs: 20 });
  const rounds = 200_000;
  const t0 = performance.now();
  let done = 0;
  for (let i = 0; i < rounds; i++) {
    dispenseCommand(1 + (i % 8), { slot: i % 100, type: 1, check: true, lift: false });
    const reply = shipmentStatusReply(1 + (i % 8), 2, 0);
    for (const f of parser.push(reply, i).frames) {
      const r = parseReply(f.bytes);
      if (r?.kind === 'read' && decodeShipmentStatus(r.data).ok) done++;
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  if (done !== rounds) throw new Error(`parsed ${done} of ${rounds}`);
  return `${Math.round(rounds / seconds).toLocaleString('en')} frames/s (encode + frame + decode, ${rounds} rounds)`;
};

/** Time from driver.dispense() to (a) its first byte handed to the link and (b) the dispense command itself. */
const measureDispense = async (
  link: SerialLink,
  firstByte: () => Promise<[number, number]>,
  runs: number,
) => {
  const driver = createBoardDriver({
    link,
    clock: systemClock,
    logger: new MemoryLogger(),
    pollIntervalMs: 1,
  });
  const first: number[] = [];
  const command: number[] = [];
  for (let i = 0; i < runs; i++) {
    const seen = firstByte();
    const t0 = performance.now();
    const outcome = driver.dispense({ addr: 1, slot: i % 10, type: 1, dropCheck: false, lift: false });
    const [a, b] = await seen;
    first.push(a - t0);
    command.push(b - t0);
    await outcome;
  }
  await driver.close();
  return { first: quantiles(first), command: quantiles(command) };
};

const viaFakeLink = async () => {
  const link = new FakeSerialLink();
  let waiting: ((t: [number, number]) => void) | null = null;
  let firstAt = 0;
  let runStatus = 0;
  // A board that answers at once: idle before the command, done right after it.
  link.respond((frame) => {
    if (!firstAt) firstAt = performance.now();
    if (frame[1] === DISPENSE_FN) {
      waiting?.([firstAt, performance.now()]);
      runStatus = 2;
      link.emitData(echoReply(frame));
      return;
    }
    link.emitData(shipmentStatusReply(1, runStatus, 0));
  });
  const next = () =>
    new Promise<[number, number]>((resolve) => {
      firstAt = 0;
      runStatus = 0;
      waiting = resolve;
    });
  return measureDispense(link, next, 2000);
};

const viaPty = async () => {
  const pty = await startPtyPair();
  const port = new SerialPort({ path: pty.board, baudRate: 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => {
    port.open((e) => {
      if (e) reject(e);
      else resolve();
    });
  });
  const sim = createBoardSim({
    config: simConfigSchema.parse({
      replyDelayMs: 0,
      motorMs: { lock: 0, spring: 0, conveyor: 0, timed: 0 },
      boards: [{ addr: 1, defaultStock: 100_000 }],
    }),
    clock: systemClock,
    ledger: createMemoryLedger(),
  });
  sim.onTransmit((b) => port.write(Buffer.from(b)));
  let firstAt = 0;
  let waiting: ((t: [number, number]) => void) | null = null;
  port.on('data', (chunk: Buffer) => {
    if (!firstAt) firstAt = performance.now();
    sim.receive(new Uint8Array(chunk));
  });
  sim.onEvent((e) => {
    if (e.event === 'request' && e.op === 'dispense') waiting?.([firstAt, performance.now()]);
  });
  const link = openSerialLink({ path: pty.kiosk, baud: 9600, logger: new MemoryLogger(), reconnect: false });
  await link.settled();
  const result = await measureDispense(
    link,
    () =>
      new Promise((resolve) => {
        firstAt = 0;
        waiting = resolve;
      }),
    200,
  );
  sim.close();
  await new Promise<void>((resolve) => {
    port.close(() => {
      resolve();
    });
  });
  await pty.stop();
  return result;
};

export const runBoardCodecBench = async (): Promise<void> => {
  console.log(`codec: ${codecThroughput()}`);
  const fake = await viaFakeLink();
  console.log(`dispense → first byte (driver + fake link): ${fake.first}`);
  console.log(`dispense → dispense command written (after the status pre-read, fake link): ${fake.command}`);
  const pty = await viaPty();
  console.log(`dispense → first byte at the board end (serialport over a socat pty): ${pty.first}`);
  console.log(`dispense → dispense command at the board end (serialport over a socat pty): ${pty.command}`);
  reportRows('board', [
    {
      figure: 'dispense → first byte at the board (serialport over a pty)',
      measured: pty.first,
      limit: '—',
      ratio: null,
    },
    {
      figure: 'dispense → command at the board (after the status read, pty)',
      measured: pty.command,
      limit: '—',
      ratio: null,
    },
  ]);
};

if (require.main === module) {
  runBoardCodecBench().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
