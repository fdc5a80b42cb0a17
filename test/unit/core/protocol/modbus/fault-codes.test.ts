import { describe, expect, it } from 'vitest';
import {
  boardFailureCode,
  describeFault,
  faultReason,
} from '../../../../../electron/core/protocol/modbus/fault-codes';

describe('fault codes', () => {
  it('numbers the board failure strings from 0x10 in the vendor order', () => {
    expect(boardFailureCode('Slot Invalid')).toBe(0x10);
    expect(boardFailureCode('Goods are Stuck')).toBe(0x15);
    expect(boardFailureCode('VerMo Encode')).toBe(0x1e);
  });

  it('calls a fault failed only when it stops the item before the customer', () => {
    expect(describeFault(boardFailureCode('Load No Current')).delivery).toBe('not-delivered');
    expect(describeFault(boardFailureCode('Goods are Stuck')).delivery).toBe('not-delivered');
    expect(describeFault(boardFailureCode('Dlv Detect Error')).delivery).toBe('maybe-delivered');
    expect(describeFault(boardFailureCode('Feedback Error')).delivery).toBe('maybe-delivered');
  });

  it('treats documented refusals as not delivered, device faults and unknown codes as maybe', () => {
    expect(describeFault(6)).toEqual({ text: 'slave busy', delivery: 'not-delivered' });
    expect(describeFault(2).delivery).toBe('not-delivered');
    expect(describeFault(7).delivery).toBe('maybe-delivered');
    expect(describeFault(0x99)).toEqual({ text: 'unrecognised fault code 153', delivery: 'maybe-delivered' });
    expect(describeFault(0x1f).delivery).toBe('maybe-delivered');
  });

  it('writes reasons an operator can read', () => {
    expect(faultReason(0x15)).toBe('Goods are Stuck (board fault 0x15)');
    expect(faultReason(6)).toBe('slave busy (board fault 0x06)');
  });
});
