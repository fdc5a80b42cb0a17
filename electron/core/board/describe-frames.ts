import { hasValidCrc } from '../protocol/modbus/crc16';
import { replyFrameLength } from '../protocol/modbus/frame-length';
import { createFrameParser } from '../protocol/modbus/frame-parser';
import { toHex } from '../protocol/modbus/hex';
import { decodeRequest } from '../protocol/modbus/request-decoder';
import { parseReply } from '../protocol/modbus/replies';
import type { RecordedFrame } from './recorder';

const describeReply = (frame: Uint8Array): string => {
  const reply = parseReply(frame);
  if (!reply) return `unknown reply ${toHex(frame)}`;
  switch (reply.kind) {
    case 'exception':
      return `board ${reply.addr} exception ${reply.code} to function 0x${reply.fn.toString(16)}`;
    case 'read':
      return `board ${reply.addr} read reply [${toHex(reply.data)}]`;
    case 'echo':
      return `board ${reply.addr} echo register 0x${reply.register.toString(16)} value ${reply.value}`;
  }
};

const describeRequest = (bytes: Uint8Array): string => {
  if (!hasValidCrc(bytes)) return 'request with a bad CRC';
  const req = decodeRequest(bytes);
  switch (req.op) {
    case 'dispense':
      return `board ${req.addr} DISPENSE slot ${req.slot} type ${req.type}${req.check ? ' drop-check' : ''}${req.lift ? ' lift' : ''}`;
    case 'box-status':
      return `board ${req.addr} read box status slot ${req.slot}`;
    case 'refused':
      return `board ${req.addr} unsupported request`;
    default:
      return `board ${req.addr} ${req.op}`;
  }
};

/**
 * A black-box dump in words, one line per chunk, for a technician reading a field log. Received chunks are
 * reframed in order, so a reply split over two chunks is described where it completes.
 */
export const describeRecording = (entries: readonly RecordedFrame[]): string[] => {
  const parser = createFrameParser({ frameLength: replyFrameLength, silenceMs: 20 });
  return entries.map((e) => {
    const when = new Date(e.at).toISOString();
    if (e.dir === 'tx') return `${when} tx ${toHex(e.bytes)}  ${describeRequest(e.bytes)}`;
    const out = parser.push(e.bytes, e.at);
    const words = [
      ...out.frames.map((f) => describeReply(f.bytes)),
      ...out.discards.map((d) => `discarded ${d.reason} [${toHex(d.bytes)}]`),
    ];
    return `${when} rx ${toHex(e.bytes)}  ${words.join('; ') || '(partial frame)'}`;
  });
};
