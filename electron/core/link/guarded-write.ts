import type { Result } from '../../contract/result';
import { err } from '../../contract/result';
import type { Clock } from '../ports/clock';
import type { SerialPipe } from '../ports/serial-pipe';
import type { LinkError } from '../ports/serial-link';

export type GuardedWrite = {
  readonly result: Result<void, LinkError>;
  /** Why the port should be given up on, or null when the write says nothing bad about it. */
  readonly lostWhy: string | null;
};

/**
 * One write through the pipe, bounded in time. A write the OS never accepts (a wedged adapter, a pty nobody
 * drains) must not hang the board driver's queue, and it means the port is no longer usable.
 */
export const guardedWrite = (input: {
  readonly pipe: SerialPipe;
  readonly bytes: Uint8Array;
  readonly clock: Clock;
  readonly timeoutMs: number;
}): Promise<GuardedWrite> =>
  new Promise((resolve) => {
    let done = false;
    const finish = (outcome: GuardedWrite): void => {
      if (done) return;
      done = true;
      cancel();
      resolve(outcome);
    };
    const cancel = input.clock.setTimer(input.timeoutMs, () => {
      finish({
        result: err({ code: 'write-failed', message: `write not accepted within ${input.timeoutMs} ms` }),
        lostWhy: 'write not accepted',
      });
    });
    input.pipe.write(input.bytes).then(
      (result) => {
        if (result.ok) finish({ result, lostWhy: null });
        // A pipe still taken for the live one that says it is not open has gone without saying so.
        else if (result.error.code === 'not-open') finish({ result, lostWhy: 'port not open' });
        else finish({ result, lostWhy: `write failed: ${result.error.message}` });
      },
      (e: unknown) => {
        const message = e instanceof Error ? e.message : String(e);
        finish({ result: err({ code: 'write-failed', message }), lostWhy: `write failed: ${message}` });
      },
    );
  });
