import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../redemption/harness';

/** Three slots on board 1, so sales, refreshes and reports of different products interleave. */
const products = [101, 103, 106] as const;

type Op =
  | { readonly kind: 'sell'; readonly product: number }
  | { readonly kind: 'refresh' }
  | { readonly kind: 'report' }
  | { readonly kind: 'fail-report'; readonly how: 'http' | 'timeout' | 'refused' }
  | { readonly kind: 'lose-answer' }
  | { readonly kind: 'restock'; readonly product: number; readonly share: number }
  | { readonly kind: 'latency'; readonly ms: number }
  | { readonly kind: 'wait'; readonly ms: number };

const product = fc.constantFrom(...products);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: product.map((p) => ({ kind: 'sell' as const, product: p })) },
  { weight: 2, arbitrary: fc.constant({ kind: 'refresh' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'report' as const }) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom('http' as const, 'timeout' as const, 'refused' as const)
      .map((how) => ({ kind: 'fail-report' as const, how })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'lose-answer' as const }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(product, fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([p, share]) => ({ kind: 'restock' as const, product: p, share })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(0, 400, 1500, 3000).map((ms) => ({ kind: 'latency' as const, ms })),
  },
  { weight: 3, arbitrary: fc.integer({ min: 50, max: 8000 }).map((ms) => ({ kind: 'wait' as const, ms })) },
);

/** Runs the operations, each started without waiting for the one before: the clock moves a little between them. */
const play = async (h: Harness, ops: readonly Op[], truth: Map<number, number>): Promise<void> => {
  const running: Promise<unknown>[] = [];
  for (const o of ops) {
    if (o.kind === 'sell') {
      const made = h.state.createCodes({ productId: o.product, count: 1, codeLength: 8, expiresAt: null });
      const code = made.ok ? made.value[0]?.code : undefined;
      if (code === undefined) continue;
      // The code must be in the cache to be sold; a refresh right before it finds it.
      running.push(
        h.core
          .refreshCache()
          .then(() => h.core.submitCode(code))
          .then((answer) => {
            // An empty slot counts zero, not less (the fake board drops from an empty slot; a real one cannot).
            if (answer.ok)
              truth.set(o.product, Math.max(0, (truth.get(o.product) ?? 0) - answer.value.dispensed));
          }),
      );
    } else if (o.kind === 'refresh') running.push(h.core.refreshCache());
    else if (o.kind === 'report') running.push(h.core.flushOutbox(true));
    else if (o.kind === 'fail-report') h.cloud.failNext(o.how === 'refused' ? 10001 : o.how, 'updateStock');
    else if (o.kind === 'lose-answer') h.cloud.loseNextAnswer('updateStock');
    else if (o.kind === 'restock') {
      const capacity = h.store.getProduct(o.product)?.capacity ?? 0;
      const count = Math.floor(o.share * capacity);
      const done = h.core.recordRestock(o.product, count);
      if (done.ok) truth.set(o.product, count);
    } else if (o.kind === 'latency') h.cloud.latencyMs = o.ms;
    else await h.clock.advance(o.ms);
    await h.clock.advance(100);
  }
  // Let everything started finish, on a clock that keeps moving.
  let settled = false;
  // Read through a call: the promise flips it between awaits, which flow analysis cannot see.
  const isSettled = (): boolean => settled;
  void Promise.all(running).then(() => {
    settled = true;
  });
  while (!isSettled()) await h.clock.advance(1000);
  await Promise.all(running);
};

describe('stock ledger properties', () => {
  it("ends with the cloud at the machine's true count once the outbox drains, whatever the interleaving", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 40 }), async (ops) => {
        const h = await startHarness();
        try {
          const truth = new Map(products.map((p) => [p, h.state.product(p)?.stock ?? 0]));
          await play(h, ops, truth);
          // The cloud answers normally again: whatever is scripted to fail is used up, then the outbox drains.
          h.cloud.latencyMs = 0;
          for (let i = 0; i < 12 && h.core.diagnostics().outboxLength > 0; i++) {
            await h.clock.advance(60_000);
            await h.core.flushOutbox(true);
          }
          for (let i = 0; i < 8; i++) await h.core.flushOutbox(true);
          expect(h.core.diagnostics().outboxLength).toBe(0);
          const figures = (): unknown[] =>
            products.map((p) => ({
              p,
              cloud: h.state.product(p)?.stock,
              local: h.store.getProduct(p)?.stock,
            }));
          const expected = products.map((p) => ({ p, cloud: truth.get(p), local: truth.get(p) }));
          expect(figures()).toEqual(expected);
          // And a refresh now changes nothing: the books and the cloud agree.
          await h.core.refreshCache();
          expect(figures()).toEqual(expected);
        } finally {
          await h.core.stop();
        }
      }),
      { numRuns: 400 },
    );
  });
});
