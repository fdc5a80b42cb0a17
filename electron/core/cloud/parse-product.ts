import { z } from 'zod';
import type { Product } from '../ports/vendor-cloud';
import { intLike, orEmpty, orZero, textLike } from './wire-values';

const productItemSchema = z.object({
  id: intLike.refine((id) => id > 0),
  current_inventory: intLike.nullish(),
  inventory: intLike.nullish(),
  good: z
    .object({
      name: textLike.nullish(),
      price: textLike.nullish(),
      good_no: textLike.nullish(),
      thumb: textLike.nullish(),
    })
    .nullish(),
  channel: z.object({
    name: textLike.nullish(),
    cabinet_name: textLike.nullish(),
    code: textLike.nullish(),
    addr: intLike.nullish(),
  }),
});

/**
 * One product item to the domain type. `fallbackCabinet` is the cabinet the request asked for, used when the
 * item omits its own. A missing `addr` (protobuf drops zero) is read from the motor number, whose hundreds
 * digit is the board (000–099 → board 1): an inference, recorded here because the docs leave it open.
 */
export const toProduct = (raw: unknown, fallbackCabinet: string): Product | null => {
  const parsed = productItemSchema.safeParse(raw);
  if (!parsed.success) return null;
  const item = parsed.data;
  const motorText = orEmpty(item.channel.code).trim();
  if (motorText !== '' && !/^\d{1,3}$/.test(motorText)) return null;
  const motor = motorText === '' ? 0 : Number(motorText);
  const addr = item.channel.addr ?? Math.floor(motor / 100) + 1;
  if (addr < 1 || addr > 8) return null;
  return {
    productId: item.id,
    name: orEmpty(item.good?.name),
    price: item.good?.price ?? '0',
    slotName: orEmpty(item.channel.name),
    cabinet: item.channel.cabinet_name ?? fallbackCabinet,
    addr,
    slot: motor % 100,
    stock: Math.max(0, orZero(item.current_inventory)),
    capacity: Math.max(0, orZero(item.inventory)),
    ...(orEmpty(item.good?.good_no).trim() === '' ? {} : { goodNo: orEmpty(item.good?.good_no).trim() }),
    ...(orEmpty(item.good?.thumb).trim() === '' ? {} : { thumb: orEmpty(item.good?.thumb).trim() }),
  };
};

/** Items that do not fit are skipped and counted (the caller logs the count), never guessed at. */
export const toProducts = (
  items: readonly unknown[],
  fallbackCabinet: string,
): { products: Product[]; skipped: number } => {
  const products: Product[] = [];
  let skipped = 0;
  for (const raw of items) {
    const product = toProduct(raw, fallbackCabinet);
    if (product) products.push(product);
    else skipped++;
  }
  return { products, skipped };
};
