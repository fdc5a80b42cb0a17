import { runCrashCampaign } from './crash-campaign';

// The long crash run: `npm run crash -- [kills] [codes] [seed]`. Prints the figures the README quotes.
const [kills = '40', codes = '150', seed = String(Date.now() % 100_000)] = process.argv.slice(2);
runCrashCampaign({
  kills: Number(kills),
  codes: Number(codes),
  seed: Number(seed),
  maxKillDelayMs: 3000,
}).then(
  (report) => {
    console.log(JSON.stringify(report, null, 2));
    const total = (counts: Readonly<Record<string, number>>): number =>
      Object.values(counts).reduce((a, b) => a + b, 0);
    const share = (counts: Readonly<Record<string, number>>): string =>
      `${counts.unknown ?? 0} of ${total(counts)} unknown`;
    console.log(
      `seed ${seed}: ${report.killsSurvived} kills survived (${report.powerCuts} power cuts) over ${report.runs} runs in ${(report.millis / 1000).toFixed(1)} s; ` +
        `units left mid-dispense: kiosk killed ${share(report.assessed.kill)}, power cut ${share(report.assessed.powerCut)}; ` +
        `${report.owedUnits} units not delivered the first time, ${report.makeUpUnits} make-up units, ${report.owedStill} still owed (all on record); ${report.stockAboveShelf} slots counted above the shelf by unknown units; ${report.violations.length} violations`,
    );
    process.exitCode = report.violations.length === 0 ? 0 : 1;
  },
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
