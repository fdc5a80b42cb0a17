import { runSoak } from './soak-run';

// The long soak: `npm run soak -- 10000`. Prints the figures the README quotes.
const count = Number(process.argv[2] ?? '10000');
runSoak(count).then(
  (report) => {
    console.log(JSON.stringify(report, null, 2));
    const rate = Math.round((report.redemptions / report.millis) * 1000);
    console.log(
      `${report.redemptions} redemptions in ${(report.millis / 1000).toFixed(1)} s (${rate}/s); stuck ${report.stuck}; outbox left ${report.outboxLeft}`,
    );
    console.log(
      `memory: rss ${report.rssStartMb} → ${report.rssEndMb} MB, heap ${report.heapStartMb} → ${report.heapEndMb} MB`,
    );
    process.exitCode = report.stuck === 0 && report.outboxLeft === 0 && report.unreported === 0 ? 0 : 1;
  },
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
