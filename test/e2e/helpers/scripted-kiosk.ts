import type { Page } from 'playwright-core';
import { eventSchemas, methodSchemas, type IpcResult } from '../../../electron/contract/api';
import { eventChannels, invokeChannels } from '../../../electron/contract/channels';
import type { IpcError } from '../../../electron/contract/errors';
import type { MaintenanceStatus } from '../../../electron/contract/maintenance-schemas';
import type { KioskState, RedemptionProgress, RedemptionResult } from '../../../electron/contract/schemas';

/** How the scripted machine answers a submitted code: an outcome, a refusal, or never (the check stays open). */
export type SubmitAnswer =
  | { readonly kind: 'result'; readonly result: RedemptionResult }
  | { readonly kind: 'refusal'; readonly error: IpcError }
  | { readonly kind: 'pending' };

export type Script = {
  readonly state: KioskState;
  readonly submit: SubmitAnswer;
  /** What the maintenance screen opens on (any PIN opens it); absent: the PIN is refused as wrong. */
  readonly maintenance?: MaintenanceStatus;
};

type PageGlobal = { __kioskDeliver?: (channel: string, payload: unknown) => void };

const answerSubmit = (answer: SubmitAnswer): Promise<IpcResult<'submitCode'>> => {
  if (answer.kind === 'pending') return new Promise(() => undefined);
  if (answer.kind === 'refusal') return Promise.resolve({ ok: false, error: answer.error });
  return Promise.resolve({ ok: true, value: methodSchemas.submitCode.output.parse(answer.result) });
};

/**
 * The machine side of `window.kiosk` for one page, answered from a script instead of the real core. The page
 * still builds `window.kiosk` with the contract's own bridge; every payload here is parsed with the contract's
 * schemas first, so a script that drifts from the core's shapes throws instead of drawing an impossible screen.
 */
export const scriptKiosk = async (page: Page, script: Script): Promise<void> => {
  const state = methodSchemas.getState.output.parse(script.state);
  const status =
    script.maintenance === undefined
      ? null
      : methodSchemas.maintenanceStatus.output.parse(script.maintenance);
  await page.exposeBinding('__kioskInvoke', (_source, channel: unknown) => {
    if (channel === invokeChannels.getState) return Promise.resolve({ ok: true, value: state });
    if (channel === invokeChannels.submitCode) return answerSubmit(script.submit);
    if (channel === invokeChannels.maintenanceOpen || channel === invokeChannels.maintenanceStatus)
      return Promise.resolve(
        status === null ? { ok: false, error: { code: 'pin-wrong' } } : { ok: true, value: status },
      );
    return Promise.resolve({ ok: false, error: { code: 'forbidden' } });
  });
};

/** Pushes one progress event to the page, checked against the contract first. */
export const pushProgress = async (page: Page, progress: RedemptionProgress): Promise<void> => {
  const payload = eventSchemas.progress.parse(progress);
  await page.evaluate(
    ([channel, body]) => {
      (globalThis as PageGlobal).__kioskDeliver?.(channel, body);
    },
    [eventChannels.progress, payload] as const,
  );
};
