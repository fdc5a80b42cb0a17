import { describe, it } from 'vitest';
import { socatRequirement } from './socat';

/** `describe` for suites that need a socat pty pair: skipped with the reason on a workstation, failed in CI. */
export const describeWithSocat = (name: string, body: () => void): void => {
  const need = socatRequirement();
  if (need.run) {
    describe(name, body);
  } else if (need.fail) {
    describe(name, () => {
      it('has socat', () => {
        throw new Error(`${need.reason}; .ci/run must install it`);
      });
    });
  } else {
    describe.skip(`${name} (skipped: ${need.reason})`, body);
  }
};
