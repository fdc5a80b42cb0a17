import { describe, expect, it } from 'vitest';
import { createBoardDriver } from '../../../../electron/core/board/create-board-driver';
import { createFrameRecorder } from '../../../../electron/core/board/recorder';
import type { DispenseRequest } from '../../../../electron/core/ports/board';
import { withCrc } from '../../../../electron/core/protocol/modbus/crc16';
import type { DecodedRequest } from '../../../../electron/core/protocol/modbus/request-decoder';
import { decodeRequest } from '../../../../electron/core/protocol/modbus/request-decoder';
import {
  dropSensorReply,
  echoReply,
  exceptionReply,
  shipmentStatusReply,
} from '../../../../electron/core/protocol/modbus/reply-encoder';
import { FakeSerialLink } from '../../../fakes/fake-serial-link';
import { ManualClock } from '../../../fakes/manual-clock';
import { MemoryLogger } from '../../../fakes/memory-logger';
import { expectOutcome } from '../../../helpers/expect-outcome';
import { runWithClock } from '../../../helpers/run-with-clock';

const req: DispenseRequest = { addr: 1, slot: 4, type: 1, dropCheck: false, lift: false };
type Script = (r: DecodedRequest, frame: Uint8Array) => Uint8Array | null;

/** A board played by the test: `script` answers each decoded request (null: stay silent). */
const setup = (script: Script) => {
  const clock = new ManualClock();
  const link = new FakeSerialLink();
  const recorder = createFrameRecorder(50);
  link.respond((frame) => {
    const reply = script(decodeRequest(frame), frame);
    if (reply) link.emitData(reply);
  });
  const driver = createBoardDriver({
    link,
    clock,
    logger: new MemoryLogger(),
    recorder,
    pollIntervalMs: 100,
    busyWindowMs: 2000,
  });
  const dispenses = () => link.written.filter((f) => decodeRequest(f).op === 'dispense').length;
  return { clock, link, driver, recorder, dispenses, run: <T>(p: Promise<T>) => runWithClock(clock, p) };
};

/** Status answers in turn (the last one repeats); dispense gets `onDispense`. */
const board = (
  statuses: [number, number][],
  onDispense: (frame: Uint8Array) => Uint8Array | null,
  sensor = true,
): Script => {
  let i = 0;
  return (r, frame) => {
    if (r.op === 'dispense') return onDispense(frame);
    if (r.op === 'drop-sensor') return dropSensorReply(1, sensor);
    const [run, fault] = statuses[Math.min(i++, statuses.length - 1)] ?? [0, 0];
    return shipmentStatusReply(1, run, fault);
  };
};

