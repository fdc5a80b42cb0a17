import type { UnitState } from '../redemption/states';

/**
 * Who asked for an operator action: the PIN-gated screen at the machine, `kioskctl` on its own OS account, or the
 * vendor's dashboard over the live link (a signed `client.channel.debugging`).
 */
export type OperatorSource = 'maintenance' | 'kioskctl' | 'vendor';

/** A test has no later units to skip: it is an intent until its one outcome is written. */
export type TestState = Exclude<UnitState, 'skipped'>;

/** An operator's test dispense of one slot: a unit of its own, tied to no code, consume or order. */
export type TestDispenseRow = {
  readonly id: number;
  readonly addr: number;
  readonly slot: number;
  /** The product the slot held when the test started (its stock goes down on a drop); null for an empty slot. */
  readonly productId: number | null;
  /** `intent` until the outcome is written; after a crash, until recovery has asked the board. */
  readonly state: TestState;
  readonly reason: string | null;
  readonly source: OperatorSource;
  readonly startedAt: number;
  /** When the board answered the dispense write: after a crash, its `done` or `idle` is this command's. */
  readonly acceptedAt: number | null;
  readonly finishedAt: number | null;
};

export type NewTestDispense = Pick<TestDispenseRow, 'addr' | 'slot' | 'productId' | 'source' | 'startedAt'>;

/** The test-dispense part of the kiosk's store (sqlite/test-dispense-queries.ts). */
export interface TestDispenseStore {
  /** Journals the intent (committed before the call returns, so before the motor command); answers its id. */
  insertTestIntent(row: NewTestDispense): number;
  /** Marks a test still in `intent` as accepted by the board. */
  markTestAccepted(id: number, at: number): void;
  /** Writes the outcome of a test still in `intent`; false when it was not (a bug the caller reports). */
  finishTest(id: number, state: Exclude<TestState, 'intent'>, reason: string | null, at: number): boolean;
  getTest(id: number): TestDispenseRow | null;
  /** Tests a crash left between intent and outcome, oldest first. */
  openTests(): TestDispenseRow[];
  /** The newest test, whatever its state. */
  lastTest(): TestDispenseRow | null;
  /**
   * The outcomes last driven on a slot, customers' units and operators' tests together (skipped units were
   * not driven), newest first: the failure streak slot health counts.
   */
  recentSlotOutcomes(addr: number, slot: number, limit: number): UnitState[];
}
