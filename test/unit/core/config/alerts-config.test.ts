import { describe, expect, it } from 'vitest';
import { problemLine } from '../../../../electron/core/config/format-problems';
import { parseMachineConfigValue } from '../../../../electron/core/config/parse-config';
import { summarizeMachineConfig } from '../../../../electron/core/config/summarize-config';
import { minimalConfig, withField } from './machine-config-fixture';

const withAlerts = (alerts: unknown) =>
  parseMachineConfigValue(withField(minimalConfig(), ['alerts'], alerts));
const linesFor = (alerts: unknown): string[] => {
  const parsed = withAlerts(alerts);
  return parsed.ok ? [] : parsed.error.map(problemLine);
};

describe('machine configuration: alerts', () => {
  it('is off unless a webhook is named, with the documented defaults', () => {
    const parsed = parseMachineConfigValue(minimalConfig());
    expect(parsed.ok && parsed.value.alerts).toEqual({
      webhookUrl: null,
      boardDownMinutes: 3,
      outboxAlertAt: 200,
      outboxAlertAfterMinutes: 60,
      maxPerHour: 20,
    });
  });

  it.each(['https://ops.example.com/kiosk-alerts', 'http://127.0.0.1:9000/hook', 'http://localhost/hook'])(
    'accepts %s',
    (webhookUrl) => {
      expect(linesFor({ webhookUrl })).toEqual([]);
    },
  );

  it.each([
    [
      'http://ops.example.com/hook',
      'alerts.webhookUrl: must be an https:// URL (plain http:// is only allowed for 127.0.0.1 / localhost), got "http://ops.example.com/hook"',
    ],
    [
      'https://ops.example.com/hook?token=abc',
      'alerts.webhookUrl: must be a URL without ?query or #fragment, got "https://ops.example.com/hook?token=abc"',
    ],
    [
      'https://me:pw@ops.example.com/hook',
      'alerts.webhookUrl: must be a URL without a user name or password in it, got "https://me:pw@ops.example.com/hook"',
    ],
    [42, 'alerts.webhookUrl: must be an https:// URL or null, got 42'],
  ])('refuses %j', (webhookUrl, line) => {
    expect(linesFor({ webhookUrl })).toEqual([line]);
  });

  it.each([
    [{ boardDownMinutes: 0 }, 'alerts.boardDownMinutes: must be 1–120 minutes, got 0'],
    [{ maxPerHour: 0 }, 'alerts.maxPerHour: must be 1–1000 alerts, got 0'],
    [{ outboxAlertAt: 5 }, 'alerts.outboxAlertAt: must be 10–100000 reports, got 5'],
  ])('refuses %j', (alerts, line) => {
    expect(linesFor(alerts)).toEqual([line]);
  });

  it('names the host and the limit in the summary, and that the key is needed', () => {
    const parsed = withAlerts({ webhookUrl: 'https://ops.example.com/hook', maxPerHour: 5 });
    expect(parsed.ok && summarizeMachineConfig(parsed.value)).toContain(
      'alerts to ops.example.com, at most 5 an hour (needs alertKey in the provisioning file)',
    );
  });
});
