import type { SimFailure, SimOutcome } from './state-types';

/** What a route decided: HTTP status and JSON body. The server turns it into bytes (and maybe a fault). */
export type SimAnswer = { readonly status: number; readonly body: unknown };

export const success = (data: unknown): SimAnswer => ({
  status: 200,
  body: { code: 0, message: 'ok', data },
});

/** The vendor answers refusals with HTTP 200 and a code, `data` being `{}` unless it says more (10025). */
export const refusal = (f: SimFailure, status = 200): SimAnswer => ({
  status,
  body: { code: f.vendorCode, message: f.message, data: f.data ?? {} },
});

export const fromOutcome = <T>(outcome: SimOutcome<T>, toData: (value: T) => unknown): SimAnswer =>
  outcome.ok ? success(toData(outcome.value)) : refusal(outcome.error);

/** A positive whole number from a payload field, or null. */
export const positiveInt = (text: string | undefined): number | null =>
  text !== undefined && /^\d{1,12}$/.test(text) && Number(text) > 0 ? Number(text) : null;
