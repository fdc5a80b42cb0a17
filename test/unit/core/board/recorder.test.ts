import { describe, expect, it } from 'vitest';
import { describeRecording } from '../../../../electron/core/board/describe-frames';
import {
  createFrameRecorder,
  parseRecording,
  serializeRecording,
} from '../../../../electron/core/board/recorder';
import { toHex } from '../../../../electron/core/protocol/modbus/hex';
import { shipmentStatusReply } from '../../../../electron/core/protocol/modbus/reply-encoder';
import { dispenseCommand, readShipmentStatus } from '../../../../electron/core/protocol/modbus/requests';

describe('black-box recorder', () => {
  it('keeps only the newest entries, oldest first', () => {
    const r = createFrameRecorder(3);
    for (let i = 0; i < 5; i++) r.record(i % 2 ? 'rx' : 'tx', Uint8Array.from([i]), 1000 + i);
    expect(r.entries().map((e) => [e.at, e.dir, e.bytes[0]])).toEqual([
      [1002, 'tx', 2],
      [1003, 'rx', 3],
      [1004, 'tx', 4],
    ]);
    r.clear();
    expect(r.entries()).toEqual([]);
  });

  it('copies the bytes it records (a reused buffer cannot rewrite history)', () => {
    const r = createFrameRecorder();
    const buf = Uint8Array.from([1, 2, 3]);
    r.record('rx', buf, 0);
    buf[0] = 9;
    expect(r.entries()[0]?.bytes[0]).toBe(1);
  });

  it('serialises to JSON lines and reads them back unchanged', () => {
    const r = createFrameRecorder();
    r.record('tx', readShipmentStatus(1).frame, 10);
    r.record('rx', shipmentStatusReply(1, 2, 0), 15);
    const text = serializeRecording(r.entries());
    expect(text.trim().split('\n')).toHaveLength(2);
    const back = parseRecording(text);
    expect(back.ok && back.value.map((e) => [e.at, e.dir, toHex(e.bytes)])).toEqual(
      r.entries().map((e) => [e.at, e.dir, toHex(e.bytes)]),
    );
    expect(serializeRecording([])).toBe('');
  });

  it('names the line of a damaged dump instead of replaying less', () => {
    expect(parseRecording('{"at":1,"dir":"tx","hex":"01"}\nnot json\n')).toEqual({
      ok: false,
      error: 'line 2: not JSON',
    });
    const bad = parseRecording('{"at":1,"dir":"up","hex":"01"}');
    expect(bad.ok ? '' : bad.error).toContain('line 1');
    expect(parseRecording('{"at":1,"dir":"rx","hex":"0"}').ok).toBe(false);
  });

  it('explains a dump in words, reassembling a reply split over two chunks', () => {
    const reply = shipmentStatusReply(1, 2, 0);
    const lines = describeRecording([
      { at: 0, dir: 'tx', bytes: dispenseCommand(1, { slot: 7, type: 1, check: true, lift: false }).frame },
      { at: 1, dir: 'rx', bytes: reply.slice(0, 3) },
      { at: 2, dir: 'rx', bytes: reply.slice(3) },
      { at: 3, dir: 'rx', bytes: Uint8Array.from([0xff, 0x00]) },
    ]);
    expect(lines[0]).toContain('DISPENSE slot 7 type 1 drop-check');
    expect(lines[1]).toContain('(partial frame)');
    expect(lines[2]).toContain('board 1 read reply [02 00]');
    expect(lines[3]).toContain('discarded garbage');
  });
});
