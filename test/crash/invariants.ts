import { openStore } from '../../electron/adapters/sqlite/open-store';
import { readLedger } from '../../electron/sim/board/ledger';
import type { SimSeed } from '../../electron/sim/cloud/seed-schema';
import type { SimCloudState } from '../../electron/sim/cloud/state';

export type CampaignFindings = {
  readonly violations: readonly string[];
  readonly itemsDropped: number;
  readonly codesConsumed: number;
  readonly unitOutcomes: Readonly<Record<string, number>>;
  readonly slotsLocked: number;
  readonly ordersUploaded: number;
  /**
   * Slots whose count in the cloud is above what physically remains, each by no more than the slot's `unknown`
   * units: the kiosk could not know those dropped, so it did not count them (an operator's restock count does).
   */
  readonly stockAboveShelf: number;
  /**
   * Units a customer paid for and did not get (failed, unknown or skipped), each journaled and in the uploaded
   * order's delivery log as not delivered. One missing from either is a lost owed unit: a violation.
   */
  readonly owedUnits: number;
  /** Of those, still owed at the end (the make-up's slot locked, or the customer gone); each on the journal. */
  readonly owedStill: number;
  /** Units make-up deliveries were started for (customers who typed their code again). */
  readonly makeUpUnits: number;
  /**
   * Units a restart found between intent and outcome, by the outcome recovery settled them with: after a kill of
   * the kiosk alone, and after a power cut (the board went down too).
   */
  readonly assessed: {
    readonly kill: Readonly<Record<string, number>>;
    readonly powerCut: Readonly<Record<string, number>>;
  };
};

/**
 * The crash test's verdict, from three independent witnesses: the board simulator's physical ledger (what
 * dropped), the fake cloud (what was consumed and uploaded) and the kiosk's own journal (what it believes).
 */
const assessedOutcomes = (store: ReturnType<typeof openStore>): CampaignFindings['assessed'] => {
  const kill: Record<string, number> = {};
  const powerCut: Record<string, number> = {};
  for (const entry of store.listAudit(100_000).filter((a) => a.kind === 'unit.assessed')) {
    const { outcome, machineRestarted } = JSON.parse(entry.detail) as {
      outcome: string;
      machineRestarted: boolean;
    };
    const counts = machineRestarted ? powerCut : kill;
    counts[outcome] = (counts[outcome] ?? 0) + 1;
  }
  return { kill, powerCut };
};

