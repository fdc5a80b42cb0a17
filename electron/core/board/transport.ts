import type { Result } from '../../contract/result';
import { err, ok } from '../../contract/result';
import type { BoardError } from '../ports/board';
import type { Cancel, Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { SerialLink } from '../ports/serial-link';
import { replyFrameLength } from '../protocol/modbus/frame-length';
import type { ParseOutput } from '../protocol/modbus/frame-parser';
import { createFrameParser } from '../protocol/modbus/frame-parser';
import { toHex } from '../protocol/modbus/hex';
import type { Reply } from '../protocol/modbus/replies';
import { answers, parseReply } from '../protocol/modbus/replies';
import type { BoardRequestFrame } from '../protocol/modbus/requests';
import type { FrameRecorder } from './recorder';

/** `sent` tells the dispense logic whether any byte may have reached the board. */
export type ExchangeError = BoardError & { readonly sent: boolean };
export type ExchangeResult = Result<Reply, ExchangeError>;

export interface Transport {
  /** Queued: one request on the wire at a time, for every board on the line. */
  exchange(req: BoardRequestFrame, timeoutMs: number): Promise<ExchangeResult>;
  close(): void;
}

type InFlight = { readonly req: BoardRequestFrame; readonly settle: (r: ExchangeResult) => void };

export type TransportDeps = {
  readonly link: SerialLink;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly recorder: FrameRecorder | undefined;
  readonly silenceMs: number;
};

export const createTransport = ({ link, clock, logger, recorder, silenceMs }: TransportDeps): Transport => {
  const parser = createFrameParser({ frameLength: replyFrameLength, silenceMs });
  let inFlight: InFlight | null = null;
  let tail: Promise<unknown> = Promise.resolve();
  let cancelFlush: Cancel | null = null;
  let closed = false;

  const handle = (out: ParseOutput): void => {
    for (const d of out.discards)
      logger.debug('board.rx.discarded', { reason: d.reason, hex: toHex(d.bytes) });
    for (const f of out.frames) {
      const reply = parseReply(f.bytes);
      if (reply && inFlight && answers(inFlight.req, reply)) inFlight.settle(ok(reply));
      else logger.debug('board.rx.unexpected', { hex: toHex(f.bytes) });
    }
  };

  const unsubscribe = link.onData((chunk) => {
    const at = clock.now();
    recorder?.record('rx', chunk, at);
    cancelFlush?.();
    handle(parser.push(chunk, at));
    // A partial frame is only known to be truncated once the line has stayed quiet.
    if (parser.pending() > 0)
      cancelFlush = clock.setTimer(silenceMs + 1, () => {
        handle(parser.flush(clock.now()));
      });
  });

  const run = (req: BoardRequestFrame, timeoutMs: number): Promise<ExchangeResult> =>
    new Promise<ExchangeResult>((resolve) => {
      if (closed) {
        resolve(err({ code: 'link-down', message: 'board driver is closed', sent: false }));
        return;
      }
      let done = false;
      let cancelTimeout: Cancel = () => undefined;
      const settle = (r: ExchangeResult): void => {
        if (done) return;
        done = true;
        cancelTimeout();
        inFlight = null;
        resolve(r);
      };
      inFlight = { req, settle };
      recorder?.record('tx', req.frame, clock.now());
      cancelTimeout = clock.setTimer(timeoutMs, () => {
        settle(
          err({
            code: 'timeout',
            message: `no reply from board ${req.addr} within ${timeoutMs} ms`,
            sent: true,
          }),
        );
      });
      void link.write(req.frame).then((w) => {
        if (w.ok) return;
        const sent = w.error.code === 'write-failed';
        settle(err({ code: 'link-down', message: w.error.message, sent }));
      });
    });

  return {
    exchange(req, timeoutMs) {
      const result = tail.then(() => run(req, timeoutMs));
      tail = result;
      return result;
    },
    close() {
      closed = true;
      cancelFlush?.();
      unsubscribe();
      inFlight?.settle(err({ code: 'link-down', message: 'board driver closed', sent: true }));
    },
  };
};
