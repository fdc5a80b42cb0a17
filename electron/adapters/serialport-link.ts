import type { Clock } from '../core/ports/clock';
import type { LinkSupervisorOptions, SupervisedLink } from '../core/link/link-supervisor';
import { createLinkSupervisor } from '../core/link/link-supervisor';
import { openSerialportPipe } from './serialport-pipe';
import { systemClock } from './system-clock';

export type { ReconnectOptions } from '../core/link/link-health';

export type SerialLinkOptions = Omit<LinkSupervisorOptions, 'open' | 'clock'> & {
  /** The real clock unless the owner runs on its own (the runtime passes the one its core uses). */
  readonly clock?: Clock;
};

export type SerialportLink = SupervisedLink;

/** The production SerialLink: the core's supervisor over a serialport pipe. */
export const openSerialLink = (options: SerialLinkOptions): SerialportLink =>
  createLinkSupervisor({ ...options, clock: options.clock ?? systemClock, open: openSerialportPipe });
