import { describe, expect, it } from 'vitest';
import { socatRequirement } from '../../helpers/socat';

describe('socat requirement for the serial suites', () => {
  it('runs when socat is installed', () => {
    expect(socatRequirement({}, true)).toEqual({ run: true });
  });

  it('skips with the reason on a workstation, but fails under CI', () => {
    const workstation = socatRequirement({}, false);
    expect(workstation).toMatchObject({ run: false, fail: false });
    expect(workstation.run ? '' : workstation.reason).toContain('apt-get install socat');
    expect(socatRequirement({ CI: 'true' }, false)).toMatchObject({ run: false, fail: true });
  });
});
