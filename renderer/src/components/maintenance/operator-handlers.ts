import type { SetSoundInput } from '../../../../electron/contract/operator-schemas';
import type { DialogAction } from '../../flow/operator-dialog';

/** What the operator-tool parts of the maintenance screen can ask for; the hook behind them talks to main. */
export type OperatorScreenHandlers = {
  readonly onTool: (action: DialogAction) => void;
  readonly onConfirmTest: () => void;
  readonly onConfirmRestock: () => void;
  /** With the chosen answer in the screen's words. */
  readonly onConfirmResolve: (note: string) => void;
  readonly onConfirmService: () => void;
  readonly onSetSound: (change: SetSoundInput) => void;
  readonly onLoadLog: () => void;
  readonly onHideLog: () => void;
};
