import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoCredentials, demoSeed, listDemoCodes } from '../../../../electron/sim/cloud/demo-seed';
import { loadSeedFile, parseSeedText } from '../../../../electron/sim/cloud/seed-file';
import { motorCodeOf, slotNameOf } from '../../../../electron/sim/cloud/seed-schema';

const dir = mkdtempSync(join(tmpdir(), 'sim-seed-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('demo seed', () => {
  const seed = demoSeed();

  it('is machine 12345678 with two cabinets, products only on boards 1 and 2', () => {
    expect(seed.machine).toMatchObject({
      machineNo: '12345678',
      cabinets: ['A', 'B'],
      online: true,
      pickupCodesEnabled: true,
    });
    expect(new Set(seed.products.map((p) => p.addr))).toEqual(new Set([1, 2]));
    expect(seed.products.every((p) => p.slot >= 0 && p.slot <= 99 && p.stock <= p.capacity)).toBe(true);
  });

  it('is deterministic', () => {
    expect(demoSeed()).toEqual(seed);
  });

  it('lists usable 8-digit codes of quantity 1, 2 and 3 with their products, not the used or expired ones', () => {
    const codes = listDemoCodes(Date.UTC(2026, 5, 1));
    expect(codes.every((c) => /^\d{8}$/.test(c.code))).toBe(true);
    expect(new Set(codes.map((c) => c.quantity))).toEqual(new Set([1, 2, 3]));
    expect(codes.map((c) => c.code)).not.toContain('99990000');
    expect(codes.map((c) => c.code)).not.toContain('90000009');
    expect(codes.find((c) => c.code === '11223344')).toEqual({
      code: '11223344',
      quantity: 3,
      productName: 'Cola',
      slotName: 'A03',
    });
    expect(listDemoCodes(Date.UTC(2100, 0, 1)).map((c) => c.code)).not.toContain('55667788');
  });

  it('uses obviously fake credentials', () => {
    expect(Object.values(demoCredentials).every((v) => /demo/i.test(v))).toBe(true);
  });
});

describe('slot naming', () => {
  it('counts slots from 1 after the cabinet letter, and puts the board in the motor code hundreds', () => {
    expect(slotNameOf({ cabinet: 'A', slot: 9 })).toBe('A10');
    expect(slotNameOf({ cabinet: 'A', slot: 20 })).toBe('A21');
    expect(motorCodeOf({ addr: 1, slot: 20 })).toBe('020');
    expect(motorCodeOf({ addr: 2, slot: 5 })).toBe('105');
  });
});

describe('seed files', () => {
  it('loads a valid file and fills defaults', async () => {
    const path = join(dir, 'ok.json');
    writeFileSync(
      path,
      JSON.stringify({
        machine: { machineNo: '11112222', name: 'Test', cabinets: ['A'] },
        products: [
          { id: 1, name: 'P', price: '1.00', cabinet: 'A', addr: 1, slot: 0, stock: 1, capacity: 2 },
        ],
        codes: [{ id: 1, code: '123456', productId: 1 }],
      }),
    );
    const loaded = await loadSeedFile(path);
    expect(loaded.ok && loaded.value.codes[0]).toMatchObject({
      quantity: 1,
      status: 'UNUSED',
      expiresAt: null,
    });
    expect(loaded.ok && loaded.value.machine.pickupCodesEnabled).toBe(true);
  });

  it('explains what is wrong', async () => {
    expect(await loadSeedFile(join(dir, 'missing.json'))).toEqual({
      ok: false,
      error: expect.stringMatching(/cannot read seed file .*ENOENT/) as unknown,
    });
    expect(parseSeedText('{', 'x.json')).toEqual({ ok: false, error: 'seed x.json is not valid JSON' });
    const base = demoSeed();
    const bad = (over: object): string => {
      const result = parseSeedText(JSON.stringify({ ...base, ...over }), 's');
      return result.ok ? 'accepted' : result.error;
    };
    expect(bad({ codes: [{ id: 1, code: '123456', productId: 999 }] })).toMatch(/unknown product 999/);
    expect(bad({ products: [...base.products, { ...base.products[0], id: 999 }] })).toMatch(
      /share one board slot/,
    );
    expect(bad({ codes: [{ id: 1, code: '12345', productId: 101 }] })).toMatch(
      /codes\.0\.code: a code is 6–10/,
    );
    expect(bad({ codes: [{ id: 1, code: '123456', productId: 101, quantity: 4 }] })).toMatch(/quantity/);
    expect(bad({ extra: true })).toMatch(/extra|Unrecognized/i);
    expect(bad({ products: [{ ...base.products[0], cabinet: 'Z' }], codes: [] })).toMatch(
      /cabinet Z, not on the machine/,
    );
  });
});
