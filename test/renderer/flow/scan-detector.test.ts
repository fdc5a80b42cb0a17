import { describe, expect, it } from 'vitest';
import { createScanDetector, SCAN_GAP_MS } from '../../../renderer/src/flow/scan-detector';

const typeAt = (text: string, start: number, gapMs: number) => {
  const d = createScanDetector();
  let at = start;
  for (const ch of text) {
    d.character(ch, at);
    at += gapMs;
  }
  return { d, endAt: at - gapMs };
};

describe('telling a scanner from a person', () => {
  it('takes a fast burst ending in Enter as a scan, whole', () => {
    const { d, endAt } = typeAt('https://x.example/p?code=93881067', 1000, 5);
    expect(d.enter(endAt + 5)).toBe('https://x.example/p?code=93881067');
  });

  it('takes typing at a person’s pace as typing', () => {
    const { d, endAt } = typeAt('93881067', 1000, 120);
    expect(d.enter(endAt + 150)).toBeNull();
  });

  it('needs six characters: a quick double tap is not a scan', () => {
    const { d, endAt } = typeAt('12345', 1000, 5);
    expect(d.enter(endAt + 5)).toBeNull();
  });

  it('keeps only the burst: slow typing before it is not part of the scan', () => {
    const { d, endAt } = typeAt('99', 0, 500);
    let at = endAt + 1000;
    for (const ch of '93881067') {
      d.character(ch, at);
      at += 3;
    }
    expect(d.enter(at)).toBe('93881067');
  });

  it('does not count an Enter pressed long after a fast burst', () => {
    const { d, endAt } = typeAt('93881067', 1000, 5);
    expect(d.enter(endAt + SCAN_GAP_MS + 1)).toBeNull();
  });

  it('starts afresh after an Enter and after a reset', () => {
    const { d, endAt } = typeAt('93881067', 1000, 5);
    d.enter(endAt + 5);
    expect(d.enter(endAt + 10)).toBeNull();
    for (const ch of '938810') d.character(ch, endAt + 20);
    d.reset();
    expect(d.enter(endAt + 21)).toBeNull();
  });

  it('does not take the fast tail of typing for a scan: the first key came slowly', () => {
    const d = createScanDetector();
    d.character('1', 1000);
    let at = 1060;
    for (const ch of '1110000') {
      d.character(ch, at);
      at += 3;
    }
    expect(d.enter(at)).toBeNull();
  });
});
