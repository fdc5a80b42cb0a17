import { fireEvent, screen } from '@testing-library/react';
import type { MaintenanceStatus } from '../../electron/contract';
import { aStatus } from './fakes/fake-maintenance';
import type { FakeKioskApi } from './fakes/fake-kiosk-api';
import { advance, settle, tap, tapDigits } from './render-app';

/** Maintenance tests run on fake timers: the hold gesture and the idle close are time, not taps. */
export { advance };

export const corner = (): HTMLElement => screen.getByTestId('maintenance-corner');

/** Presses the hidden corner and keeps the finger there for `ms`. */
export const holdCorner = async (ms: number): Promise<HTMLElement> => {
  const target = corner();
  fireEvent.pointerDown(target);
  await advance(ms);
  return target;
};

/** Hold, type the PIN, and let main answer with `status`. */
export const openMaintenance = async (
  fake: FakeKioskApi,
  status: MaintenanceStatus = aStatus(),
): Promise<void> => {
  await holdCorner(5000);
  tapDigits('2468');
  tap('Open');
  await settle();
  fake.maintenance.succeed('maintenanceOpen', status);
  await settle();
};
