import { parseVendorTime } from '../../core/protocol/vendor-time';
import { failure } from './sim-failures';
import { fromOutcome, positiveInt, refusal, success, type SimAnswer } from './sim-answer';
import type { SimCloudState } from './state';
import { codeToWire, machineToWire, orderToWire, pagedToWire, productToWire } from './wire';

type Fields = Readonly<Record<string, string>>;
type Route = {
  method: 'POST' | 'PUT';
  pattern: RegExp;
  handle: (state: SimCloudState, fields: Fields, params: string[]) => SimAnswer;
};

const invalid = (detail: string): SimAnswer => refusal(failure(10001, detail));

/** Largest page the simulator hands out; the real maximum is undocumented, clients ask for at most 100. */
const maxPerPage = 100;

const listProducts = (state: SimCloudState, f: Fields): SimAnswer => {
  const page = positiveInt(f.page);
  if (page === null) return invalid('page is required');
  if (f.cabinet_name !== undefined && f.addr !== undefined)
    return invalid('cabinet_name and addr are exclusive');
  const perPage = Math.min(maxPerPage, positiveInt(f.per_page) ?? 15);
  let scope: { cabinet: string } | { addr: number } = { cabinet: 'A' };
  if (f.addr !== undefined) {
    const addr = positiveInt(f.addr);
    if (addr === null || addr > 8) return invalid('addr is 1-8');
    scope = { addr };
  } else if (f.cabinet_name !== undefined) {
    if (!/^[A-Z]$/.test(f.cabinet_name)) return invalid('cabinet_name is A-Z');
    scope = { cabinet: f.cabinet_name };
  }
  const all = state.products(scope);
  const items = all
    .slice((page - 1) * perPage, page * perPage)
    .map((p) => productToWire(p, state.pictureOrigin));
  return success(pagedToWire(items, page, perPage, all.length));
};

const consume = (state: SimCloudState, f: Fields): SimAnswer => {
  if (f.method !== 'event.consume.pickup_code') return invalid('method');
  const productId = positiveInt(f.product_id);
  if (productId === null || !f.code || !f.trade_id || !f.notify_url)
    return invalid('code, product_id, trade_id, notify_url');
  return fromOutcome(
    state.consume({ productId, code: f.code, tradeId: f.trade_id, notifyUrl: f.notify_url }),
    orderToWire,
  );
};

const createCodes = (state: SimCloudState, f: Fields): SimAnswer => {
  if (f.method !== 'pickup_code.product.id') return invalid('method');
  const productId = positiveInt(f.product_id);
  const count = positiveInt(f.count);
  const codeLength = f.code_length === undefined ? 6 : positiveInt(f.code_length);
  const expiresAt = f.expired_at === undefined ? null : parseVendorTime(f.expired_at);
  if (productId === null || count === null || codeLength === null)
    return invalid('product_id, count, code_length');
  if (f.expired_at !== undefined && expiresAt === null) return invalid('expired_at');
  return fromOutcome(state.createCodes({ productId, count, codeLength, expiresAt }), () => ({}));
};

const cancelCode = (state: SimCloudState, f: Fields): SimAnswer => {
  const id = positiveInt(f.id);
  if (f.method !== 'pickup_code.delete.id' || id === null) return invalid('method, id');
  return fromOutcome(state.cancelCode(id), () => ({}));
};

const routes: readonly Route[] = [
  { method: 'POST', pattern: /^\/ping$/, handle: () => success('pong') },
  {
    method: 'POST',
    pattern: /^\/rent\/machines\/(\d+)$/,
    handle: (state, _f, [no]) =>
      no === state.machine.machineNo ? success(machineToWire(state.machine)) : refusal(failure(30003)),
  },
  { method: 'POST', pattern: /^\/products$/, handle: listProducts },
  {
    method: 'POST',
    pattern: /^\/products\/(\d+)\/pickup_code$/,
    handle: (state, _f, [id]) => fromOutcome(state.listCodes(Number(id)), (codes) => codes.map(codeToWire)),
  },
  { method: 'POST', pattern: /^\/consumes$/, handle: consume },
  { method: 'PUT', pattern: /^\/pickup_codes$/, handle: cancelCode },
  { method: 'POST', pattern: /^\/pickup_codes$/, handle: createCodes },
  {
    method: 'POST',
    pattern: /^\/orders\/(\d+)$/,
    handle: (state, _f, [id]) => fromOutcome(state.orderDetail(Number(id)), orderToWire),
  },
];

export type OpenApiRoute = {
  readonly handle: (state: SimCloudState, fields: Fields) => SimAnswer;
  readonly isPing: boolean;
};

/** Finds the handler for a method and a path below `/api/openapi/v1`; null answers the 404 page. */
export const findOpenApiRoute = (method: string, path: string): OpenApiRoute | null => {
  for (const route of routes) {
    const m = route.pattern.exec(path);
    if (m && route.method === method) {
      return { handle: (state, fields) => route.handle(state, fields, m.slice(1)), isPing: path === '/ping' };
    }
  }
  return null;
};
