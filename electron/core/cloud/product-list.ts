import { err, ok, type Result } from '../../contract/result';
import type { CloudError, MachineDetail, Product } from '../ports/vendor-cloud';
import { cloudError } from './cloud-errors';
import type { CloudContext } from './context';
import { fetchData } from './open-api';
import { productPageSize } from './options';
import { toProducts } from './parse-product';
import { pagedListSchema, type PagedList } from './wire-values';

/** A runaway `last_page` must not keep the kiosk paging forever (100 pages × 100 = 10 000 slots). */
const maxPages = 100;

type Scope = { readonly cabinet_name: string } | { readonly addr: string };

const readPage = (data: unknown): PagedList | null => {
  const parsed = pagedListSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
};

/** Every page of one cabinet (or one board): `cabinet_name` and `addr` are never sent together. */
const listScope = async (
  ctx: CloudContext,
  scope: Scope,
  label: string,
): Promise<Result<Product[], CloudError>> => {
  const products: Product[] = [];
  const fallbackCabinet = 'cabinet_name' in scope ? scope.cabinet_name : 'A';
  for (let page = 1; ; page++) {
    const what = `product list (${label}, page ${page})`;
    const answer = await fetchData(
      ctx,
      {
        method: 'POST',
        path: '/products',
        fields: { ...scope, page, per_page: productPageSize },
        what,
        read: true,
      },
      readPage,
    );
    if (!answer.ok) return answer;
    const { products: found, skipped } = toProducts(answer.value.items, fallbackCabinet);
    if (skipped > 0) ctx.logger.warn('cloud.products.skipped', { scope: label, page, skipped });
    products.push(...found);
    if (page >= answer.value.lastPage || answer.value.items.length === 0) break;
    if (page >= maxPages)
      return err(cloudError('malformed', `${what}: more than ${maxPages} pages; refusing to continue`));
  }
  return ok(products);
};

/**
 * Every product on the machine. By cabinet: the cabinets come from machine detail (cabinet A when it lists none),
 * since without `cabinet_name` the vendor answers cabinet A only. By board: the configured addresses.
 * A product id seen twice (overlapping scopes) is kept once.
 */
export const listAllProducts = async (
  ctx: CloudContext,
  machine: () => Promise<Result<MachineDetail, CloudError>>,
): Promise<Result<Product[], CloudError>> => {
  let scopes: { scope: Scope; label: string }[];
  if (ctx.productScope.by === 'addr') {
    scopes = ctx.productScope.addrs.map((addr) => ({
      scope: { addr: String(addr) },
      label: `board ${addr}`,
    }));
  } else {
    const detail = await machine();
    if (!detail.ok) return detail;
    scopes = detail.value.cabinets.map((c) => ({ scope: { cabinet_name: c }, label: `cabinet ${c}` }));
  }
  const byId = new Map<number, Product>();
  for (const { scope, label } of scopes) {
    const listed = await listScope(ctx, scope, label);
    if (!listed.ok) return listed;
    for (const product of listed.value)
      if (!byId.has(product.productId)) byId.set(product.productId, product);
  }
  return ok([...byId.values()]);
};
