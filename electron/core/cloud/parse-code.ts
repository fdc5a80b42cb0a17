import { z } from 'zod';
import type { PickupCode, PickupCodeStatus } from '../ports/vendor-cloud';
import { parseVendorTime } from '../protocol/vendor-time';
import { intLike, textLike } from './wire-values';

const statuses: readonly PickupCodeStatus[] = ['UNUSED', 'USED', 'EXPIRED', 'UNKNOWN'];

const vendorTime = textLike.nullish().transform((text, ctx) => {
  if (text == null || text.trim() === '') return null;
  const at = parseVendorTime(text);
  if (at === null) ctx.addIssue({ code: 'custom', message: `not a vendor time: ${text}` });
  return at;
});

const pickupCodeSchema = z.object({
  id: intLike.refine((id) => id > 0),
  code: textLike.refine((code) => code.trim() !== ''),
  status: textLike.nullish(),
  created_at: vendorTime,
  // Absent (or empty) means the code never expires.
  expired_at: vendorTime,
  // The docs give 1 as the default; an omitted field is read as that, not as protobuf's zero.
  quantity: intLike.nullish(),
});

export const toPickupCode = (raw: unknown): PickupCode | null => {
  const parsed = pickupCodeSchema.safeParse(raw);
  if (!parsed.success) return null;
  const c = parsed.data;
  const status = statuses.find((s) => s === c.status?.toUpperCase()) ?? 'UNKNOWN';
  return {
    id: c.id,
    code: c.code.trim(),
    status,
    quantity: c.quantity == null || c.quantity < 1 ? 1 : c.quantity,
    expiresAt: c.expired_at,
    createdAt: c.created_at,
  };
};

export const toPickupCodes = (items: readonly unknown[]): { codes: PickupCode[]; skipped: number } => {
  const codes: PickupCode[] = [];
  let skipped = 0;
  for (const raw of items) {
    const code = toPickupCode(raw);
    if (code) codes.push(code);
    else skipped++;
  }
  return { codes, skipped };
};
