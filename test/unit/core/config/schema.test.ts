import { describe, expect, it } from 'vitest';
import { problemLine } from '../../../../electron/core/config/format-problems';
import { parseMachineConfigValue } from '../../../../electron/core/config/parse-config';
import { minimalConfig, REMOVE, withField } from './machine-config-fixture';

const linesFor = (value: unknown): string[] => {
  const parsed = parseMachineConfigValue(value);
  return parsed.ok ? [] : parsed.error.map(problemLine);
};

describe('machine configuration schema: defaults', () => {
  it('fills every optional setting with its documented default', () => {
    const parsed = parseMachineConfigValue(minimalConfig());
    expect(parsed.ok && parsed.value).toEqual({
      machineNo: '12345678',
      machineName: 'Pickup Kiosk',
      supportContact: '',
      cloud: {
        baseUrl: 'https://api.vendor.example.com',
        notifyUrl: 'https://ops.example.com/notify',
        timeoutMs: 8000,
        concurrency: 12,
        cacheRefreshSeconds: 1200,
        hotRefreshSeconds: 60,
        hotProducts: 20,
        refreshOnMissAfterSeconds: 30,
        reporting: true,
      },
      serial: { path: '/dev/pickup-board', baud: 9600 },
      boards: [{ addr: 1, defaultSlotType: 1, slotTypes: {}, dropSensor: false, lift: false }],
      language: 'en',
      languages: ['en', 'zh-CN'],
      attractScreen: true,
      sound: { volume: 60, muted: false },
      idleTimeoutSeconds: 60,
      offline: { policy: 'deny', maxCacheAgeSeconds: 900 },
      throttle: {
        maxWrongCodes: 5,
        windowSeconds: 120,
        lockoutSeconds: 60,
        maxLockoutSeconds: 900,
        maxWrongCodesPerHour: 20,
        maxWrongCodesPerDay: 60,
        levelResetSeconds: 3600,
      },
      slots: { quarantineAfterFailures: 3, owedFromOtherSlot: false },
      retention: { days: 90 },
      maintenance: { pinHash: null },
      alerts: {
        webhookUrl: null,
        boardDownMinutes: 3,
        outboxAlertAt: 200,
        outboxAlertAfterMinutes: 60,
        maxPerHour: 20,
      },
      liveLink: {
        brokerUrl: null,
        clientId: '',
        machineId: '',
        signWith: 'appKey',
        topicIn: '/clients/{machine_no}',
        topicOut: '/server/app',
        keepaliveSeconds: 60,
        heartbeatSeconds: 300,
        reconnectMaxSeconds: 60,
        clockToleranceSeconds: 300,
        refreshSecondsWhileUp: 3600,
        allowPowerCommands: false,
      },
      secrets: { allowWeakStore: false },
      logLevel: 'info',
    });
  });

  it('fills defaults inside a section that is only partly given', () => {
    const parsed = parseMachineConfigValue(withField(minimalConfig(), ['throttle'], { maxWrongCodes: 3 }));
    expect(parsed.ok && parsed.value.throttle).toEqual({
      maxWrongCodes: 3,
      windowSeconds: 120,
      lockoutSeconds: 60,
      maxLockoutSeconds: 900,
      maxWrongCodesPerHour: 20,
      maxWrongCodesPerDay: 60,
      levelResetSeconds: 3600,
    });
  });

  it('accepts the edges of every range', () => {
    let config = minimalConfig() as unknown;
    for (const [path, value] of [
      [['cloud', 'timeoutMs'], 60_000],
      [['cloud', 'refreshOnMissAfterSeconds'], 0],
      [['serial', 'baud'], 115_200],
      [['boards'], [1, 2, 3, 4, 5, 6, 7, 8].map((addr) => ({ addr, slotTypes: { 0: 4, 99: 2 } }))],
      [['language'], 'zh-CN'],
      [['offline', 'policy'], 'allow-cached'],
      [['maintenance', 'pinHash'], `scrypt$v2$18$8$4$12$${'a'.repeat(32)}$${'0'.repeat(64)}`],
      [['throttle', 'maxWrongCodesPerDay'], 10_000],
      [['throttle', 'levelResetSeconds'], 604_800],
      [['cloud', 'baseUrl'], 'http://127.0.0.1:8080'],
    ] as const) {
      config = withField(config, path, value);
    }
    expect(linesFor(config)).toEqual([]);
  });
});

