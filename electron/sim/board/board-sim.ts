import type { Result } from '../../contract/result';
import { err, ok } from '../../contract/result';
import type { Cancel, Clock } from '../../core/ports/clock';
import { requestFrameLength } from '../../core/protocol/modbus/frame-length';
import type { ParseOutput } from '../../core/protocol/modbus/frame-parser';
import { createFrameParser } from '../../core/protocol/modbus/frame-parser';
import { toHex } from '../../core/protocol/modbus/hex';
import { decodeRequest } from '../../core/protocol/modbus/request-decoder';
import type { TakeFault } from './answer-request';
import { answerRequest } from './answer-request';
import type { BoardEngine, EngineEvent } from './board-engine';
import { createBoardEngine } from './board-engine';
import type { SimConfig, SimFault } from './config';
import { simFaultSchema, wireFaultKinds } from './config';
import { createFaultBook } from './faults';
import type { Ledger } from './ledger';
import { applyReplyFault, createRandom } from './reply-faults';

/** Every request frame the simulated line carried, served or not: the tests' proof of what was sent. */
export type ReceivedRequest = {
  readonly at: number;
  readonly addr: number;
  readonly op: string;
  readonly slot: number | null;
  readonly hex: string;
  readonly served: boolean;
};
export type SimEvent =
  | EngineEvent
  | ({ readonly event: 'request' } & ReceivedRequest)
  | { readonly event: 'fault'; readonly kind: SimFault['kind']; readonly addr: number; readonly op: string }
  | { readonly event: 'discard'; readonly reason: string; readonly hex: string };

export type BoardSimDeps = {
  readonly config: SimConfig;
  readonly clock: Clock;
  readonly ledger: Ledger;
  readonly silenceMs?: number;
};

/** The simulated boards on one line, byte in, byte out: the same Modbus RTU the driver speaks. */
export const createBoardSim = ({ config, clock, ledger, silenceMs = 20 }: BoardSimDeps) => {
  const transmitters = new Set<(bytes: Uint8Array) => void>();
  const listeners = new Set<(e: SimEvent) => void>();
  const emit = (e: SimEvent): void => {
    for (const l of listeners) l(e);
  };
  const engines = new Map<number, BoardEngine>();
  for (const board of config.boards) {
    engines.set(board.addr, createBoardEngine({ board, config, clock, ledger, emit }));
  }
  const faults = createFaultBook(config.faults);
  const random = createRandom(config.seed);
  const parser = createFrameParser({ frameLength: requestFrameLength, silenceMs });
  const log: ReceivedRequest[] = [];
  const timers = new Set<Cancel>();
  let cancelFlush: Cancel | null = null;

  const take: TakeFault = (kinds, ctx) => {
    const f = faults.take(kinds, ctx);
    if (f) emit({ event: 'fault', kind: f.kind, addr: ctx.addr, op: ctx.op });
    return f;
  };
  const transmitLater = (bytes: Uint8Array): void => {
    const cancel = clock.setTimer(config.replyDelayMs, () => {
      timers.delete(cancel);
      for (const t of transmitters) t(bytes);
    });
    timers.add(cancel);
  };

  const onFrame = (frame: Uint8Array, at: number): void => {
    const req = decodeRequest(frame);
    const engine = engines.get(req.addr);
    const slot = req.op === 'dispense' || req.op === 'box-status' ? req.slot : null;
    const entry: ReceivedRequest = {
      at,
      addr: req.addr,
      op: req.op,
      slot,
      hex: toHex(frame),
      served: !!engine,
    };
    log.push(entry);
    emit({ event: 'request', ...entry });
    // Another board's request, or a broadcast: a Modbus slave stays silent.
    if (!engine) return;
    const reply = answerRequest(req, engine, frame, take);
    const fault = take(wireFaultKinds, { op: req.op, addr: req.addr, ...(slot === null ? {} : { slot }) });
    const bytes = applyReplyFault(reply, fault, random);
    if (bytes) transmitLater(bytes);
  };

  const handle = (out: ParseOutput): void => {
    for (const d of out.discards) emit({ event: 'discard', reason: d.reason, hex: toHex(d.bytes) });
    for (const f of out.frames) onFrame(f.bytes, f.at);
  };

  return {
    receive(chunk: Uint8Array): void {
      cancelFlush?.();
      handle(parser.push(chunk, clock.now()));
      if (parser.pending() === 0) return;
      cancelFlush = clock.setTimer(silenceMs + 1, () => {
        handle(parser.flush(clock.now()));
      });
    },
    onTransmit(listener: (bytes: Uint8Array) => void): () => void {
      transmitters.add(listener);
      return () => transmitters.delete(listener);
    },
    onEvent(listener: (e: SimEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Arms a fault at run time; the input is checked like the config file's faults. */
    injectFault(input: unknown): Result<SimFault, string> {
      const parsed = simFaultSchema.safeParse(input);
      if (!parsed.success)
        return err(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      faults.add(parsed.data);
      return ok(parsed.data);
    },
    clearFaults(): void {
      faults.clear();
      for (const e of engines.values()) e.clearBeam();
    },
    armedFaults: (): SimFault[] => faults.armed(),
    received: (): ReceivedRequest[] => [...log],
    boards: () =>
      [...engines.values()].map((e) => ({ addr: e.addr, ...e.status(), sensorClear: e.sensorClear() })),
    ledger,
    close(): void {
      cancelFlush?.();
      for (const cancel of timers) cancel();
      for (const e of engines.values()) e.close();
    },
  };
};

export type BoardSim = ReturnType<typeof createBoardSim>;
