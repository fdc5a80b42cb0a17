/**
 * The evidence kept for one failed or unknown unit: the wire frames around it (recorder.ts's NDJSON) and the
 * journal rows that explain it, keyed by the reference the customer was shown.
 */
export type IncidentRow = {
  readonly id: number;
  /** The customer's support reference (the last 8 characters of the trade id), or a test dispense's id. */
  readonly reference: string;
  readonly redemptionId: string | null;
  readonly unitIndex: number | null;
  readonly outcome: 'failed' | 'unknown';
  readonly reason: string | null;
  readonly addr: number;
  readonly slot: number;
  readonly at: number;
  /** Serialized frames (recorder.ts's format), oldest first. */
  readonly frames: string;
  /** JSON: the request that was driven and the journal rows at capture time (see incident-capture.ts). */
  readonly journal: string;
  /** The frames after the fault have been added too; false while the window after it is still open. */
  readonly complete: boolean;
};

export type NewIncident = Omit<IncidentRow, 'id' | 'complete'>;

/** A listing line: everything but the bulky frames and journal. */
export type IncidentSummary = Omit<IncidentRow, 'frames' | 'journal'>;

/** The incidents part of the kiosk's store (sqlite/incident-queries.ts). */
export interface IncidentStore {
  insertIncident(row: NewIncident): number;
  /** Replaces the evidence once the window after the fault has passed (or the kiosk stops first). */
  completeIncident(id: number, frames: string, journal: string): void;
  /** Newest first. */
  listIncidents(limit: number): IncidentSummary[];
  /** Every incident under a reference, oldest first (a code with several bad units has several). */
  incidentsByReference(reference: string): IncidentRow[];
}
