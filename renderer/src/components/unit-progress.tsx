import type { UnitOutcome } from '../flow/flow-state';
import { useStrings } from '../i18n/i18n-context';
import type { Strings } from '../i18n/strings';

type UnitProgressProps = {
  readonly unit: number;
  readonly of: number;
  readonly outcomes: readonly (UnitOutcome | undefined)[];
};

type MarkerState = UnitOutcome | 'current' | 'waiting';

const markerLabel = (t: Strings, state: MarkerState): string => {
  if (state === 'success') return t.unitDropped;
  if (state === 'failed') return t.unitFailed;
  if (state === 'unknown') return t.unitUnknown;
  if (state === 'current') return t.unitCurrent;
  return t.unitWaiting;
};

/** One marker per unit, so "n of m" is visible as well as readable. */
export const UnitProgress = ({ unit, of, outcomes }: UnitProgressProps) => {
  const t = useStrings();
  return (
    <ol className="unit-progress">
      {Array.from({ length: of }, (_, index) => {
        const state: MarkerState = outcomes[index] ?? (index + 1 === unit ? 'current' : 'waiting');
        return (
          <li key={index} className={`unit-progress__unit unit-progress__unit--${state}`} data-state={state}>
            <span className="unit-progress__number">{index + 1}</span>
            <span className="unit-progress__label">{markerLabel(t, state)}</span>
          </li>
        );
      })}
    </ol>
  );
};
