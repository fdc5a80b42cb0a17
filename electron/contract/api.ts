import type { z } from 'zod';
import { ipcErrorSchema, type IpcError } from './errors';
import {
  emptyInputSchema,
  kioskStateSchema,
  redemptionProgressSchema,
  redemptionResultSchema,
  submitCodeInputSchema,
} from './schemas';
import {
  maintenanceClosedSchema,
  maintenanceOpenInputSchema,
  maintenanceStatusSchema,
  settleOwedInputSchema,
  slotAddressSchema,
} from './maintenance-schemas';
import {
  recentLogInputSchema,
  recentLogSchema,
  resolveAttentionInputSchema,
  restockInputSchema,
  setServiceInputSchema,
  setSoundInputSchema,
  testDispenseInputSchema,
} from './operator-schemas';
import type { Result } from './result';
import type { EventName, InvokeMethod } from './channels';

/** The single source of every method: its input and output schemas. The KioskApi type is derived from it. */
export const methodSchemas = {
  getState: { input: emptyInputSchema, output: kioskStateSchema },
  submitCode: { input: submitCodeInputSchema, output: redemptionResultSchema },
  maintenanceOpen: { input: maintenanceOpenInputSchema, output: maintenanceStatusSchema },
  maintenanceStatus: { input: emptyInputSchema, output: maintenanceStatusSchema },
  maintenanceClearLock: { input: slotAddressSchema, output: maintenanceStatusSchema },
  maintenanceRetryOutbox: { input: emptyInputSchema, output: maintenanceStatusSchema },
  maintenanceSettleOwed: { input: settleOwedInputSchema, output: maintenanceStatusSchema },
  maintenanceTestDispense: { input: testDispenseInputSchema, output: maintenanceStatusSchema },
  maintenanceRestock: { input: restockInputSchema, output: maintenanceStatusSchema },
  maintenanceResolveAttention: { input: resolveAttentionInputSchema, output: maintenanceStatusSchema },
  maintenanceSetService: { input: setServiceInputSchema, output: maintenanceStatusSchema },
  maintenanceSetSound: { input: setSoundInputSchema, output: maintenanceStatusSchema },
  maintenanceRecentLog: { input: recentLogInputSchema, output: recentLogSchema },
  maintenanceClose: { input: emptyInputSchema, output: maintenanceClosedSchema },
} as const satisfies Record<InvokeMethod, { input: z.ZodType; output: z.ZodType }>;

export const eventSchemas = {
  progress: redemptionProgressSchema,
  state: kioskStateSchema,
} as const satisfies Record<EventName, z.ZodType>;

export type MethodInput<M extends InvokeMethod> = z.infer<(typeof methodSchemas)[M]['input']>;
export type MethodOutput<M extends InvokeMethod> = z.infer<(typeof methodSchemas)[M]['output']>;
export type EventPayload<E extends EventName> = z.infer<(typeof eventSchemas)[E]>;
export type IpcResult<M extends InvokeMethod> = Result<MethodOutput<M>, IpcError>;

type Unsubscribe = () => void;

/** What the renderer sees as `window.kiosk`. A preload that drifts from the schemas fails to compile. */
export type KioskApi = {
  readonly [M in InvokeMethod]: (input: MethodInput<M>) => Promise<IpcResult<M>>;
} & {
  readonly on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => Unsubscribe;
};

export { ipcErrorSchema };
