import { useCallback } from 'react';
import type { IpcError, KioskApi, MaintenanceStatus, Result } from '../../../electron/contract';
import type { SetSoundInput } from '../../../electron/contract/operator-schemas';
import type { MaintenanceState, MaintenanceTask } from '../flow/maintenance-state';
import { typedCount } from '../flow/operator-dialog';

/** How many log lines the screen asks for: "the last few hundred". */
export const LOG_LINES = 300;

type Run = (task: MaintenanceTask, call: () => Promise<Result<MaintenanceStatus, IpcError>>) => void;

export type OperatorCalls = {
  readonly confirmTest: () => void;
  readonly confirmRestock: () => void;
  /** `note` is the chosen answer in the screen's words: what the audit log keeps. */
  readonly confirmResolve: (note: string) => void;
  readonly confirmService: () => void;
  /** Volume and mute take effect at once: nothing to confirm, and the next tap puts it back. */
  readonly setSound: (change: SetSoundInput) => void;
  readonly loadLog: () => void;
};

/** The operator tools' calls to main: each sends what the question on screen was answered with, once. */
export const useOperatorCalls = (
  api: KioskApi,
  state: MaintenanceState,
  run: Run,
  runLog: (call: () => ReturnType<KioskApi['maintenanceRecentLog']>) => void,
): OperatorCalls => {
  const tool = state.step === 'status' ? state.tool : null;

  const confirmTest = useCallback(() => {
    if (tool?.kind !== 'test') return;
    const { addr, slot } = tool;
    run('test', () => api.maintenanceTestDispense({ addr, slot }));
  }, [api, run, tool]);

  const confirmRestock = useCallback(() => {
    if (tool?.kind !== 'restock' || !tool.confirming) return;
    const count = typedCount(tool);
    if (count === null) return;
    const { productId } = tool;
    run('restock', () => api.maintenanceRestock({ productId, count }));
  }, [api, run, tool]);

  const confirmResolve = useCallback(
    (note: string) => {
      if (tool?.kind !== 'resolve' || tool.note === null) return;
      const { redemptionId } = tool;
      run('resolve', () => api.maintenanceResolveAttention({ redemptionId, note }));
    },
    [api, run, tool],
  );

  const confirmService = useCallback(() => {
    if (tool?.kind !== 'service') return;
    const { inService } = tool;
    run('service', () => api.maintenanceSetService({ inService }));
  }, [api, run, tool]);

  const setSound = useCallback(
    (change: SetSoundInput) => {
      run('sound', () => api.maintenanceSetSound(change));
    },
    [api, run],
  );

  const loadLog = useCallback(() => {
    runLog(() => api.maintenanceRecentLog({ lines: LOG_LINES }));
  }, [api, runLog]);

  return { confirmTest, confirmRestock, confirmResolve, confirmService, setSound, loadLog };
};
