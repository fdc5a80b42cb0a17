import type { StockChange } from '../ports/store';

/** A count never goes below zero: a slot reported empty by the cloud can still drop the item it held. */
export const applyStockChange = (figure: number, change: StockChange): number =>
  'setTo' in change ? Math.max(0, change.setTo) : Math.max(0, figure + change.delta);

/** The cloud's figure with the changes it has not seen applied on top, in the order they happened. */
export const reconcileFigure = (cloudFigure: number, changes: readonly StockChange[]): number =>
  changes.reduce(applyStockChange, cloudFigure);
