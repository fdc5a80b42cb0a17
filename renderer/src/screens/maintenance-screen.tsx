import type { SlotAddress } from '../../../electron/contract';
import { BigButton } from '../components/big-button';
import { AttentionList } from '../components/maintenance/attention-list';
import { BoardsOutList } from '../components/maintenance/boards-out-list';
import type { OperatorScreenHandlers } from '../components/maintenance/operator-handlers';
import { OwedList } from '../components/maintenance/owed-list';
import { RecentLog } from '../components/maintenance/recent-log';
import { ServicePanel } from '../components/maintenance/service-panel';
import { SoundPanel } from '../components/maintenance/sound-panel';
import type { Sound } from '../../../electron/contract/schemas';
import { SlotTools } from '../components/maintenance/slot-tools';
import { SlotLockList } from '../components/maintenance/slot-lock-list';
import { StatusFacts } from '../components/maintenance/status-facts';
import type { MaintenanceState } from '../flow/maintenance-state';
import { operatorDoneText, operatorErrorText } from '../flow/operator-feedback';
import { useStrings } from '../i18n/i18n-context';
import { fill, type Strings } from '../i18n/strings';

type StatusStep = Extract<MaintenanceState, { step: 'status' }>;

type MaintenanceScreenProps = {
  readonly state: StatusStep;
  readonly onAskClear: (lock: SlotAddress) => void;
  readonly onCancelClear: () => void;
  readonly onConfirmClear: () => void;
  readonly onAskSettle: (redemptionId: string) => void;
  readonly onCancelSettle: () => void;
  readonly onConfirmSettle: () => void;
  readonly onRetryOutbox: () => void;
  readonly onRefresh: () => void;
  readonly onClose: () => void;
  /** The operator tools: test a slot, restock, resolve attention, the service switch, the recent log. */
  readonly tools: OperatorScreenHandlers;
  readonly sound: Sound | undefined;
};

/** One line under the lists: what is happening, what just finished, or what went wrong. */
const feedback = (t: Strings, state: StatusStep): string | null => {
  if (state.pending !== null) return t.maintWorking;
  if (state.error !== null) return operatorErrorText(t, state.failed, state.error);
  if (state.done === 'clear') return t.maintUnlocked;
  if (state.done === 'settle') return t.maintSettled;
  if (state.done === 'retry') return fill(t.maintSent, { n: state.status.diagnostics?.outboxLength ?? 0 });
  if (state.done !== null) return operatorDoneText(t, state.done, state.status);
  return null;
};

/** What the operator came for: why, what is locked, what needs a look, and the few things they can do. */
export const MaintenanceScreen = ({ state, tools, sound, ...on }: MaintenanceScreenProps) => {
  const t = useStrings();
  const { status, pending, tool } = state;
  const d = status.diagnostics;
  const operator = status.operator;
  const cancelTool = () => {
    tools.onTool({ type: 'cancel' });
  };
  const line = feedback(t, state);
  return (
    <section className="screen maintenance" data-screen="maintenance" aria-labelledby="maintenance-title">
      <div className="maintenance__head">
        <h1 id="maintenance-title" className="screen__title">
          {t.maintTitle}
        </h1>
        <p className="screen__hint">
          {fill(t.maintMachineLine, {
            machineNo: status.machineNo,
            name: status.machineName,
            version: status.version,
          })}
        </p>
        {status.mode === 'demo' ? <p className="maintenance__tag">{t.maintModeDemo}</p> : null}
      </div>
      <div className="maintenance__body">
        {status.outOfServiceReason === null ? null : (
          <section className="maintenance__alert" aria-labelledby="out-of-service-title">
            <h2 id="out-of-service-title" className="maintenance-section__title">
              {t.maintOutOfService}
            </h2>
            <p data-testid="out-of-service-reason">{status.outOfServiceReason}</p>
          </section>
        )}
        <StatusFacts status={status} />
        {operator === undefined ? null : (
          <ServicePanel
            service={operator.service}
            asking={tool?.kind === 'service'}
            busy={pending !== null}
            onAsk={(inService) => {
              tools.onTool({ type: 'ask-service', inService });
            }}
            onCancel={cancelTool}
            onConfirm={tools.onConfirmService}
          />
        )}
        {sound === undefined ? null : (
          <SoundPanel sound={sound} busy={pending !== null} onChange={tools.onSetSound} />
        )}
        {d === null ? (
          <p className="screen__text">{t.maintNoDiagnostics}</p>
        ) : (
          <>
            <BoardsOutList boards={d.boardsOut} />
            <SlotLockList
              locks={d.slotLocks}
              confirm={state.confirm}
              busy={pending !== null}
              onAsk={on.onAskClear}
              onCancel={on.onCancelClear}
              onConfirm={on.onConfirmClear}
            />
            <OwedList
              items={d.owed}
              confirm={state.confirmSettle}
              busy={pending !== null}
              onAsk={on.onAskSettle}
              onCancel={on.onCancelSettle}
              onConfirm={on.onConfirmSettle}
            />
            <AttentionList
              items={d.needsAttention}
              {...(operator === undefined
                ? {}
                : {
                    resolve: {
                      asking: tool?.kind === 'resolve' ? tool : null,
                      busy: pending !== null,
                      onAsk: (redemptionId: string) => {
                        tools.onTool({ type: 'ask-resolve', redemptionId });
                      },
                      onPick: (note) => {
                        tools.onTool({ type: 'pick-note', note });
                      },
                      onCancel: cancelTool,
                      onConfirm: tools.onConfirmResolve,
                    },
                  })}
            />
            {operator === undefined ? null : (
              <SlotTools
                slots={operator.slots}
                lastTest={operator.lastTest}
                dialog={tool}
                busy={pending !== null}
                on={tools}
              />
            )}
          </>
        )}
        <RecentLog
          events={state.log}
          busy={pending !== null}
          onLoad={tools.onLoadLog}
          onHide={tools.onHideLog}
        />
      </div>
      <p
        className={`maintenance__feedback${state.error === null ? '' : ' maintenance__error'}`}
        role="status"
      >
        {line ?? ''}
      </p>
      <div className="maintenance__actions">
        <BigButton tone="secondary" onPress={on.onRetryOutbox} disabled={d === null || pending !== null}>
          {t.maintRetryOutbox}
        </BigButton>
        <BigButton tone="secondary" onPress={on.onRefresh} disabled={pending !== null}>
          {t.maintRefresh}
        </BigButton>
        <BigButton tone="primary" onPress={on.onClose}>
          {t.maintClose}
        </BigButton>
      </div>
    </section>
  );
};
