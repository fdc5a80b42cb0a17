import type { IpcError } from '../../contract/errors';
import type { MaintenanceStatus } from '../../contract/maintenance-schemas';
import { err, type Result } from '../../contract/result';
import type { IpcHandlers } from '../ipc/create-ipc-dispatcher';
import { stoppedOperatorTools, type OperatorTools } from '../operator/operator-tools';
import type { MaintenanceSession } from './maintenance-session';

export type OperatorMethod =
  | 'maintenanceTestDispense'
  | 'maintenanceRestock'
  | 'maintenanceResolveAttention'
  | 'maintenanceSetService'
  | 'maintenanceSetSound'
  | 'maintenanceRecentLog';

export type OperatorHandlers = Pick<IpcHandlers, OperatorMethod>;

/** After an action the screen shows the kiosk as it is now: the slot's stock, the lock a test set, the switch. */
const thenStatus = async <T>(
  session: MaintenanceSession,
  acted: Promise<Result<T, IpcError>>,
): Promise<Result<MaintenanceStatus, IpcError>> => {
  const answer = await acted;
  return answer.ok ? session.status() : answer;
};

/** The operator tools on the PIN-gated screen; each is audited as `maintenance.<tool>` with its source. */
export const operatorHandlers = (session: MaintenanceSession, tools: OperatorTools): OperatorHandlers => ({
  maintenanceTestDispense: (input) =>
    thenStatus(
      session,
      session.act(
        'test-dispense',
        { addr: input.addr, slot: input.slot },
        () => tools.testDispense(input, 'maintenance'),
        (t) => ({ test: t.id, outcome: t.state, reason: t.reason }),
      ),
    ),
  maintenanceRestock: (input) =>
    thenStatus(
      session,
      session.act(
        'restock',
        { productId: input.productId, count: input.count },
        () => Promise.resolve(tools.restock(input)),
        (r) => ({ from: r.from, to: r.to }),
      ),
    ),
  maintenanceResolveAttention: (input) =>
    thenStatus(
      session,
      session.act(
        'resolve-attention',
        { redemption: input.redemptionId, note: input.note },
        () => Promise.resolve(tools.resolveAttention(input, 'maintenance')),
        () => ({}),
      ),
    ),
  maintenanceSetService: (input) =>
    thenStatus(
      session,
      session.act(
        input.inService ? 'service-on' : 'service-off',
        {},
        () => Promise.resolve(tools.setService(input, 'maintenance')),
        (s) => ({ inService: s.inService }),
      ),
    ),
  maintenanceSetSound: (input) =>
    thenStatus(
      session,
      session.act(
        'sound',
        { ...input },
        () => Promise.resolve(tools.setSound(input)),
        (sound) => ({ volume: sound.volume, muted: sound.muted }),
      ),
    ),
  maintenanceRecentLog: (input) =>
    session.act(
      'recent-log',
      { lines: input.lines },
      () => Promise.resolve(tools.recentLog(input)),
      (log) => ({ shown: log.events.length }),
    ),
});

/** No tools where the core never runs; the log still comes from the folder. */
export const noOperatorTools: OperatorTools = stoppedOperatorTools(() => []);

const forbidden = () => Promise.resolve(err({ code: 'forbidden' as const }));

/** The screen cannot open (no PIN hash): there is never a session for the tools either. */
export const operatorDisabledHandlers: OperatorHandlers = {
  maintenanceTestDispense: forbidden,
  maintenanceRestock: forbidden,
  maintenanceResolveAttention: forbidden,
  maintenanceSetService: forbidden,
  maintenanceSetSound: forbidden,
  maintenanceRecentLog: forbidden,
};