// Each row: a change to a valid configuration and the exact line an installer sees.
const cases: [string, (string | number)[], unknown, string][] = [
  [
    'machine number too short',
    ['machineNo'],
    '1234567',
    'machineNo: must be exactly 8 digits, as printed on the machine, got "1234567"',
  ],
  [
    'machine number as a number',
    ['machineNo'],
    12345678,
    'machineNo: must be exactly 8 digits, as printed on the machine, got 12345678',
  ],
  [
    'machine number missing',
    ['machineNo'],
    REMOVE,
    'machineNo: is required (exactly 8 digits, as printed on the machine)',
  ],
  [
    'empty machine name',
    ['machineName'],
    '',
    'machineName: must be a name for the screen and logs, 1–60 characters, got ""',
  ],
  [
    'support contact too long',
    ['supportContact'],
    'x'.repeat(81),
    'supportContact: must be a phone number or short text, 0–80 characters, got "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..."',
  ],
  [
    'support contact as a number',
    ['supportContact'],
    4000000000,
    'supportContact: must be a phone number or short text, 0–80 characters, got 4000000000',
  ],
  [
    'http to a remote host',
    ['cloud', 'baseUrl'],
    'http://api.example.com',
    'cloud.baseUrl: must be an https:// URL (plain http:// is only allowed for 127.0.0.1 / localhost), got "http://api.example.com"',
  ],
  [
    'not a URL',
    ['cloud', 'notifyUrl'],
    'ops.example.com',
    'cloud.notifyUrl: must be a full URL such as https://api.example.com, got "ops.example.com"',
  ],
  [
    'password in the URL',
    ['cloud', 'baseUrl'],
    'https://me:pw@api.example.com',
    'cloud.baseUrl: must be a URL without a user name or password in it, got "https://me:pw@api.example.com"',
  ],
  [
    'query in the URL',
    ['cloud', 'notifyUrl'],
    'https://ops.example.com/n?x=1',
    'cloud.notifyUrl: must be a URL without ?query or #fragment, got "https://ops.example.com/n?x=1"',
  ],
  ['URL missing', ['cloud', 'baseUrl'], REMOVE, 'cloud.baseUrl: is required (an https:// URL)'],
  [
    'timeout too short',
    ['cloud', 'timeoutMs'],
    500,
    'cloud.timeoutMs: must be 1000–60000 milliseconds, got 500',
  ],
  ['concurrency too high', ['cloud', 'concurrency'], 17, 'cloud.concurrency: must be 1–16 requests, got 17'],
  [
    'cache refresh too often',
    ['cloud', 'cacheRefreshSeconds'],
    29,
    'cloud.cacheRefreshSeconds: must be 30–86400 seconds, got 29',
  ],
  [
    'refresh on miss negative',
    ['cloud', 'refreshOnMissAfterSeconds'],
    -1,
    'cloud.refreshOnMissAfterSeconds: must be 0–3600 seconds, got -1',
  ],
  [
    'reporting as text',
    ['cloud', 'reporting'],
    'yes',
    'cloud.reporting: must be true or false (without quotes), got "yes"',
  ],
  [
    'misspelt cloud key',
    ['cloud', 'timeout'],
    5,
    'cloud: unknown setting "timeout" (did you mean "timeoutMs"?); allowed here: baseUrl, notifyUrl, timeoutMs, concurrency, cacheRefreshSeconds, hotRefreshSeconds, hotProducts, refreshOnMissAfterSeconds, reporting',
  ],
  [
    'serial path empty',
    ['serial', 'path'],
    '',
    'serial.path: must be a serial device such as /dev/pickup-board or COM3, 1–200 characters, got ""',
  ],
  [
    'unsupported baud',
    ['serial', 'baud'],
    4800,
    'serial.baud: must be one of 9600, 19200, 38400, 57600, 115200, got 4800',
  ],
  ['serial section missing', ['serial'], REMOVE, 'serial: is required (an object { ... })'],
  ['board address too high', ['boards', 0, 'addr'], 9, 'boards[0].addr: must be 1–8, got 9'],
  [
    'board address not whole',
    ['boards', 0, 'addr'],
    1.5,
    'boards[0].addr: must be a whole number 1–8, got 1.5',
  ],
  [
    'board address as text',
    ['boards', 0, 'addr'],
    '1',
    'boards[0].addr: must be a whole number 1–8, got "1"',
  ],
  [
    'unknown motor type',
    ['boards', 0, 'defaultSlotType'],
    0,
    'boards[0].defaultSlotType: must be one of 1, 2, 3, 4, got 0',
  ],
  [
    'slot with a leading zero',
    ['boards', 0, 'slotTypes'],
    { '07': 2 },
    'boards[0].slotTypes["07"]: slot "07" is not a slot number: use 0–99 without leading zeros',
  ],
  [
    'slot number too high',
    ['boards', 0, 'slotTypes'],
    { '100': 2 },
    'boards[0].slotTypes["100"]: slot "100" is not a slot number: use 0–99 without leading zeros',
  ],
  [
    'slot type unknown',
    ['boards', 0, 'slotTypes', '12'],
    5,
    'boards[0].slotTypes["12"]: must be one of 1, 2, 3, 4, got 5',
  ],
  [
    'slot types as a list',
    ['boards', 0, 'slotTypes'],
    [1],
    'boards[0].slotTypes: must be an object of slot number → type, such as { "12": 3 }, got a list',
  ],
  [
    'drop sensor as text',
    ['boards', 0, 'dropSensor'],
    'true',
    'boards[0].dropSensor: must be true or false (without quotes), got "true"',
  ],
  [
    'lift as a number',
    ['boards', 0, 'lift'],
    1,
    'boards[0].lift: must be true or false (without quotes), got 1',
  ],
  [
    'misspelt board key',
    ['boards', 0, 'dropsensor'],
    true,
    'boards[0]: unknown setting "dropsensor" (did you mean "dropSensor"?); allowed here: addr, defaultSlotType, slotTypes, dropSensor, lift',
  ],
  ['no boards', ['boards'], [], 'boards: must list at least one board'],
  [
    'nine boards',
    ['boards'],
    Array.from({ length: 9 }, (_, i) => ({ addr: (i % 8) + 1 })),
    'boards: must list at most 8 boards, got 9',
  ],
  [
    'two boards on one address',
    ['boards'],
    [{ addr: 2 }, { addr: 2 }],
    'boards[1].addr: address 2 is used by another board; each board needs its own address',
  ],
  ['boards missing', ['boards'], REMOVE, 'boards: is required (a list of 1–8 boards)'],
  ['unsupported language', ['language'], 'fr', 'language: must be one of "en", "zh-CN", got "fr"'],
  [
    'unsupported language offered',
    ['languages'],
    ['en', 'fr'],
    'languages[1]: must be one of "en", "zh-CN", got "fr"',
  ],
  ['no language offered', ['languages'], [], 'languages: must list at least one language'],
  ['a language offered twice', ['languages'], ['en', 'en'], 'languages: lists a language twice'],
  [
    'the default language not offered',
    ['languages'],
    ['zh-CN'],
    'languages: must include the default language "en", got ["zh-CN"]',
  ],
  [
    'attract screen not a flag',
    ['attractScreen'],
    'yes',
    'attractScreen: must be true or false (without quotes), got "yes"',
  ],
  ['idle timeout too short', ['idleTimeoutSeconds'], 5, 'idleTimeoutSeconds: must be 10–600 seconds, got 5'],
  [
    'unknown offline policy',
    ['offline', 'policy'],
    'allow',
    'offline.policy: must be one of "deny", "allow-cached", got "allow"',
  ],
  [
    'cache age too short',
    ['offline', 'maxCacheAgeSeconds'],
    59,
    'offline.maxCacheAgeSeconds: must be 60–86400 seconds, got 59',
  ],
  [
    'wrong codes zero',
    ['throttle', 'maxWrongCodes'],
    0,
    'throttle.maxWrongCodes: must be 1–50 wrong codes, got 0',
  ],
  [
    'throttle window too long',
    ['throttle', 'windowSeconds'],
    3601,
    'throttle.windowSeconds: must be 10–3600 seconds, got 3601',
  ],
  [
    'lockout too short',
    ['throttle', 'lockoutSeconds'],
    4,
    'throttle.lockoutSeconds: must be 5–3600 seconds, got 4',
  ],
  [
    'max lockout too long',
    ['throttle', 'maxLockoutSeconds'],
    86_401,
    'throttle.maxLockoutSeconds: must be 5–86400 seconds, got 86401',
  ],
  [
    'lockout above its maximum',
    ['throttle'],
    { lockoutSeconds: 600, maxLockoutSeconds: 300 },
    'throttle.lockoutSeconds: must not exceed maxLockoutSeconds (300), got 600',
  ],
  [
    'hourly budget above the daily one',
    ['throttle'],
    { maxWrongCodesPerHour: 100, maxWrongCodesPerDay: 60 },
    'throttle.maxWrongCodesPerHour: must not exceed maxWrongCodesPerDay (60), got 100',
  ],
  [
    'level reset too short',
    ['throttle', 'levelResetSeconds'],
    59,
    'throttle.levelResetSeconds: must be 60–604800 seconds, got 59',
  ],
  [
    'PIN in clear',
    ['maintenance', 'pinHash'],
    '123456',
    'maintenance.pinHash: must be the text printed by `kioskctl pin hash` (scrypt$v2$…), or null',
  ],
  [
    'PIN hash from an earlier version',
    ['maintenance', 'pinHash'],
    `scrypt$${'a'.repeat(32)}$${'0'.repeat(64)}`,
    "maintenance.pinHash: is in the format of an earlier version, which allowed 4-digit PINs at a quarter of today's cost, and is no longer accepted: make a new one with `kioskctl pin hash` (6–12 digits)",
  ],
  [
    'weak store as text',
    ['secrets', 'allowWeakStore'],
    'no',
    'secrets.allowWeakStore: must be true or false (without quotes), got "no"',
  ],
  [
    'unknown log level',
    ['logLevel'],
    'verbose',
    'logLevel: must be one of "debug", "info", "warn", "error", got "verbose"',
  ],
  [
    'misspelt top-level key',
    ['langauge'],
    'en',
    'unknown setting "langauge" (did you mean "language"?); allowed here: machineNo, machineName, supportContact, cloud, serial, boards, language, languages, attractScreen, sound, idleTimeoutSeconds, offline, throttle, slots, retention, maintenance, liveLink, alerts, secrets, logLevel',
  ],
];

describe('machine configuration schema: messages', () => {
  it.each(cases)('%s', (_name, path, value, line) => {
    expect(linesFor(withField(minimalConfig(), path, value))).toEqual([line]);
  });

  it('never shows the maintenance PIN hash it rejects', () => {
    const lines = linesFor(withField(minimalConfig(), ['maintenance', 'pinHash'], 'scrypt$nothex$secretish'));
    expect(lines.join('\n')).not.toContain('secretish');
  });

  it('cuts a long wrong value so the line stays readable', () => {
    const [line] = linesFor(withField(minimalConfig(), ['serial', 'path'], 'x'.repeat(500)));
    expect(line).toContain('got "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..."');
  });

  it('lists every problem at once, not just the first', () => {
    const config = withField(
      withField(withField(minimalConfig(), ['machineNo'], 'x'), ['boards', 0, 'addr'], 0),
      ['logLevel'],
      'loud',
    );
    expect(linesFor(config)).toHaveLength(3);
  });

  it('rejects something that is not an object at all', () => {
    expect(linesFor([])).toEqual(['must be an object { ... }, got a list']);
  });
});
