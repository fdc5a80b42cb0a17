import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let h: Harness;
afterEach(async () => {
  await h.core.stop();
});

const consumes = (): number => h.cloud.calls.filter((c) => c.call === 'consume').length;
const answer = async (code: string): Promise<string> => {
  const r = await h.core.submitCode(code);
  return r.ok ? r.value.outcome : r.error.code;
};

describe('a code that left the unused list', () => {
  it('used on another machine after it was cached: "already used", asked once, then answered from the journal', async () => {
    h = await startHarness();
    const made = h.state.createCodes({ productId: 101, count: 1, codeLength: 8, expiresAt: null });
    const code = made.ok ? (made.value[0]?.code ?? '') : '';
    await h.core.refreshCache();
    // Another machine redeems it; the next refresh no longer lists it.
    h.state.consume({ productId: 101, code, tradeId: '8'.repeat(24), notifyUrl: 'https://x.invalid' });
    await h.core.refreshCache();
    expect(await answer(code)).toBe('code-used');
    expect(consumes()).toBe(1);
    expect(await answer(code)).toBe('code-used');
    expect(consumes()).toBe(1);
  });

  it('still dispenses when the cloud says it is good after all: the cloud decides, not the list', async () => {
    h = await startHarness();
    const made = h.state.createCodes({ productId: 102, count: 1, codeLength: 8, expiresAt: null });
    const code = made.ok ? (made.value[0]?.code ?? '') : '';
    await h.core.refreshCache();
    // The cloud leaves it out of one listing (a glitch), but it was never used.
    const listed = h.cloud.listCodes.bind(h.cloud);
    h.cloud.listCodes = async (productId) => {
      const r = await listed(productId);
      return r.ok && productId === 102 ? { ok: true, value: r.value.filter((c) => c.code !== code) } : r;
    };
    await h.core.refreshCache();
    h.cloud.listCodes = listed;
    expect(await answer(code)).toBe('success');
  });

  it('a code never seen here is still "not recognised", with no cloud call', async () => {
    h = await startHarness();
    expect(await answer('13572469')).not.toBe('code-used');
    expect(consumes()).toBe(0);
  });
});
