import type { IpcError, MaintenanceStatus, TestView } from '../../../electron/contract';
import { fill, type Strings } from '../i18n/strings';
import type { DoneTask, MaintenanceTask } from './maintenance-state';
import type { ResolveNote } from './operator-dialog';

/** A test's outcome in a few words: what dropped, or why not. */
export const testOutcomeText = (t: Strings, test: TestView): string => {
  const reason = test.reason ?? '';
  switch (test.state) {
    case 'success':
      return t.maintTestDropped;
    case 'failed':
      return fill(t.maintTestFailed, { reason });
    case 'unknown':
      return fill(t.maintTestUnknown, { reason });
    case 'intent':
      return t.maintTestRunning;
  }
};

export const noteText = (t: Strings, note: ResolveNote): string =>
  ({
    dropped: t.maintNoteDropped,
    'not-dropped': t.maintNoteNotDropped,
    served: t.maintNoteServed,
    refunded: t.maintNoteRefunded,
  })[note];

/** The confirmation line for an operator tool that finished; null for the other tasks. */
export const operatorDoneText = (t: Strings, done: DoneTask, status: MaintenanceStatus): string | null => {
  const operator = status.operator;
  switch (done) {
    case 'test':
      return operator?.lastTest
        ? fill(t.maintTestDone, { outcome: testOutcomeText(t, operator.lastTest) })
        : null;
    case 'restock':
      return t.maintRestocked;
    case 'resolve':
      return t.maintResolved;
    case 'service':
      return operator?.service.inService === false ? t.maintServiceTakenOff : t.maintServiceBackOn;
    case 'sound':
      return t.maintSoundSaved;
    default:
      return null;
  }
};

/**
 * Why a tool did nothing, in the operator's terms: the customer sentences for `busy` or `out-of-service` would
 * send an operator to look for the wrong thing.
 */
export const operatorErrorText = (t: Strings, task: MaintenanceTask | null, error: IpcError): string => {
  if (task === 'test') {
    if (error.code === 'busy') return t.maintTestBusy;
    if (error.code === 'out-of-service') return t.maintTestBoardOut;
    if (error.code === 'invalid-input') return t.maintTestNotConfigured;
  }
  if (task === 'restock' && error.code === 'invalid-input') return t.maintRestockInvalid;
  if (task === 'resolve' && error.code === 'invalid-input') return t.maintResolveInvalid;
  return t.errors[error.code];
};
