import { ok, type Result } from '../../contract/result';
import { createBoardDriver } from '../../core/board/create-board-driver';
import type { RecordedFrame } from '../../core/board/recorder';
import type { IncidentHeader } from '../../core/incidents/incident-file';
import type { DispenseOutcome } from '../../core/ports/board';
import { silentLogger } from '../../core/ports/logger';
import type { LinkError, SerialLink } from '../../core/ports/serial-link';
import { createVirtualClock } from './virtual-clock';

export type DriverReplay = {
  /** What the kiosk's own driver concludes when the recorded line answers it. */
  readonly outcome: DispenseOutcome;
  /** Requests the driver sent that were found in the recording, and that were not (a divergence). */
  readonly matched: number;
  readonly unmatched: number;
};

const same = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * A line that answers from a recording: when the driver sends a request, the matching recorded request is found
 * (see `find`) and what the line delivered after it (up to the next request) is played back with its recorded
 * delays. Requests the recording does not have get silence, which the driver meets as a timeout.
 */
const recordedLine = (
  frames: readonly RecordedFrame[],
  clock: ReturnType<typeof createVirtualClock>['clock'],
) => {
  const listeners = new Set<(chunk: Uint8Array) => void>();
  const start = clock.now();
  const recordedStart = frames[0]?.at ?? start;
  let cursor = 0;
  const counts = { matched: 0, unmatched: 0 };

  /**
   * The recorded request this write stands for. The kiosk's heartbeat sends the very same status read as a
   * dispense's polling, interleaved with it, so of the identical requests still ahead the one nearest in time
   * (since the replay's start) is taken; the ones passed over are the heartbeat's and are never played.
   */
  const find = (bytes: Uint8Array): number => {
    const elapsed = clock.now() - start;
    let best = -1;
    for (let i = cursor; i < frames.length; i++) {
      const frame = frames[i];
      if (frame?.dir !== 'tx' || !same(frame.bytes, bytes)) continue;
      const gap = Math.abs(frame.at - recordedStart - elapsed);
      const bestFrame = frames[best];
      if (bestFrame && gap >= Math.abs(bestFrame.at - recordedStart - elapsed)) break;
      best = i;
    }
    return best;
  };

  const link: SerialLink = {
    write(bytes): Promise<Result<void, LinkError>> {
      const hit = find(bytes);
      const request = frames[hit];
      if (!request) {
        counts.unmatched += 1;
        return Promise.resolve(ok(undefined));
      }
      counts.matched += 1;
      cursor = hit + 1;
      for (let i = hit + 1; i < frames.length; i++) {
        const frame = frames[i];
        if (!frame || frame.dir === 'tx') break;
        cursor = i + 1;
        clock.setTimer(frame.at - request.at, () => {
          for (const listener of listeners) listener(frame.bytes);
        });
      }
      return Promise.resolve(ok(undefined));
    },
    onData(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    status: () => 'connected',
    onStatus: () => () => undefined,
    close: () => Promise.resolve(),
  };
  return { link, counts };
};

const turn = (): Promise<void> =>
  new Promise((resolve) => {
    setImmediate(resolve);
  });

/**
 * Runs the kiosk's board driver, on virtual time, against the line as an incident recorded it, from the moment
 * the board was driven: the same dispense (or the same after-crash assessment) must reach the same outcome, or the driver's
 * reading of the board has changed since.
 */
export const replayToDriver = async (
  frames: readonly RecordedFrame[],
  header: IncidentHeader,
): Promise<DriverReplay> => {
  const { journal } = header;
  const played = frames.filter((f) => f.at >= journal.drivenAt);
  const virtual = createVirtualClock(played[0]?.at ?? header.at);
  const { link, counts } = recordedLine(played, virtual.clock);
  const driver = createBoardDriver({ link, clock: virtual.clock, logger: silentLogger });
  // A dispense that started from its preflight's status (no read of its own) is replayed the same way.
  const preflight = journal.preflight;
  const running =
    journal.phase === 'dispense'
      ? driver.dispense(
          journal.request,
          preflight === null
            ? {}
            : {
                preflight: {
                  addr: journal.request.addr,
                  status: preflight,
                  epoch: 0,
                  at: virtual.clock.now(),
                },
              },
        )
      : driver.assessInterrupted(
          journal.request,
          journal.context ?? { accepted: false, machineRestarted: false },
        );
  const state = { settled: false };
  const mark = (): void => {
    state.settled = true;
  };
  running.then(mark, mark);
  for (;;) {
    await turn();
    if (state.settled) break;
    const next = virtual.nextDue();
    // The driver always has a timeout pending while it waits; nothing pending and no outcome would be a bug.
    if (next === null) throw new Error('replay stalled: the driver is waiting on nothing');
    virtual.advanceTo(next);
  }
  await driver.close();
  return { outcome: await running, ...counts };
};
