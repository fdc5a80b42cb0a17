import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

type AxeViolation = {
  readonly id: string;
  readonly impact: string | null;
  readonly nodes: readonly { target: unknown }[];
};
type AxeGlobal = {
  axe?: { run(options: object): Promise<{ violations: AxeViolation[] }> };
};

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

/**
 * Runs axe-core in the page and returns one line per violation. `meta-viewport` is off on purpose: the kiosk
 * locks zoom, because a pinch on an unattended screen could leave the customer with a zoomed-in page and no
 * browser controls to bring it back.
 */
export const axeViolations = async (page: Page): Promise<string[]> => {
  // Evaluated through the debugger protocol, which the page's script policy does not govern.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as AxeGlobal).axe;
    if (!axe) throw new Error('axe-core did not load');
    const found = await axe.run({ rules: { 'meta-viewport': { enabled: false } } });
    return found.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
  return violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.targets.join(', ')}`);
};
