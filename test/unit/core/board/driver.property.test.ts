import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBoardDriver } from '../../../../electron/core/board/create-board-driver';
import type { DispenseRequest } from '../../../../electron/core/ports/board';
import { decodeRequest } from '../../../../electron/core/protocol/modbus/request-decoder';
import {
  echoReply,
  exceptionReply,
  shipmentStatusReply,
} from '../../../../electron/core/protocol/modbus/reply-encoder';
import { FakeSerialLink } from '../../../fakes/fake-serial-link';
import { ManualClock } from '../../../fakes/manual-clock';
import { MemoryLogger } from '../../../fakes/memory-logger';
import { runWithClock } from '../../../helpers/run-with-clock';

const req: DispenseRequest = { addr: 1, slot: 9, type: 1, dropCheck: false, lift: false };

/** What a broken line or board may send back: anything but a genuine "done" from board 1. */
type Answer = { kind: 'echo' } | { kind: 'bytes'; bytes: Uint8Array } | { kind: 'silence' };
const bytes = (b: Uint8Array): Answer => ({ kind: 'bytes', bytes: b });
/** Weighted towards plausible answers, so most runs get past the first read and into polling. */
const answer: fc.Arbitrary<Answer> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(fc.constantFrom(0, 1, 1, 3), fc.integer({ min: 0, max: 0x20 }))
      .map(([run, fault]) => bytes(shipmentStatusReply(1, run, fault))),
  },
  { weight: 3, arbitrary: fc.constant<Answer>({ kind: 'echo' }) },
  { weight: 1, arbitrary: fc.constant<Answer>({ kind: 'silence' }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 16 }).map(bytes) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 2, max: 8 }).map((addr) => bytes(shipmentStatusReply(addr, 2, 0))),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(0x03, 0x10), fc.integer({ min: 1, max: 8 }))
      .map(([fn, code]) => bytes(exceptionReply(1, fn, code))),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1, max: 255 }).map((mask) => {
      const done = shipmentStatusReply(1, 2, 0);
      done[5] = (done[5] ?? 0) ^ mask;
      return bytes(done);
    }),
  },
);

describe('board driver properties', () => {
  it('never reports success, never throws and never sends two dispenses when no "done" is ever on the wire', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(answer, { minLength: 1, maxLength: 12 }), async (answers) => {
        const clock = new ManualClock();
        const link = new FakeSerialLink();
        let i = 0;
        link.respond((frame) => {
          const a = answers[i++ % answers.length] ?? { kind: 'silence' };
          if (a.kind === 'echo') link.emitData(echoReply(frame));
          if (a.kind === 'bytes') link.emitData(a.bytes);
        });
        const driver = createBoardDriver({
          link,
          clock,
          logger: new MemoryLogger(),
          requestTimeoutMs: 100,
          pollIntervalMs: 100,
          busyWindowMs: 1000,
        });
        const outcome = await runWithClock(clock, driver.dispense(req), 20);
        expect(outcome.outcome).not.toBe('success');
        expect(link.written.filter((f) => decodeRequest(f).op === 'dispense').length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});