describe('board driver on the wire (scripted board)', () => {
  it('treats exception 8 (acknowledge) as accepted and polls to done', async () => {
    const { driver, run } = setup(
      board(
        [
          [0, 0],
          [1, 0],
          [2, 0],
        ],
        () => exceptionReply(1, 0x10, 8),
      ),
    );
    expect(await run(driver.dispense(req))).toEqual({ outcome: 'success' });
  });

  it('resolves a device-fault exception from the status instead of guessing', async () => {
    const { driver, run, dispenses } = setup(
      board(
        [
          [0, 0],
          [3, 0x11],
        ],
        () => exceptionReply(1, 0x10, 7),
      ),
    );
    expectOutcome(await run(driver.dispense(req)), 'failed', 'Load No Current');
    expect(dispenses()).toBe(1);
  });

  it('refused outright (invalid data address) is a failure with the code', async () => {
    const { driver, run } = setup(board([[0, 0]], () => exceptionReply(1, 0x10, 2)));
    expectOutcome(await run(driver.dispense(req)), 'failed', 'invalid data address', 2);
  });

  it('an echo that does not match the command is treated as a lost reply', async () => {
    const { driver, run, dispenses } = setup(
      board(
        [
          [0, 0],
          [1, 0],
          [2, 0],
        ],
        () => withCrc([1, 0x10, 0x20, 0x01, 0x00, 0x09]),
      ),
    );
    expect(await run(driver.dispense(req))).toEqual({ outcome: 'success' });
    expect(dispenses()).toBe(1);
  });

  it.each([
    ['write-failed', 'success', 1],
    ['not-open', 'failed', 0],
  ] as const)(
    'a %s error on the dispense write gives %s, and the command goes out at most once',
    async (code, expected, sent) => {
      let link: FakeSerialLink | null = null;
      let first = true;
      const script = board(
        [
          [0, 0],
          [1, 0],
          [2, 0],
        ],
        (f) => echoReply(f),
      );
      const t = setup((r, frame) => {
        // Arm the failure for the write right after the pre-dispense status read.
        if (first) link?.failNextWrite(code);
        first = false;
        return script(r, frame);
      });
      link = t.link;
      expect((await t.run(t.driver.dispense(req))).outcome).toBe(expected);
      expect(t.dispenses()).toBe(sent);
    },
  );

  it.each([
    [
      'status still shows the previous done',
      [
        [2, 0],
        [2, 0],
      ],
      'unknown',
    ],
    [
      'board still idle',
      [
        [0, 0],
        [0, 0],
      ],
      'failed',
    ],
    [
      'board went from done back to idle',
      [
        [2, 0],
        [0, 0],
      ],
      'unknown',
    ],
    [
      'board now busy then done',
      [
        [0, 0],
        [1, 0],
        [2, 0],
      ],
      'success',
    ],
    [
      'board now reports a jam',
      [
        [0, 0],
        [3, 0x15],
      ],
      'failed',
    ],
    [
      'board reports drop not detected',
      [
        [0, 0],
        [3, 0x14],
      ],
      'unknown',
    ],
  ] as [string, [number, number][], string][])(
    'lost dispense reply, %s: %s',
    async (_name, statuses, expected) => {
      const { driver, run, dispenses } = setup(board(statuses, () => null));
      expect((await run(driver.dispense(req))).outcome).toBe(expected);
      expect(dispenses()).toBe(1);
    },
  );

  it('after an earlier "done", an acknowledged dispense that finishes before the first poll is a success', async () => {
    const { driver, run } = setup(
      board(
        [
          [2, 0],
          [2, 0],
        ],
        (f) => echoReply(f),
      ),
    );
    expect(await run(driver.dispense(req))).toEqual({ outcome: 'success' });
  });

  it('never sends a dispense to a busy board', async () => {
    const { driver, run, dispenses } = setup(board([[1, 0]], (f) => echoReply(f)));
    expectOutcome(await run(driver.dispense(req)), 'failed', 'busy');
    expect(dispenses()).toBe(0);
  });

  it('done with a blocked or missing drop sensor is unknown', async () => {
    const { driver, run } = setup(
      board(
        [
          [0, 0],
          [2, 0],
        ],
        (f) => echoReply(f),
        false,
      ),
    );
    expectOutcome(await run(driver.dispense({ ...req, dropCheck: true })), 'unknown', 'drop sensor');
  });

  it('stays unknown when the board is still busy at the end of the busy window', async () => {
    const { driver, run, clock } = setup(
      board(
        [
          [0, 0],
          [1, 0],
        ],
        (f) => echoReply(f),
      ),
    );
    const t0 = clock.now();
    expectOutcome(await run(driver.dispense(req)), 'unknown', 'still busy');
    expect(clock.now() - t0).toBeGreaterThanOrEqual(1900);
  });

  it('retries a read after a timeout or a garbled answer, but not after a refusal', async () => {
    let calls = 0;
    const { driver, run } = setup(() => {
      calls += 1;
      if (calls === 1) return null;
      if (calls === 2) return shipmentStatusReply(1, 9, 0);
      return shipmentStatusReply(1, 2, 0);
    });
    expect(await run(driver.shipmentStatus(1))).toEqual({
      ok: true,
      value: { runStatus: 'done', faultCode: 0 },
    });
    expect(calls).toBe(3);
    calls = 0;
    const refusing = setup(() => {
      calls += 1;
      return exceptionReply(1, 0x03, 2);
    });
    expect(await refusing.run(refusing.driver.shipmentStatus(1))).toMatchObject({
      ok: false,
      error: { code: 'exception' },
    });
    expect(calls).toBe(1);
  });

  it('ignores replies from other boards and times out', async () => {
    const { driver, run } = setup(() => shipmentStatusReply(2, 2, 0));
    expect(await run(driver.shipmentStatus(1))).toMatchObject({ ok: false, error: { code: 'timeout' } });
  });

  it('records every frame in the black box, with direction', async () => {
    const { driver, run, recorder } = setup(
      board(
        [
          [0, 0],
          [2, 0],
        ],
        (f) => echoReply(f),
      ),
    );
    await run(driver.dispense(req));
    expect(
      recorder
        .entries()
        .map((e) => e.dir)
        .slice(0, 4),
    ).toEqual(['tx', 'rx', 'tx', 'rx']);
  });

  it('passes link status through and closes the link', async () => {
    const { driver, link } = setup(() => null);
    const seen: string[] = [];
    driver.onLinkStatus((s) => seen.push(s));
    link.setStatus('reconnecting');
    expect(driver.linkStatus()).toBe('reconnecting');
    await driver.close();
    expect(seen).toEqual(['reconnecting', 'down']);
    expect(link.closed).toBe(true);
  });
});
