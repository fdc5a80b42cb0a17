import { describe, it } from 'vitest';
import { mosquittoRequirement } from './mosquitto';

/** `describe` for suites that need the real broker: skipped with the reason on a workstation, failed in CI. */
export const describeWithMosquitto = (name: string, body: () => void): void => {
  const need = mosquittoRequirement();
  if (need.run) {
    describe(name, body);
  } else if (need.fail) {
    describe(name, () => {
      it('has mosquitto', () => {
        throw new Error(`${need.reason}; .ci/run must install it`);
      });
    });
  } else {
    describe.skip(`${name} (skipped: ${need.reason})`, body);
  }
};
