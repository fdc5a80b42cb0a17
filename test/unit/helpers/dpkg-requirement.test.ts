import { describe, expect, it } from 'vitest';
import { dpkgRequirement } from '../../helpers/describe-with-dpkg';

describe('dpkgRequirement', () => {
  it('runs where dpkg-deb and dpkg are installed', () => {
    expect(dpkgRequirement({}, true)).toEqual({ run: true });
  });

  it('skips with the reason on a workstation without them, and fails under CI', () => {
    const workstation = dpkgRequirement({}, false);
    expect(workstation).toMatchObject({ run: false, fail: false });
    expect(workstation.run ? '' : workstation.reason).toContain('dpkg-deb');
    expect(dpkgRequirement({ CI: 'true' }, false)).toMatchObject({ run: false, fail: true });
  });
});
