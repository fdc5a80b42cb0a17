import {
  controlRequestSchema,
  type ControlRequest,
  type ControlResponse,
} from '../../contract/control-schemas';
import { maintenanceStatusSchema } from '../../contract/maintenance-schemas';
import { ok, type Result } from '../../contract/result';
import type { LogFields, Logger } from '../../core/ports/logger';
import type { ControlTarget } from '../maintenance/wire-maintenance';
import type { OperatorRefusal } from '../operator/operator-tools';

type Answer = { readonly result: Result<unknown, OperatorRefusal>; readonly detail: LogFields };

const answered = <T>(result: Result<T, OperatorRefusal>, detail: (value: T) => LogFields): Answer => ({
  result,
  detail: result.ok ? detail(result.value) : { refused: result.error.code, reason: result.error.reason },
});

/** Runs one parsed request against the running kiosk; every tool is told its caller is `kioskctl`. */
const run = async (target: ControlTarget, request: ControlRequest): Promise<Answer> => {
  const { tools } = target;
  switch (request.command) {
    case 'status':
      // Checked against the screen's contract: the same masked codes, nothing that may not be shown.
      return answered(ok(maintenanceStatusSchema.parse(target.status())), () => ({}));
    case 'test-dispense':
      return answered(await tools.testDispense(request, 'kioskctl'), (t) => ({
        test: t.id,
        outcome: t.state,
        reason: t.reason,
      }));
    case 'restock':
      return answered(tools.restock(request), (r) => ({ from: r.from, to: r.to }));
    case 'resolve':
      return answered(tools.resolveAttention(request, 'kioskctl'), () => ({}));
    case 'service':
      return answered(tools.setService(request, 'kioskctl'), (s) => ({ inService: s.inService }));
    case 'log':
      return answered(tools.recentLog(request), (l) => ({ shown: l.events.length }));
  }
};

/** What a request asked for, for the audit: its arguments, never more than the schema let through. */
const askedOf = (request: ControlRequest): LogFields => {
  const { id: _id, command: _command, ...args } = request;
  return args;
};

/**
 * The control channel's one entry, like the IPC dispatcher: parse with the contract's schema, run, and always
 * answer. Every command is logged and written to the audit log as `kioskctl.<command>`, with what it asked and
 * how it ended. A throw is a bug: logged, answered `internal`, never with its message.
 */
export const createControlHandler =
  (target: ControlTarget, logger: Logger) =>
  async (raw: unknown): Promise<ControlResponse> => {
    const parsed = controlRequestSchema.safeParse(raw);
    if (!parsed.success) {
      logger.warn('kioskctl.invalid-request');
      const reason = 'not a request this kiosk understands (see kioskctl kiosk help)';
      return { id: null, ok: false, error: { code: 'invalid-input', reason } };
    }
    const request = parsed.data;
    const id = request.id ?? null;
    const kind = `kioskctl.${request.command}`;
    try {
      const { result, detail } = await run(target, request);
      const fields = { ...askedOf(request), ...detail };
      if (result.ok) logger.info(kind, fields);
      else logger.warn(kind, fields);
      target.audit(kind, { source: 'kioskctl', ...fields });
      return result.ok ? { id, ok: true, value: result.value } : { id, ok: false, error: result.error };
    } catch (e) {
      logger.error('kioskctl.internal', {
        command: request.command,
        error: e instanceof Error ? e.name : 'non-error',
      });
      return { id, ok: false, error: { code: 'internal', reason: 'the kiosk could not run that command' } };
    }
  };
