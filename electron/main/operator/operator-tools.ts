import type { IpcErrorCode } from '../../contract/errors';
import type {
  OperatorView as OperatorViewWire,
  RecentLog,
  RecentLogInput,
  ResolveAttentionInput,
  RestockInput,
  ServiceView,
  SetServiceInput,
  SetSoundInput,
  TestDispenseInput,
  TestView,
} from '../../contract/operator-schemas';
import { err, ok, type Result } from '../../contract/result';
import type { KioskCore } from '../../core/create-kiosk-core';
import type { OperatorView } from '../../core/operator/operator-view';
import type { ServiceState } from '../../core/operator/service-switch';
import type { OperatorSource, TestDispenseRow } from '../../core/ports/test-dispense-store';
import type { SoundSettings } from '../../core/sound/sound-settings';
import type { Restocked } from '../../core/stock/restock';
import { toLogEvent } from './log-view';

/** Why a tool did nothing: a code the screen words itself, and a sentence for the log, the audit and kioskctl. */
export type OperatorRefusal = { readonly code: IpcErrorCode; readonly reason: string };

/**
 * The operator tools as the maintenance screen and the control channel call them: the same five actions,
 * each told who asked. Inputs are already parsed by the contract's schemas.
 */
export type OperatorTools = {
  testDispense(input: TestDispenseInput, by: OperatorSource): Promise<Result<TestView, OperatorRefusal>>;
  restock(input: RestockInput): Result<Restocked, OperatorRefusal>;
  resolveAttention(
    input: ResolveAttentionInput,
    by: OperatorSource,
  ): Result<{ readonly redemptionId: string; readonly note: string }, OperatorRefusal>;
  setService(input: SetServiceInput, by: OperatorSource): Result<ServiceView, OperatorRefusal>;
  setSound(input: SetSoundInput): Result<SoundSettings, OperatorRefusal>;
  recentLog(input: RecentLogInput): Result<RecentLog, OperatorRefusal>;
};

/** The newest lines of the kiosk's log file, oldest first (adapters/log-tail.ts). */
export type LogReader = (lines: number) => readonly string[];

export const testView = (t: TestDispenseRow): TestView => ({
  id: t.id,
  addr: t.addr,
  slot: t.slot,
  state: t.state,
  reason: t.reason,
  by: t.source,
  startedAt: t.startedAt,
  finishedAt: t.finishedAt,
});

const serviceView = ({ inService, since, by }: ServiceState): ServiceView => ({ inService, since, by });

/** Field by field, like maintenance-status.ts: nothing the core adds later crosses the bridge unseen. */
export const operatorViewOf = (v: OperatorView): OperatorViewWire => ({
  service: serviceView(v.service),
  slots: v.slots.map(({ productId, name, slotName, addr, slot, stock, capacity, locked }) => ({
    productId,
    name,
    slotName,
    addr,
    slot,
    stock,
    capacity,
    locked,
  })),
  lastTest: v.lastTest === null ? null : testView(v.lastTest),
});

const refuse = (code: IpcErrorCode, reason: string): Result<never, OperatorRefusal> => err({ code, reason });

const recentLogFrom = (read: LogReader, { lines }: RecentLogInput): Result<RecentLog, OperatorRefusal> =>
  ok({ events: read(lines).map(toLogEvent) });

const testRefusalCode = {
  busy: 'busy',
  'not-configured': 'invalid-input',
  'board-out': 'out-of-service',
} as const;

/** The running kiosk: every tool goes through its core, the log comes from its log folder. */
export const runningOperatorTools = (
  core: Pick<KioskCore, 'operator' | 'recordRestock' | 'setSound'>,
  read: LogReader,
): OperatorTools => ({
  async testDispense({ addr, slot }, by) {
    const tested = await core.operator.testDispense(addr, slot, by);
    return tested.ok
      ? ok(testView(tested.value))
      : refuse(testRefusalCode[tested.error.code], tested.error.reason);
  },
  restock({ productId, count }) {
    const restocked = core.recordRestock(productId, count);
    if (restocked.ok) return restocked;
    return restocked.error === 'unknown-product'
      ? refuse('invalid-input', `no product ${productId} in the product list`)
      : refuse('invalid-input', `count ${count} is more than the slot holds`);
  },
  resolveAttention({ redemptionId, note }, by) {
    const resolved = core.operator.resolveAttention(redemptionId, note, by);
    if (resolved.ok) return resolved;
    const why = {
      'not-found': `no redemption ${redemptionId}`,
      'not-flagged': `redemption ${redemptionId} does not need attention`,
      'bad-note': 'the note must be one line of 1 to 200 printable characters',
    } as const;
    return refuse('invalid-input', why[resolved.error]);
  },
  setService: ({ inService }, by) => ok(serviceView(core.operator.setInService(inService, by))),
  setSound: ({ volume, muted }) => ok(core.setSound({ volume, muted })),
  recentLog: (input) => recentLogFrom(read, input),
});

/** The kiosk is out of service before its core could start: only the log can be read. */
export const stoppedOperatorTools = (read: LogReader): OperatorTools => {
  const stopped = (): Result<never, OperatorRefusal> =>
    refuse('out-of-service', 'the kiosk core is not running');
  return {
    testDispense: () => Promise.resolve(stopped()),
    restock: stopped,
    resolveAttention: stopped,
    setService: stopped,
    setSound: stopped,
    recentLog: (input) => recentLogFrom(read, input),
  };
};
