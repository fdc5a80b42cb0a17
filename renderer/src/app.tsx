import { useCallback, useMemo, useReducer } from 'react';
import type { KioskApi } from '../../electron/contract';
import { DemoBanner } from './components/demo-banner';
import { IdlePrompt } from './components/idle-prompt';
import { MaintenanceCorner } from './components/maintenance-corner';
import { flowReducer, initialFlowState } from './flow/flow-reducer';
import { idlePlan } from './flow/screen-timing';
import { lockDeadline, selectScreen } from './flow/select-screen';
import { parseScan } from './flow/scan-parse';
import type { ScreenName } from './flow/select-screen';
import type { FlowState } from './flow/flow-state';
import { useSounds } from './hooks/use-sounds';
import { browserSoundPlayer, type SoundPlayer } from './sound/sound-player';
import { speechForScreen } from './sound/speech-cues';
import { useHardwareKeys } from './hooks/use-hardware-keys';
import { useIdleCountdown } from './hooks/use-idle-countdown';
import { useIdleTimer } from './hooks/use-idle-timer';
import { useKioskFeed } from './hooks/use-kiosk-feed';
import { MAINTENANCE_IDLE_SECONDS, useMaintenance } from './hooks/use-maintenance';
import { useNow } from './hooks/use-now';
import { useSubmit } from './hooks/use-submit';
import { languageFor, StringsProvider, stringTables } from './i18n/i18n-context';
import { MaintenanceRouter } from './screens/maintenance-router';
import { ScreenRouter } from './screens/screen-router';

/** Screens where a scan is taken: entry, and the outcomes a new customer may find still showing. */
const SCANNABLE: ReadonlySet<ScreenName> = new Set([
  'entry',
  'attract',
  'success',
  'partial',
  'failed',
  'attention',
]);

/** The whole touch flow: one reducer, fed by taps, keys, the kiosk's events and its answers. */
/** The sentence a screen says when it appears (sound/speech-cues.ts), from what the state knows of it. */
const speechOf = (state: FlowState, screen: ScreenName) =>
  speechForScreen(screen, {
    refused: state.flow.step === 'rejected',
    units: state.flow.step === 'finished' ? state.flow.result.of : 1,
  });

type AppProps = {
  readonly api: KioskApi;
  /** The page's audio by default; tests hand in a recording one. */
  readonly player?: SoundPlayer;
};

const pagePlayer = browserSoundPlayer();

export const App = ({ api, player = pagePlayer }: AppProps) => {
  const [state, dispatch] = useReducer(flowReducer, initialFlowState);
  useKioskFeed(api, dispatch);

  const deadline = lockDeadline(state);
  const now = useNow(deadline);
  const screen = selectScreen(state, now);
  const submit = useSubmit(api, state, dispatch);
  const maintenance = useMaintenance(api);
  const inMaintenance = maintenance.state.step !== 'closed';
  useIdleTimer(MAINTENANCE_IDLE_SECONDS, inMaintenance, maintenance.close);

  const onIdle = useCallback(() => {
    dispatch({ type: 'idle' });
  }, []);
  const idle = useIdleCountdown(idlePlan(state, screen, !inMaintenance), onIdle);
  const prompting = idle.prompt !== null;
  // Never over a redemption, its outcome or "Still there?": the way in exists only where a customer would start.
  // Out of service and locked out included (an operator is needed there most); the attract screen is woken first.
  const mayEnterMaintenance =
    !inMaintenance && state.flow.step === 'entry' && screen !== 'attract' && !prompting;

  const keyHandlers = useMemo(
    () => ({
      onCharacter: (key: string) => {
        dispatch({ type: 'key', key });
      },
      onDelete: () => {
        dispatch({ type: 'delete' });
      },
      onClear: () => {
        dispatch({ type: 'clear' });
      },
      onSubmit: () => {
        submit();
      },
      onScan: (text: string) => {
        const reading = parseScan(text);
        if (reading.kind === 'code') submit(reading.code);
        else dispatch({ type: 'scan-unreadable' });
      },
    }),
    [submit],
  );
  // On an outcome screen too: a scan there starts the next customer's pickup (typing there changes nothing).
  useHardwareKeys(SCANNABLE.has(screen) && !inMaintenance, keyHandlers);

  const language = languageFor(state.chosenLanguage ?? state.kiosk?.language);
  useSounds(player, {
    sound: state.kiosk?.sound,
    // Behind the maintenance screen the customer's screen is not on show: nothing of it is heard either.
    screen: inMaintenance ? 'starting' : screen,
    speech: inMaintenance ? null : speechOf(state, screen),
    language,
    greeting: state.greeting,
  });
  return (
    <StringsProvider value={stringTables[language]}>
      <div
        className="app"
        lang={language}
        data-active-screen={inMaintenance ? `maintenance-${maintenance.state.step}` : screen}
      >
        {mayEnterMaintenance ? <MaintenanceCorner onHold={maintenance.begin} /> : null}
        {state.kiosk?.mode === 'demo' ? <DemoBanner /> : null}
        {/* Behind "Still there?" the screen is out of reach, for touch (the sheet covers it) and focus alike. */}
        <header className="app__header" inert={prompting}>
          {state.kiosk?.machineName ?? ''}
        </header>
        <main className="app__main" inert={prompting}>
          {inMaintenance ? (
            <MaintenanceRouter maintenance={maintenance} sound={state.kiosk?.sound} />
          ) : (
            <ScreenRouter
              screen={screen}
              state={state}
              now={now}
              dispatch={dispatch}
              onSubmit={submit}
              stay={idle.stay}
            />
          )}
        </main>
        {idle.prompt === null ? null : (
          <IdlePrompt
            secondsLeft={idle.prompt}
            forgets={screen === 'entry' ? 'code' : 'screen'}
            onStillHere={idle.stillHere}
          />
        )}
      </div>
    </StringsProvider>
  );
};
