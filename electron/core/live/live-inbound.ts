import type { Logger } from '../ports/logger';
import { parseLiveCommand, type LiveCommand } from './incoming';
import { openLiveMessage } from './live-message';
import type { MessageGuard } from './message-guard';

/** Why a received message was dropped unread; each is counted for the maintenance screen. */
export type DropReason =
  | 'not-base64-json'
  | 'unsigned'
  | 'bad-signature'
  | 'missing-fields'
  | 'wrong-machine'
  | 'stale'
  | 'future'
  | 'replayed'
  | 'bad-fields';

export type InboundCounts = {
  readonly accepted: number;
  readonly dropped: Readonly<Partial<Record<DropReason, number>>>;
  readonly lastDropAt: number | null;
};

export type LiveInbound = {
  /** Opens, checks and parses one message; only a message that passes every check reaches `act`. */
  receive(topic: string, body: Uint8Array, now: number): void;
  counts(): InboundCounts;
};

/**
 * The gate in front of every command from the platform: signature, then freshness and repeats, then the fields.
 * A message failing any of them changes nothing; the log line names the reason and the method (never a field
 * value: a pushed code is a customer's).
 */
export const createLiveInbound = (options: {
  readonly topic: string;
  readonly key: string;
  readonly guard: MessageGuard;
  readonly logger: Logger;
  readonly act: (command: LiveCommand) => void;
  /** For a command with a side effect: false if this message was acted on before (kept across restarts). */
  readonly claim: (command: LiveCommand, sign: string) => boolean;
}): LiveInbound => {
  const { guard, logger } = options;
  let accepted = 0;
  let lastDropAt: number | null = null;
  const dropped: Partial<Record<DropReason, number>> = {};
  const drop = (reason: DropReason, now: number, method?: string): void => {
    dropped[reason] = (dropped[reason] ?? 0) + 1;
    lastDropAt = now;
    logger.warn('live.dropped', { reason, ...(method === undefined ? {} : { method }) });
  };
  return {
    receive(topic, body, now) {
      if (topic !== options.topic) return;
      const opened = openLiveMessage(body, options.key);
      if (!opened.ok) {
        drop(opened.error, now);
        return;
      }
      const method = opened.value.method;
      const checked = guard.check(opened.value, now);
      if (!checked.ok) {
        drop(checked.error, now, method);
        return;
      }
      const command = parseLiveCommand(opened.value);
      if (!command.ok) {
        drop('bad-fields', now, method);
        logger.warn('live.bad-fields', { method: command.error.method, problem: command.error.problem });
        return;
      }
      if (!options.claim(command.value, opened.value.sign ?? '')) {
        drop('replayed', now, method);
        return;
      }
      accepted++;
      options.act(command.value);
    },
    counts: () => ({ accepted, dropped: { ...dropped }, lastDropAt }),
  };
};
