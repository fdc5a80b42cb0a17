import type { ControlRequest } from '../../contract/control-schemas';
import { MAX_LOG_LINES } from '../../contract/operator-schemas';
import { intValue, requireValue, UsageError, type ParsedArgs } from '../args';

/** Without `--lines`, "the last few hundred". */
export const DEFAULT_LOG_LINES = 200;

const inRange = (parsed: ParsedArgs, name: string, min: number, max: number, fallback?: number): number => {
  const n = intValue(parsed, name, fallback);
  if (n < min || n > max) throw new UsageError(`--${name} must be ${min}–${max}`);
  return n;
};

/**
 * One `kioskctl kiosk <action> …` command line as the control request it sends. Only the shape is checked
 * here; the kiosk parses it again with the same schema the maintenance screen's IPC uses.
 */
export const requestFor = (action: string | undefined, parsed: ParsedArgs): ControlRequest => {
  switch (action) {
    case 'status':
      return { command: 'status' };
    case 'test-dispense':
      return {
        command: 'test-dispense',
        addr: inRange(parsed, 'board', 1, 8),
        slot: inRange(parsed, 'slot', 0, 99),
      };
    case 'restock':
      return {
        command: 'restock',
        productId: inRange(parsed, 'product', 1, 2_147_483_647),
        count: inRange(parsed, 'count', 0, 9999),
      };
    case 'resolve':
      return {
        command: 'resolve',
        redemptionId: requireValue(parsed, 'id'),
        note: requireValue(parsed, 'note'),
      };
    case 'service': {
      const [, state] = parsed.positionals;
      if (state !== 'on' && state !== 'off') throw new UsageError('service needs "on" or "off"');
      return { command: 'service', inService: state === 'on' };
    }
    case 'log':
      return { command: 'log', lines: inRange(parsed, 'lines', 1, MAX_LOG_LINES, DEFAULT_LOG_LINES) };
    default:
      throw new UsageError(action === undefined ? 'missing action' : `unknown action "${action}"`);
  }
};
