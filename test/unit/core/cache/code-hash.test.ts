import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../../electron/adapters/sqlite/open-store';
import { loadCodeHasher } from '../../../../electron/core/cache/code-hash';
import { MemoryLogger } from '../../../fakes/memory-logger';

const KEY_A = Buffer.alloc(32, 0xa1);
const KEY_B = Buffer.alloc(32, 0xb2);

const redemption = (id: string, codeHash: string, pendingCode: string | null) => ({
  id,
  codeHash,
  codeMask: '******12',
  tradeId: `2026010100000000${id}`,
  pickupCodeId: 1,
  productId: 101,
  productName: 'Cola',
  price: '3.00',
  slotName: 'A10',
  addr: 1,
  slot: 10,
  quantity: 1,
  pendingCode,
  createdAt: 1,
});

describe('code hashes', () => {
  it('are HMAC-SHA256 under the key, so another key (or none) makes other hashes', () => {
    const store = openStore(':memory:');
    const hash = loadCodeHasher(store, KEY_A, new MemoryLogger());
    expect(hash('24681357')).toBe(createHmac('sha256', KEY_A).update('24681357').digest('hex'));
    expect(hash('24681357')).not.toBe(createHash('sha256').update('24681357').digest('hex'));
    store.close();
  });

  it('re-key a database of the salted-SHA-256 kind: cache emptied, pending codes re-hashed, salt gone', () => {
    const store = openStore(':memory:');
    const salt = 'abcd';
    const old = (code: string) => createHash('sha256').update(`${salt}:${code}`).digest('hex');
    store.setMeta('cache.salt', salt);
    store.applyCacheChanges({
      putCodes: [{ codeHash: old('11112222'), codeId: 1, productId: 101, quantity: 1, expiresAt: null }],
      dropCodes: [],
      putProducts: [],
      dropProducts: [],
      refreshedAt: 5,
    });
    store.insertRedemption(redemption('1', old('33334444'), '33334444'), 1);
    store.insertRedemption(redemption('2', old('55556666'), null), 1);
    const logger = new MemoryLogger();
    const hash = loadCodeHasher(store, KEY_A, logger);
    expect(store.findCode(old('11112222'))).toBeNull();
    expect(store.getMeta('cache.refreshedAt')).toBeNull();
    expect(store.getMeta('cache.salt')).toBeNull();
    expect(store.findRedemptionByCode(hash('33334444'))?.id).toBe('1');
    expect(store.getRedemption('2')?.codeHash).toBe(old('55556666'));
    expect(logger.lines.find((l) => l.event === 'cache.rekeyed')?.fields).toEqual({
      from: 'salted-sha256',
      rehashed: 1,
      dropped: 1,
    });
    store.close();
  });

  it('re-key once per key: the same key again changes nothing, another key re-keys', () => {
    const store = openStore(':memory:');
    const logger = new MemoryLogger();
    loadCodeHasher(store, KEY_A, logger);
    const hashA = loadCodeHasher(store, KEY_A, logger);
    store.applyCacheChanges({
      putCodes: [{ codeHash: hashA('11112222'), codeId: 1, productId: 101, quantity: 1, expiresAt: null }],
      dropCodes: [],
      putProducts: [],
      dropProducts: [],
      refreshedAt: 5,
    });
    loadCodeHasher(store, KEY_A, logger);
    expect(store.findCode(hashA('11112222'))).not.toBeNull();
    loadCodeHasher(store, KEY_B, logger);
    expect(store.findCode(hashA('11112222'))).toBeNull();
    expect(logger.lines.filter((l) => l.event === 'cache.rekeyed')).toHaveLength(1);
    store.close();
  });

  it('refuse a short key', () => {
    const store = openStore(':memory:');
    expect(() => loadCodeHasher(store, Buffer.alloc(16), new MemoryLogger())).toThrow(/32 bytes/);
    store.close();
  });
});
