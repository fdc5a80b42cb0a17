import type { RedemptionStore } from '../../core/ports/redemption-store';
import type { SQLInputValue } from 'node:sqlite';
import type { Db } from './database';
import type { NewRedemption, RedemptionPatch, RedemptionRow, UnitRow } from '../../core/ports/store';
import type { CloudErrorCode } from '../../core/ports/vendor-cloud';
import {
  canTransition,
  type NextState,
  type RedemptionState,
  type UnitState,
} from '../../core/redemption/states';

type RawRedemption = {
  id: string;
  code_hash: string;
  code_mask: string;
  trade_id: string;
  pickup_code_id: number;
  product_id: number;
  product_name: string;
  price: string;
  slot_name: string;
  addr: number;
  slot: number;
  quantity: number;
  state: RedemptionState;
  consume_pending: number;
  pending_code: string | null;
  order_id: number | null;
  note: string | null;
  refusal: CloudErrorCode | null;
  attention: number;
  owed: number;
  parent_id: string | null;
  created_at: number;
  updated_at: number;
};

const toRow = (r: RawRedemption): RedemptionRow => ({
  id: r.id,
  codeHash: r.code_hash,
  codeMask: r.code_mask,
  tradeId: r.trade_id,
  pickupCodeId: r.pickup_code_id,
  productId: r.product_id,
  productName: r.product_name,
  price: r.price,
  slotName: r.slot_name,
  addr: r.addr,
  slot: r.slot,
  quantity: r.quantity,
  state: r.state,
  consumePending: r.consume_pending === 1,
  pendingCode: r.pending_code,
  orderId: r.order_id,
  note: r.note,
  refusal: r.refusal,
  attention: r.attention === 1,
  owed: r.owed,
  parentId: r.parent_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const patchColumns = (patch: RedemptionPatch): { sql: string; values: SQLInputValue[] } => {
  const sets: string[] = [];
  const values: SQLInputValue[] = [];
  if (patch.orderId !== undefined) {
    sets.push('order_id = ?');
    values.push(patch.orderId);
  }
  if (patch.note !== undefined) {
    sets.push('note = ?');
    values.push(patch.note);
  }
  if (patch.refusal !== undefined) {
    sets.push('refusal = ?');
    values.push(patch.refusal);
  }
  if (patch.attention !== undefined) {
    sets.push('attention = ?');
    values.push(patch.attention ? 1 : 0);
  }
  if (patch.pendingCode !== undefined) {
    sets.push('pending_code = ?');
    values.push(patch.pendingCode);
  }
  if (patch.owed !== undefined) {
    sets.push('owed = ?');
    values.push(patch.owed);
  }
  if (patch.consumePending !== undefined) {
    sets.push('consume_pending = ?');
    values.push(patch.consumePending ? 1 : 0);
  }
  return { sql: sets.map((s) => `, ${s}`).join(''), values };
};

export const redemptionQueries = (db: Db): RedemptionStore => {
  const insert = db.prepare<
    [
      string,
      string,
      string,
      string,
      number,
      number,
      string,
      string,
      string,
      number,
      number,
      number,
      string | null,
      string | null,
      number,
      number,
    ],
    RawRedemption
  >(`INSERT INTO redemptions (id, code_hash, code_mask, trade_id, pickup_code_id, product_id,
    product_name, price, slot_name, addr, slot, quantity, pending_code, parent_id, state, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'matched', ?, ?) RETURNING *`);
  const owed = db.prepare<[number], RawRedemption>(
    'SELECT * FROM redemptions WHERE owed > 0 ORDER BY updated_at DESC LIMIT ?',
  );
  const byId = db.prepare<[string], RawRedemption>('SELECT * FROM redemptions WHERE id = ?');
  const byCode = db.prepare<[string], RawRedemption>(
    'SELECT * FROM redemptions WHERE code_hash = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
  );
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM redemptions');
  const recentProducts = db.prepare<[number, number], { product_id: number }>(
    'SELECT product_id FROM redemptions WHERE created_at >= ? GROUP BY product_id ORDER BY MAX(created_at) DESC LIMIT ?',
  );
  const attention = db.prepare<[number], RawRedemption>(
    'SELECT * FROM redemptions WHERE attention = 1 ORDER BY updated_at DESC LIMIT ?',
  );
  const putUnit = db.prepare<
    [string, number, UnitState, string | null, number]
  >(`INSERT INTO units (redemption_id, idx, state, reason, started_at, finished_at)
    VALUES (?, ?, ?, ?, ?, NULL)
    ON CONFLICT (redemption_id, idx) DO UPDATE SET state = excluded.state, reason = excluded.reason,
    finished_at = excluded.started_at`);
  const units = db.prepare<
    [string],
    {
      redemption_id: string;
      idx: number;
      state: UnitState;
      reason: string | null;
      started_at: number;
      finished_at: number | null;
      accepted_at: number | null;
    }
  >('SELECT * FROM units WHERE redemption_id = ? ORDER BY idx');
  const accept = db.prepare<[number, string, number]>(
    "UPDATE units SET accepted_at = ? WHERE redemption_id = ? AND idx = ? AND state = 'intent'",
  );

  return {
    insertRedemption(row: NewRedemption, at: number): RedemptionRow {
      const written = insert.get(
        row.id,
        row.codeHash,
        row.codeMask,
        row.tradeId,
        row.pickupCodeId,
        row.productId,
        row.productName,
        row.price,
        row.slotName,
        row.addr,
        row.slot,
        row.quantity,
        row.pendingCode,
        row.parentId ?? null,
        row.createdAt,
        at,
      );
      if (!written) throw new Error(`redemption ${row.id} was not written`);
      return toRow(written);
    },
    moveRedemption<F extends RedemptionState>(
      id: string,
      from: F,
      to: NextState<F>,
      at: number,
      patch: RedemptionPatch = {},
    ): RedemptionRow {
      if (!canTransition(from, to)) throw new Error(`illegal redemption transition ${from} -> ${to}`);
      const extra = patchColumns(patch);
      const moved = db
        .prepare<SQLInputValue[], RawRedemption>(
          `UPDATE redemptions SET state = ?, updated_at = ?${extra.sql} WHERE id = ? AND state = ? RETURNING *`,
        )
        .get(to, at, ...extra.values, id, from);
      if (!moved) throw new Error(`redemption ${id} is not in state ${from}; cannot move to ${to}`);
      return toRow(moved);
    },
    patchRedemption(id: string, patch: RedemptionPatch, at: number): void {
      const extra = patchColumns(patch);
      db.prepare<SQLInputValue[]>(`UPDATE redemptions SET updated_at = ?${extra.sql} WHERE id = ?`).run(
        at,
        ...extra.values,
        id,
      );
    },
    getRedemption(id: string): RedemptionRow | null {
      const raw = byId.get(id);
      return raw ? toRow(raw) : null;
    },
    findRedemptionByCode(codeHash: string): RedemptionRow | null {
      const raw = byCode.get(codeHash);
      return raw ? toRow(raw) : null;
    },
    listRedemptions(states: readonly RedemptionState[]): RedemptionRow[] {
      if (states.length === 0) return [];
      const marks = states.map(() => '?').join(',');
      return db
        .prepare<string[], RawRedemption>(
          `SELECT * FROM redemptions WHERE state IN (${marks}) ORDER BY created_at, rowid`,
        )
        .all(...states)
        .map(toRow);
    },
    listNeedingAttention(limit: number): RedemptionRow[] {
      return attention.all(limit).map(toRow);
    },
    listOwed(limit: number): RedemptionRow[] {
      return owed.all(limit).map(toRow);
    },
    countRedemptions(): number {
      return count.get()?.n ?? 0;
    },
    recentProductIds(since: number, limit: number): number[] {
      return recentProducts.all(since, limit).map((r) => r.product_id);
    },
    putUnit(
      redemptionId: string,
      index: number,
      state: UnitState,
      at: number,
      reason: string | null = null,
    ): void {
      putUnit.run(redemptionId, index, state, reason, at);
    },
    listUnits(redemptionId: string): UnitRow[] {
      return units.all(redemptionId).map((u) => ({
        redemptionId: u.redemption_id,
        index: u.idx,
        state: u.state,
        reason: u.reason,
        startedAt: u.started_at,
        finishedAt: u.finished_at,
        acceptedAt: u.accepted_at,
      }));
    },
    markUnitAccepted(redemptionId: string, index: number, at: number): void {
      accept.run(at, redemptionId, index);
    },
  };
};
