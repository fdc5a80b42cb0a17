import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LinkStatus, SerialLink } from '../../electron/core/ports/serial-link';
import { replyFrameLength } from '../../electron/core/protocol/modbus/frame-length';
import { createFrameParser } from '../../electron/core/protocol/modbus/frame-parser';
import { parseReply } from '../../electron/core/protocol/modbus/replies';
import type { Reply } from '../../electron/core/protocol/modbus/replies';
import { dispenseCommand, readShipmentStatus } from '../../electron/core/protocol/modbus/requests';
import type { Ledger } from '../../electron/sim/board/ledger';
import { simConfigSchema } from '../../electron/sim/board/config';

/** Each SerialLink under test, with the simulated board answering at the far end. */
export type SerialLinkSubject = {
  readonly link: SerialLink;
  readonly ledger: Ledger;
  close(): Promise<void>;
};

/** A fast board for the contract: the link is under test, not the motor. */
export const contractBoardConfig = simConfigSchema.parse({
  replyDelayMs: 1,
  motorMs: { lock: 10, spring: 10, conveyor: 10, timed: 10 },
});

const waitFor = async (check: () => boolean, what: string): Promise<void> => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > 3000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

/** The same expectations for the in-process link, the fake and the real serialport adapter. */
export const describeSerialLinkContract = (name: string, make: () => Promise<SerialLinkSubject>): void => {
  describe(`SerialLink contract: ${name}`, () => {
    let subject: SerialLinkSubject;
    let replies: Reply[];
    beforeEach(async () => {
      subject = await make();
      replies = [];
      const parser = createFrameParser({ frameLength: replyFrameLength, silenceMs: 50 });
      subject.link.onData((chunk) => {
        for (const f of parser.push(chunk, Date.now()).frames) {
          const reply = parseReply(f.bytes);
          if (reply) replies.push(reply);
        }
      });
    });
    afterEach(async () => {
      await subject.close();
    });

    it('starts connected', () => {
      expect(subject.link.status()).toBe('connected');
    });

    it('carries a request to the board and its reply back, whatever the chunking', async () => {
      expect(await subject.link.write(readShipmentStatus(1).frame)).toEqual({ ok: true, value: undefined });
      await waitFor(() => replies.length === 1, 'the status reply');
      expect(replies[0]).toMatchObject({ kind: 'read', addr: 1, data: Uint8Array.from([0, 0]) });
    });

    it('delivers a dispense to the board exactly once', async () => {
      await subject.link.write(dispenseCommand(1, { slot: 3, type: 1, check: false, lift: false }).frame);
      await waitFor(() => subject.ledger.entries().length === 1, 'the drop');
      expect(replies[0]).toMatchObject({ kind: 'echo', register: 0x2001 });
      expect(subject.ledger.entries()).toMatchObject([{ addr: 1, slot: 3 }]);
    });

    it('stops delivering to a listener that unsubscribed', async () => {
      const seen: number[] = [];
      const off = subject.link.onData((c) => seen.push(c.length));
      off();
      await subject.link.write(readShipmentStatus(1).frame);
      await waitFor(() => replies.length === 1, 'the status reply');
      expect(seen).toEqual([]);
    });

    it('reports down after close, and refuses writes as not-open', async () => {
      const statuses: LinkStatus[] = [];
      subject.link.onStatus((s) => statuses.push(s));
      await subject.link.close();
      expect(subject.link.status()).toBe('down');
      expect(statuses).toEqual(['down']);
      expect(await subject.link.write(readShipmentStatus(1).frame)).toMatchObject({
        ok: false,
        error: { code: 'not-open' },
      });
    });
  });
};
