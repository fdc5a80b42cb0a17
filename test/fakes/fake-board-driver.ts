import type { Result } from '../../electron/contract/result';
import { err, ok } from '../../electron/contract/result';
import type {
  BoardDriver,
  BoardError,
  DispenseHooks,
  DispenseOutcome,
  DispenseRequest,
  InterruptedContext,
  PreflightPass,
  ShipmentStatus,
} from '../../electron/core/ports/board';
import type { LinkStatus } from '../../electron/core/ports/serial-link';
import type { HardwareConfig } from '../../electron/core/protocol/modbus/replies';

/**
 * A BoardDriver with control handles: queue outcomes for the next dispenses, script the interrupted-dispense
 * assessment, and read back every command it was given (the "wire").
 */
export class FakeBoardDriver implements BoardDriver {
  readonly dispensed: DispenseRequest[] = [];
  readonly assessed: DispenseRequest[] = [];
  private readonly queued: DispenseOutcome[] = [];
  private link: LinkStatus = 'connected';
  private readonly linkListeners = new Set<(s: LinkStatus) => void>();
  assessment: DispenseOutcome = { outcome: 'unknown', reason: 'no answer' };
  /** Called before a dispense resolves: lets a test crash or inspect mid-dispense. */
  onDispense: ((req: DispenseRequest) => void) | null = null;

  queue(...outcomes: DispenseOutcome[]): void {
    this.queued.push(...outcomes);
  }

  setLink(status: LinkStatus): void {
    this.link = status;
    this.linkListeners.forEach((l) => {
      l(status);
    });
  }

  /** Whether the next dispenses are acknowledged by the "board" (their echo) before they settle. */
  acknowledges = true;
  readonly contexts: InterruptedContext[] = [];

  dispense(req: DispenseRequest, hooks: DispenseHooks = {}): Promise<DispenseOutcome> {
    this.dispensed.push(req);
    this.passesSeen.push(hooks.preflight);
    if (this.acknowledges) hooks.onAccepted?.();
    this.onDispense?.(req);
    return Promise.resolve(this.queued.shift() ?? { outcome: 'success' });
  }

  /** What the next preflights answer: null lets dispenses start; a text refuses them with that reason. */
  preflightRefusal: string | null = null;
  readonly preflights: DispenseRequest[] = [];

  /** The preflight passes each dispense was handed (undefined when none was). */
  readonly passesSeen: (PreflightPass | undefined)[] = [];

  preflight(req: DispenseRequest): Promise<Result<PreflightPass, string>> {
    this.preflights.push(req);
    const pass: PreflightPass = {
      addr: req.addr,
      status: { runStatus: 'idle', faultCode: 0 },
      epoch: this.preflights.length,
      at: 0,
    };
    return Promise.resolve(this.preflightRefusal === null ? ok(pass) : err(this.preflightRefusal));
  }

  /** What each board answers for its hardware configuration; absent boards report a drop sensor and no lift. */
  readonly hardware = new Map<number, Result<HardwareConfig, BoardError>>();

  hardwareConfig(addr: number): Promise<Result<HardwareConfig, BoardError>> {
    return Promise.resolve(this.hardware.get(addr) ?? ok({ rows: 10, columns: 10, flags: 0x1 }));
  }

  shipmentStatus(_addr: number): Promise<Result<ShipmentStatus, BoardError>> {
    return Promise.resolve(ok({ runStatus: 'idle', faultCode: 0 }));
  }

  assessInterrupted(req: DispenseRequest, context: InterruptedContext): Promise<DispenseOutcome> {
    this.assessed.push(req);
    this.contexts.push(context);
    return Promise.resolve(this.assessment);
  }

  linkStatus(): LinkStatus {
    return this.link;
  }

  onLinkStatus(listener: (status: LinkStatus) => void): () => void {
    this.linkListeners.add(listener);
    return () => this.linkListeners.delete(listener);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
