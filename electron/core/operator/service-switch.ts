import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { KioskStore } from '../ports/store';
import type { OperatorSource } from '../ports/test-dispense-store';

/** Whether an operator has the machine in service; `since`/`by` say when and from where it was taken out. */
export type ServiceState = {
  readonly inService: boolean;
  readonly since: number | null;
  readonly by: OperatorSource | null;
};

/** In `meta`, so a restart (or a crash) keeps a machine an operator took out of service out of it. */
export const SERVICE_META_KEY = 'operator.service';

const IN_SERVICE: ServiceState = { inService: true, since: null, by: null };

const isSource = (v: unknown): v is OperatorSource =>
  v === 'maintenance' || v === 'kioskctl' || v === 'vendor';

const parse = (raw: string): ServiceState | null => {
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v !== 'object' || v === null || !('inService' in v)) return null;
    if (v.inService === true) return IN_SERVICE;
    if (v.inService !== false) return null;
    const since = 'since' in v && typeof v.since === 'number' ? v.since : null;
    const by = 'by' in v && isSource(v.by) ? v.by : null;
    return { inService: false, since, by };
  } catch {
    return null;
  }
};

export type ServiceSwitch = {
  current(): ServiceState;
  /** Persists and audits a change; asking for the state it is already in changes nothing. */
  set(inService: boolean, by: OperatorSource): ServiceState;
};

/**
 * The operator's out-of-service switch. A stored value that cannot be read keeps the machine out of service
 * (and says so): someone took it out, and only an operator should put it back.
 */
export const createServiceSwitch = (deps: {
  readonly store: KioskStore;
  readonly clock: Clock;
  readonly logger: Logger;
}): ServiceSwitch => {
  const { store, clock, logger } = deps;
  const stored = store.getMeta(SERVICE_META_KEY);
  let state = stored === null ? IN_SERVICE : parse(stored);
  if (state === null) {
    logger.error('service.state-unreadable', { fix: 'put the kiosk back in service from maintenance' });
    state = { inService: false, since: null, by: null };
  }
  let current: ServiceState = state;
  return {
    current: () => current,
    set(inService, by) {
      if (current.inService === inService) return current;
      const now = clock.now();
      const next: ServiceState = inService ? IN_SERVICE : { inService: false, since: now, by };
      store.transaction(() => {
        store.setMeta(SERVICE_META_KEY, JSON.stringify(next));
        store.audit(inService ? 'service.on' : 'service.off', { by }, now);
      });
      current = next;
      if (inService) logger.info('service.on', { by });
      else logger.warn('service.off', { by });
      return current;
    },
  };
};