export const checkInvariants = (input: {
  readonly dbPath: string;
  readonly ledgerPath: string;
  readonly seed: SimSeed;
  readonly cloud: SimCloudState;
}): CampaignFindings => {
  const violations: string[] = [];
  const store = openStore(input.dbPath);
  const drops = new Map<string, number>();
  const key = (addr: number, slot: number): string => `${addr}:${slot}`;
  const ledger = readLedger(input.ledgerPath);
  for (const e of ledger) drops.set(key(e.addr, e.slot), (drops.get(key(e.addr, e.slot)) ?? 0) + 1);
  type WireOrder = { trade_id: string; records: { delivery_logs: { status: number }[] }[] };
  const uploadedOrders = new Map(
    input.cloud
      .uploadedOrders()
      .flat()
      .map((o) => [(o as WireOrder).trade_id, o as WireOrder]),
  );
  const uploaded = new Set(uploadedOrders.keys());
  let owedUnits = 0;
  let owedStill = 0;
  let makeUpUnits = 0;
  const unitOutcomes: Record<string, number> = {};
  let codesConsumed = 0;
  let stockAboveShelf = 0;

  for (const code of input.seed.codes) {
    const product = input.seed.products.find((p) => p.id === code.productId);
    if (!product) continue;
    const dropped = drops.get(key(product.addr, product.slot)) ?? 0;
    const label = `code #${code.id} (board ${product.addr} slot ${product.slot}, quantity ${code.quantity})`;
    if (dropped > code.quantity) violations.push(`${label}: ${dropped} items dropped`);
    const consumed = input.cloud.codes().find((c) => c.id === code.id)?.status === 'USED';
    const r = store
      .listRedemptions([
        'completed',
        'reported',
        'abandoned',
        'rejected',
        'matched',
        'consuming',
        'consumed',
        'dispensing',
      ])
      .filter((x) => x.productId === code.productId && x.parentId === null)
      .find((x) => x.state === 'completed' || x.state === 'reported');
    const units = r ? store.listUnits(r.id) : [];
    // Make-up deliveries of what the code was owed count toward the same code.
    const makeUps = r
      ? store.listRedemptions(['dispensing', 'completed', 'reported']).filter((x) => x.parentId === r.id)
      : [];
    const allUnits = [...units, ...makeUps.flatMap((m) => store.listUnits(m.id))];
    const success = allUnits.filter((u) => u.state === 'success').length;
    const unknown = allUnits.filter((u) => u.state === 'unknown').length;
    const parentSuccess = units.filter((u) => u.state === 'success').length;
    // The books: what the kiosk knows it sold must be what it holds and what the cloud was last told.
    const books = product.stock - success;
    const local = store.getProduct(product.id)?.stock;
    const inCloud = input.cloud.product(product.id)?.stock;
    if (local !== books)
      violations.push(`${label}: kiosk counts ${String(local)}, its journal says ${books}`);
    if (inCloud !== books)
      violations.push(`${label}: cloud shows ${String(inCloud)}, the kiosk's books ${books}`);
    const onShelf = product.stock - dropped;
    if (onShelf !== books) {
      if (books - onShelf > 0 && books - onShelf <= unknown) stockAboveShelf++;
      else violations.push(`${label}: ${onShelf} left on the shelf, books say ${books} (${unknown} unknown)`);
    }
    if (!consumed) {
      if (dropped > 0)
        violations.push(`${label}: ${dropped} items dropped for a code the cloud never saw consumed`);
      continue;
    }
    codesConsumed++;
    if (!r) {
      violations.push(`${label}: consumed in the cloud but not finished in the journal`);
      continue;
    }
    for (const u of allUnits) unitOutcomes[u.state] = (unitOutcomes[u.state] ?? 0) + 1;
    makeUpUnits += makeUps.reduce((n, m) => n + m.quantity, 0);
    if (units.length !== code.quantity) violations.push(`${label}: ${units.length} units journaled`);
    if (allUnits.some((u) => u.state === 'intent'))
      violations.push(`${label}: a unit is still between intent and outcome`);
    if (dropped < success) violations.push(`${label}: journal says ${success} dispensed, ledger ${dropped}`);
    if (dropped > success + unknown)
      violations.push(`${label}: ledger ${dropped} exceeds ${success} successes + ${unknown} unknown`);
    if (unknown > 0 && !store.getSlotLock(product.addr, product.slot))
      violations.push(`${label}: unknown outcome but slot not locked`);
    if (r.state !== 'reported' || !uploaded.has(r.tradeId))
      violations.push(`${label}: final state not uploaded (${r.state})`);
    // Owed: neither delivered nor possibly delivered (an unknown may have dropped, so it is an operator's call).
    const owed = code.quantity - success - unknown;
    owedUnits += code.quantity - parentSuccess;
    owedStill += r.owed;
    if (r.owed !== owed) violations.push(`${label}: journal owes ${r.owed}, units say ${owed}`);
    const logs = uploadedOrders.get(r.tradeId)?.records[0]?.delivery_logs ?? [];
    const delivered = logs.filter((l) => l.status === 1).length;
    if (logs.length !== code.quantity || delivered !== parentSuccess)
      violations.push(
        `${label}: the uploaded order logs ${delivered} of ${logs.length}, the journal ${parentSuccess}`,
      );
  }
  const open = store.listRedemptions(['matched', 'consuming', 'consumed', 'dispensing']).length;
  if (open > 0) violations.push(`${open} redemptions left open`);
  if (store.outboxLength() > 0) violations.push(`${store.outboxLength()} reports left in the outbox`);
  const stockUnreported = store.pendingStock().length;
  if (stockUnreported > 0) violations.push(`${stockUnreported} products' stock never accepted by the cloud`);
  const findings: CampaignFindings = {
    violations,
    itemsDropped: ledger.length,
    codesConsumed,
    unitOutcomes,
    slotsLocked: store.listSlotLocks().length,
    ordersUploaded: uploaded.size,
    stockAboveShelf,
    owedUnits,
    owedStill,
    makeUpUnits,
    assessed: assessedOutcomes(store),
  };
  store.close();
  return findings;
};
