import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeHttpClient } from '../../../electron/adapters/node-http';
import { systemClock } from '../../../electron/adapters/system-clock';
import { createVendorCloud } from '../../../electron/core/cloud/create-vendor-cloud';
import { imageKindOf } from '../../../electron/core/media/image-kind';
import type { VendorCloud } from '../../../electron/core/ports/vendor-cloud';
import { openProductPhotos } from '../../../electron/runtime/open-product-photos';
import { startSimCloud, type SimCloud } from '../../../electron/sim/cloud/server';
import { MemoryLogger } from '../../fakes/memory-logger';
import { simCredentials } from '../sim/cloud/sim-http';

let sim: SimCloud;
let cloud: VendorCloud;
const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-photos-'));
  dirs.push(dir);
  return dir;
};

beforeAll(async () => {
  sim = await startSimCloud({ credentials: simCredentials });
  cloud = createVendorCloud({
    baseUrl: sim.baseUrl,
    machineNo: '12345678',
    notifyUrl: `${sim.baseUrl}/notify`,
    credentials: simCredentials,
    http: createNodeHttpClient(),
    clock: systemClock,
    logger: new MemoryLogger(),
    timeoutMs: 2_000,
  });
});
afterAll(async () => {
  await sim.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the simulated cloud serves a picture per good', () => {
  it("lists each product's thumb on its own origin and answers it with real PNG bytes", async () => {
    const listed = await cloud.listProducts();
    if (!listed.ok) throw new Error('product list failed');
    const cola = listed.value.find((p) => p.productId === 103);
    expect(cola?.thumb).toBe(`${sim.baseUrl}/media/goods/103.png`);
    const answer = await fetch(cola?.thumb ?? '');
    expect(answer.headers.get('content-type')).toBe('image/png');
    expect(imageKindOf(new Uint8Array(await answer.arrayBuffer()))).toBe('png');
    expect((await fetch(`${sim.baseUrl}/media/goods/999.png`)).status).toBe(404);
  });
});

describe('product photos', () => {
  it('has none before the product list is read, then serves each from the app origin once fetched', async () => {
    const dir = tempDir();
    const media = await openProductPhotos(cloud, [], dir, new MemoryLogger(), systemClock);
    expect(media.photoOf(101)).toBeUndefined();
    const listed = await media.cloud.listProducts();
    expect(listed.ok).toBe(true);
    await expect.poll(() => media.photoOf(101), { timeout: 5_000 }).toMatch(/^media\/[0-9a-f]{64}\.png$/);
    await expect.poll(() => readdirSync(join(dir, 'media')).length, { timeout: 5_000 }).toBe(10);
    const name = media.photoOf(204)?.slice('media/'.length) ?? '';
    expect(existsSync(join(dir, 'media', name))).toBe(true);
    // A product with no thumb, or unknown, has no photo rather than someone else's.
    expect(media.photoOf(12345)).toBeUndefined();
  });

  it('shows what an earlier run cached at once, and fetches nothing again', async () => {
    const dir = tempDir();
    const first = await openProductPhotos(cloud, [], dir, new MemoryLogger(), systemClock);
    const listed = await first.cloud.listProducts();
    if (!listed.ok) throw new Error('product list failed');
    await expect.poll(() => readdirSync(join(dir, 'media')).length, { timeout: 5_000 }).toBe(10);
    const cachedPath = first.photoOf(102);

    const before = sim.requests.length;
    const second = await openProductPhotos(cloud, listed.value, dir, new MemoryLogger(), systemClock);
    expect(second.photoOf(102)).toBe(cachedPath);
    // Only the API calls of the list itself: the pictures come from disk.
    await second.cloud.listProducts();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(readdirSync(join(dir, 'media')).length).toBe(10);
    expect(sim.requests.slice(before).every((r) => r.path.startsWith('/api/'))).toBe(true);
  });

  it('logs a picture that cannot be fetched once, by key only, and shows no photo for it', async () => {
    const dir = tempDir();
    const logger = new MemoryLogger();
    const media = await openProductPhotos(
      {
        ...cloud,
        listProducts: async () => {
          const listed = await cloud.listProducts();
          if (!listed.ok) return listed;
          return {
            ok: true,
            value: listed.value.map((p) => ({ ...p, thumb: 'http://127.0.0.1:9/nothing-here.png' })),
          };
        },
      },
      [],
      dir,
      logger,
      systemClock,
    );
    expect((await media.cloud.listProducts()).ok).toBe(true);
    await expect
      .poll(() => logger.lines.some((e) => e.event === 'media.fetch_failed'), { timeout: 5_000 })
      .toBe(true);
    expect(media.photoOf(101)).toBeUndefined();
    expect(JSON.stringify(logger.lines)).not.toContain('nothing-here');
  });
});
