import { err, ok, type Result } from '../../contract/result';
import type { CloudError } from '../ports/vendor-cloud';
import { formatVendorTime } from '../protocol/vendor-time';
import { cloudError } from './cloud-errors';
import { createCloudContext, type CloudContext } from './context';
import { fetchData } from './open-api';
import type { VendorCloudOptions } from './options';

export type CreateCodesRequest = {
  readonly productId: number;
  readonly count: number;
  /** 6–10; the vendor defaults to 6. */
  readonly codeLength?: number;
  /** Epoch ms; null or absent for codes that never expire. */
  readonly expiresAt?: number | null;
};

/**
 * Operator calls that the kiosk itself never makes (they live in the vendor dashboard too): kept off the
 * VendorCloud port so the redemption path cannot reach them.
 */
export interface VendorAdmin {
  /** Cancels one code by its record id (the `id` of a pickup code, not the code itself). */
  cancelCode(codeId: number): Promise<Result<void, CloudError>>;
  /** Creates codes; the vendor does not return them: list them with the pickup-code query. */
  createCodes(req: CreateCodesRequest): Promise<Result<void, CloudError>>;
}

/** Admin answers carry `{}` (or nothing) on success; anything else in `data` is not what was asked for. */
const readEmpty = (data: unknown): true | null =>
  data === undefined || typeof data === 'object' ? true : null;

export const createAdminCalls = (ctx: CloudContext): VendorAdmin => ({
  async cancelCode(codeId) {
    const what = `cancel pickup code record ${codeId}`;
    const done = await fetchData(
      ctx,
      {
        method: 'PUT',
        path: '/pickup_codes',
        fields: { method: 'pickup_code.delete.id', id: codeId },
        what,
        read: false,
      },
      readEmpty,
    );
    return done.ok ? ok(undefined) : done;
  },
  async createCodes(req) {
    const what = `create ${req.count} pickup code(s) for product ${req.productId}`;
    const length = req.codeLength ?? 6;
    if (!Number.isInteger(length) || length < 6 || length > 10)
      return err(cloudError('vendor', `${what}: code length must be 6–10`));
    if (!Number.isInteger(req.count) || req.count < 1)
      return err(cloudError('vendor', `${what}: count must be at least 1`));
    const done = await fetchData(
      ctx,
      {
        method: 'POST',
        path: '/pickup_codes',
        fields: {
          method: 'pickup_code.product.id',
          product_id: req.productId,
          count: req.count,
          code_length: length,
          expired_at: req.expiresAt == null ? undefined : formatVendorTime(req.expiresAt),
        },
        what,
        read: false,
      },
      readEmpty,
    );
    return done.ok ? ok(undefined) : done;
  },
});

/** Same options as the kiosk's client (and the same https rule). */
export const createVendorAdmin = (options: VendorCloudOptions): VendorAdmin =>
  createAdminCalls(createCloudContext(options));
