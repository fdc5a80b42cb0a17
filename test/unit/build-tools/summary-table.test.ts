import { describe, expect, it } from 'vitest';
import { formatFleetSummary } from '../../../electron/build-tools/summary-table';

describe('formatFleetSummary', () => {
  it('lines up one row per machine and ends with a count', () => {
    expect(
      formatFleetSummary([
        {
          line: 2,
          machineNo: '12345678',
          ok: true,
          detail: 'release/12345678/pickup-kiosk-12345678-0.1.0-amd64.deb',
          provisioningFile: '/secure/12345678.provision.json',
        },
        { line: 3, machineNo: undefined, ok: false, detail: 'has 4 fields, the header has 5' },
      ]),
    ).toEqual([
      'line  machine   result  package / problem                                       provisioning file',
      '2     12345678  ok      release/12345678/pickup-kiosk-12345678-0.1.0-amd64.deb  /secure/12345678.provision.json',
      '3     -         FAILED  has 4 fields, the header has 5                          -',
      '1 of 2 machines built, 1 failed',
    ]);
  });

  it('says so when everything built', () => {
    expect(
      formatFleetSummary([
        { line: 2, machineNo: '12345678', ok: true, detail: 'x', provisioningFile: 'p' },
      ]).at(-1),
    ).toBe('1 of 1 machine built');
  });
});
