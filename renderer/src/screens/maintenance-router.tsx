import type { Sound } from '../../../electron/contract/schemas';
import { canSubmitPin } from '../flow/maintenance-state';
import type { Maintenance } from '../hooks/use-maintenance';
import { MaintenancePinScreen } from './maintenance-pin-screen';
import { MaintenanceScreen } from './maintenance-screen';

/** The maintenance step's screen; shown instead of the customer's while maintenance is open. */
type MaintenanceRouterProps = {
  readonly maintenance: Maintenance;
  /** The kiosk's sound as the customer hears it, from the state events; absent before the first. */
  readonly sound: Sound | undefined;
};

export const MaintenanceRouter = ({ maintenance, sound }: MaintenanceRouterProps) => {
  const { state, dispatch } = maintenance;
  if (state.step === 'pin') {
    return (
      <MaintenancePinScreen
        pinLength={state.pin.length}
        pending={state.pending}
        canSubmit={canSubmitPin(state)}
        error={state.error}
        onDigit={(key) => {
          dispatch({ type: 'pin-key', key });
        }}
        onDelete={() => {
          dispatch({ type: 'pin-delete' });
        }}
        onClear={() => {
          dispatch({ type: 'pin-clear' });
        }}
        onSubmit={maintenance.submitPin}
        onCancel={maintenance.close}
      />
    );
  }
  if (state.step === 'status') {
    return (
      <MaintenanceScreen
        state={state}
        sound={sound}
        onAskClear={(lock) => {
          dispatch({ type: 'ask-clear', lock });
        }}
        onCancelClear={() => {
          dispatch({ type: 'cancel-clear' });
        }}
        onConfirmClear={maintenance.confirmClear}
        onAskSettle={(redemptionId) => {
          dispatch({ type: 'ask-settle', redemptionId });
        }}
        onCancelSettle={() => {
          dispatch({ type: 'cancel-settle' });
        }}
        onConfirmSettle={maintenance.confirmSettle}
        onRetryOutbox={maintenance.retryOutbox}
        onRefresh={maintenance.refresh}
        onClose={maintenance.close}
        tools={{
          onTool: (action) => {
            dispatch({ type: 'tool', action });
          },
          onConfirmTest: maintenance.confirmTest,
          onConfirmRestock: maintenance.confirmRestock,
          onConfirmResolve: maintenance.confirmResolve,
          onConfirmService: maintenance.confirmService,
          onSetSound: maintenance.setSound,
          onLoadLog: maintenance.loadLog,
          onHideLog: () => {
            dispatch({ type: 'hide-log' });
          },
        }}
      />
    );
  }
  return null;
};
