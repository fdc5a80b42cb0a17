import { describe, expect, it } from 'vitest';
import { runSoak } from './soak-run';

describe('soak (CI size; `npm run soak -- 10000` for the long run)', () => {
  it('leaves no redemption stuck and nothing unreported after 300 redemptions with random faults', async () => {
    const report = await runSoak(300);
    expect(report.stuck).toBe(0);
    expect(report.outboxLeft).toBe(0);
    expect(report.unreported).toBe(0);
    expect(report.faultsInjected).toBeGreaterThan(10);
    const answered = Object.values(report.outcomes).reduce((a, b) => a + b, 0);
    expect(answered).toBe(300);
    expect(report.outcomes.success ?? 0).toBeGreaterThan(200);
  }, 120_000);
});
