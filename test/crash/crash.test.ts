import { expect, it } from 'vitest';
import { describeWithSocat } from '../helpers/describe-with-socat';
import { runCrashCampaign } from './crash-campaign';

describeWithSocat('crash test (CI size; `npm run crash -- 40 150` for the long run)', () => {
  it('survives SIGKILL at random points without a double dispense or a lost redemption', async () => {
    const report = await runCrashCampaign({ kills: 5, codes: 16, seed: 11, maxKillDelayMs: 2500 });
    console.log(
      `crash test: ${report.killsSurvived} kills survived (${report.powerCuts} power cuts), ${report.itemsDropped} items dropped, ${report.codesConsumed} codes consumed, interrupted units settled as ${JSON.stringify(report.assessed)}, ${report.stockAboveShelf} slots counted above the shelf by unknown units, ${report.owedUnits} units not delivered the first time, ${report.makeUpUnits} paid back by make-ups, ${report.owedStill} still owed`,
    );
    expect(report.violations).toEqual([]);
    expect(report.killsSurvived).toBe(5);
    expect(report.powerCuts).toBeGreaterThan(0);
    expect(report.codesConsumed).toBe(16);
    expect(report.itemsDropped).toBeGreaterThan(0);
  }, 180_000);
});
