import type {
  CredentialStoreView,
  MaintenanceDiagnostics,
  MaintenanceStatus,
} from '../../contract/maintenance-schemas';
import type { KioskCore } from '../../core/create-kiosk-core';
import type { Diagnostics } from '../../core/diagnostics';
import { operatorViewOf } from '../operator/operator-tools';

/** What the shell knows about this install that the core does not: its number, version and key store. */
export type MachineIdentity = {
  readonly machineNo: string;
  readonly version: string;
  readonly credentialStore: CredentialStoreView;
};

/**
 * Copies the core's diagnostics field by field, so a field added to them later does not cross the bridge
 * unseen: the redemption rows carry code hashes, and only the masked code may be shown.
 */
export const diagnosticsView = (d: Diagnostics): MaintenanceDiagnostics => ({
  outboxLength: d.outboxLength,
  slotLocks: d.slotLocks.map(({ addr, slot, kind, reason, lockedAt }) => ({
    addr,
    slot,
    kind,
    reason,
    lockedAt,
  })),
  needsAttention: d.needsAttention.map((r) => ({
    redemptionId: r.id,
    codeMask: r.codeMask,
    slotName: r.slotName,
    note: r.note,
    at: r.updatedAt,
  })),
  owed: d.owed.map((r) => ({
    redemptionId: r.id,
    codeMask: r.codeMask,
    slotName: r.slotName,
    owed: r.owed,
    at: r.updatedAt,
  })),
  boardsOut: d.boardsOut.map(({ addr, kind, reason }) => ({ addr, kind, reason })),
  openRedemptions: d.openRedemptions,
  cacheAgeMs: d.cacheAgeMs,
  clockSkewMs: d.clockSkewMs,
  ...(d.liveLink
    ? {
        liveLink: {
          state: d.liveLink.state,
          waiting: d.liveLink.waiting,
          accepted: d.liveLink.accepted,
          dropped: Object.values(d.liveLink.dropped).reduce((a, b) => a + b, 0),
          lastError: d.liveLink.lastError,
        },
      }
    : {}),
});

export const runningStatus = (
  core: Pick<KioskCore, 'getState' | 'diagnostics' | 'operator'>,
  identity: MachineIdentity,
): MaintenanceStatus => {
  const state = core.getState();
  return {
    ...identity,
    machineName: state.machineName,
    mode: state.mode,
    phase: state.phase,
    outOfServiceReason: null,
    board: state.board,
    diagnostics: diagnosticsView(core.diagnostics()),
    operator: operatorViewOf(core.operator.view()),
  };
};

/** Out of service the core never started: no board link, no journal, only why. */
export const outOfServiceStatus = (
  identity: MachineIdentity & { readonly machineName: string; readonly reason: string },
): MaintenanceStatus => ({
  machineNo: identity.machineNo,
  version: identity.version,
  credentialStore: identity.credentialStore,
  machineName: identity.machineName,
  mode: 'live',
  phase: 'out-of-service',
  outOfServiceReason: identity.reason,
  board: 'down',
  diagnostics: null,
});
