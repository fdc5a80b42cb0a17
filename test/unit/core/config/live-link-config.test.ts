import { describe, expect, it } from 'vitest';
import { parseMachineConfigValue } from '../../../../electron/core/config/parse-config';
import { summarizeMachineConfig } from '../../../../electron/core/config/summarize-config';
import { minimalConfig, withField } from './machine-config-fixture';

const withLive = (liveLink: unknown) =>
  parseMachineConfigValue(withField(minimalConfig(), ['liveLink'], liveLink));
const problems = (liveLink: unknown): string[] => {
  const parsed = withLive(liveLink);
  return parsed.ok ? [] : parsed.error.map((p) => `${p.path}: ${p.message}`);
};

describe('liveLink settings', () => {
  it('is off by default, with the documented topics and the AppKey', () => {
    const parsed = parseMachineConfigValue(minimalConfig());
    expect(parsed.ok && parsed.value.liveLink).toMatchObject({
      brokerUrl: null,
      signWith: 'appKey',
      topicIn: '/clients/{machine_no}',
      topicOut: '/server/app',
      heartbeatSeconds: 300,
      refreshSecondsWhileUp: 3600,
      allowPowerCommands: false,
    });
  });

  it('takes mqtts anywhere and plain mqtt only to this machine', () => {
    expect(problems({ brokerUrl: 'mqtts://broker.example.com:8883' })).toEqual([]);
    expect(problems({ brokerUrl: 'mqtt://127.0.0.1:1883' })).toEqual([]);
    expect(problems({ brokerUrl: 'mqtt://broker.example.com:1883' }).join('\n')).toContain(
      'plain mqtt:// is only allowed for 127.0.0.1',
    );
    expect(problems({ brokerUrl: 'https://broker.example.com' }).join('\n')).toContain('mqtts://');
  });

  it('refuses a login inside the URL without repeating it', () => {
    const lines = problems({ brokerUrl: 'mqtts://user:TEST-PASSWORD@broker.example.com' }).join('\n');
    expect(lines).toContain('provisioning file');
    expect(lines).not.toContain('TEST-PASSWORD');
  });

  it('refuses a heartbeat slower than the platform’s 10-minute offline mark, and a misspelt key', () => {
    expect(problems({ heartbeatSeconds: 600 }).join('\n')).toContain('liveLink.heartbeatSeconds');
    expect(problems({ signwith: 'appId' }).join('\n')).toContain('did you mean "signWith"');
  });

  it('names the broker and the key in the summary, and warns without a platform machine id', () => {
    const parsed = withLive({ brokerUrl: 'mqtts://broker.example.com:8883', signWith: 'appId' });
    expect(parsed.ok && summarizeMachineConfig(parsed.value)).toContain(
      'live link to broker.example.com:8883, signed with the AppId, WARNING: no liveLink.machineId',
    );
  });
});
