import { describe, expect, it } from 'vitest';
import { applyStockChange, reconcileFigure } from '../../../../electron/core/stock/reconcile';

describe('stock reconciliation', () => {
  it("applies the machine's unseen changes on top of the cloud's figure, in order", () => {
    expect(reconcileFigure(30, [{ delta: -3 }, { delta: -1 }])).toBe(26);
    expect(reconcileFigure(30, [])).toBe(30);
  });

  it('lets a restock count replace everything before it and count down after it', () => {
    expect(reconcileFigure(2, [{ delta: -1 }, { setTo: 10 }, { delta: -2 }])).toBe(8);
  });

  it('never goes below zero, and a count below zero is zero', () => {
    expect(reconcileFigure(1, [{ delta: -3 }])).toBe(0);
    expect(applyStockChange(5, { setTo: -1 })).toBe(0);
  });
});
