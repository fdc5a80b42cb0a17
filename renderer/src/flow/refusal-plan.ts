import type { IpcErrorCode } from '../../../electron/contract';

/**
 * The refusals a customer can meet after submitting a code, each with its own wording. `locked-out` has its own
 * screen; `forbidden` and the two maintenance codes cannot come from the customer's screen, and would mean
 * something broke, so they are told as `internal`.
 */
export const customerRefusals = [
  'invalid-input',
  'bad-format',
  'busy',
  'unknown-code',
  'code-checking',
  'code-used',
  'code-expired',
  'cloud-unreachable',
  'out-of-service',
  'out-of-stock',
  'internal',
] as const satisfies readonly IpcErrorCode[];

export type CustomerRefusal = (typeof customerRefusals)[number];

/**
 * What the customer is offered next:
 * - `edit`: the code was well-formed but is not known (yet): back to the entry with it in the boxes, so a
 *   mistyped character can be fixed or a brand-new code sent again without typing it all.
 * - `retype`: typing again can help, but not with what was sent (it could not be read, or the machine was
 *   busy): back to an empty entry.
 * - `done`: the same code will get the same answer now (used, expired, no network, out of service or stock, a
 *   fault); nothing to retry, so the screen offers "Done" and who to call.
 */
export type RefusalNext = 'edit' | 'retype' | 'done';

const nextSteps: Readonly<Record<CustomerRefusal, RefusalNext>> = {
  'invalid-input': 'retype',
  'bad-format': 'retype',
  busy: 'retype',
  'unknown-code': 'edit',
  'code-checking': 'edit',
  'code-used': 'done',
  'code-expired': 'done',
  'cloud-unreachable': 'done',
  'out-of-service': 'done',
  'out-of-stock': 'done',
  internal: 'done',
};

const isCustomerRefusal = (code: IpcErrorCode): code is CustomerRefusal =>
  (customerRefusals as readonly IpcErrorCode[]).includes(code);

export const customerRefusal = (code: IpcErrorCode): CustomerRefusal =>
  isCustomerRefusal(code) ? code : 'internal';

export const refusalNext = (code: IpcErrorCode): RefusalNext => nextSteps[customerRefusal(code)];

/** Only a refusal that hands the code back for editing keeps it past the answer; every other one drops it. */
export const keepsCode = (code: IpcErrorCode): boolean => refusalNext(code) === 'edit';
