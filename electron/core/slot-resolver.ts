import type { BoardConfig } from './config/schema';
import type { DispenseRequest } from './ports/board';

/** Turns the configured boards into the dispense parameters of one slot; null for a board not configured. */
export const slotResolver =
  (boards: readonly BoardConfig[]) =>
  (addr: number, slot: number): DispenseRequest | null => {
    const board = boards.find((b) => b.addr === addr);
    if (!board || slot < 0 || slot > 99) return null;
    return {
      addr,
      slot,
      type: board.slotTypes[String(slot)] ?? board.defaultSlotType,
      dropCheck: board.dropSensor,
      lift: board.lift,
    };
  };
