import type {
  IncidentRow,
  IncidentStore,
  IncidentSummary,
  NewIncident,
} from '../../core/ports/incident-store';
import type { Db } from './database';

type RawIncident = {
  id: number;
  reference: string;
  redemption_id: string | null;
  unit_index: number | null;
  outcome: 'failed' | 'unknown';
  reason: string | null;
  addr: number;
  slot: number;
  at: number;
  frames: string;
  journal: string;
  complete: number;
};

const summaryOf = (r: Omit<RawIncident, 'frames' | 'journal'>): IncidentSummary => ({
  id: r.id,
  reference: r.reference,
  redemptionId: r.redemption_id,
  unitIndex: r.unit_index,
  outcome: r.outcome,
  reason: r.reason,
  addr: r.addr,
  slot: r.slot,
  at: r.at,
  complete: r.complete === 1,
});

const rowOf = (r: RawIncident): IncidentRow => ({ ...summaryOf(r), frames: r.frames, journal: r.journal });

export const incidentQueries = (db: Db): IncidentStore => {
  const insert = db.prepare<
    [string, string | null, number | null, string, string | null, number, number, number, string, string],
    { id: number }
  >(
    `INSERT INTO incidents (reference, redemption_id, unit_index, outcome, reason, addr, slot, at, frames, journal)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  const complete = db.prepare<[string, string, number]>(
    'UPDATE incidents SET frames = ?, journal = ?, complete = 1 WHERE id = ?',
  );
  const list = db.prepare<[number], Omit<RawIncident, 'frames' | 'journal'>>(
    `SELECT id, reference, redemption_id, unit_index, outcome, reason, addr, slot, at, complete
     FROM incidents ORDER BY id DESC LIMIT ?`,
  );
  const byRef = db.prepare<[string], RawIncident>('SELECT * FROM incidents WHERE reference = ? ORDER BY id');
  return {
    insertIncident(row: NewIncident): number {
      const inserted = insert.get(
        row.reference,
        row.redemptionId,
        row.unitIndex,
        row.outcome,
        row.reason,
        row.addr,
        row.slot,
        row.at,
        row.frames,
        row.journal,
      );
      if (inserted === undefined) throw new Error('incident insert returned no id');
      return inserted.id;
    },
    completeIncident(id, frames, journal) {
      complete.run(frames, journal, id);
    },
    listIncidents: (limit) => list.all(limit).map(summaryOf),
    incidentsByReference: (reference) => byRef.all(reference).map(rowOf),
  };
};
