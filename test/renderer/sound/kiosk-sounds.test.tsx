import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../renderer/src/app';
import { masterGain } from '../../../renderer/src/sound/cues';
import { cueMs } from '../../../renderer/src/sound/sound-player';
import { aStatus } from '../fakes/fake-maintenance';
import { FakeKioskApi, readyState } from '../fakes/fake-kiosk-api';
import { openMaintenance } from '../maintenance-helpers';
import { advance, settle, tap, tapDigits } from '../render-app';
import { RecordingPlayer } from './recording-player';

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 0, 1, 9) });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const AT_60 = masterGain(60, false);

const start = async (overrides = {}) => {
  const fake = new FakeKioskApi(
    readyState({
      sound: { volume: 60, muted: false },
      languages: ['en', 'zh-CN'],
      attract: true,
      ...overrides,
    }),
  );
  const player = new RecordingPlayer();
  render(<App api={fake.api} player={player} />);
  await settle();
  player.take();
  return { fake, player };
};

const submit = async (submitLabel = 'Get my item'): Promise<void> => {
  tapDigits('24681357');
  tap(submitLabel);
  await settle();
};

describe('the kiosk’s sounds', () => {
  it('clicks under every enabled key the finger lands on, and not under the disabled submit', async () => {
    const { player } = await start();
    tapDigits('12');
    expect(player.take()).toEqual([`click@${AT_60}`, `click@${AT_60}`]);
    fireEvent.pointerDown(screen.getByRole('button', { name: 'Get my item' }));
    expect(player.take()).toEqual([]);
  });

  it('chimes on success, then says where the item is once the chime has ended', async () => {
    const { fake, player } = await start();
    await submit();
    player.take();
    fake.succeed();
    await settle();
    expect(player.take()).toEqual([
      `success@${AT_60}`,
      `speech/en/success-one.ogg@${AT_60}+${cueMs('success')}`,
    ]);
  });

  it('says "items" for a multi-item success, and the problem tone for one that is not', async () => {
    const { fake, player } = await start();
    await submit();
    fake.succeed({ dispensed: 3, of: 3 });
    await settle();
    expect(player.take()).toContain(`speech/en/success-many.ogg@${AT_60}+${cueMs('success')}`);
    tap('Done');
    await submit();
    player.take();
    fake.succeed({ outcome: 'attention', dispensed: 0, of: 1 });
    await settle();
    expect(player.take()).toEqual([
      `problem@${AT_60}`,
      `speech/en/attention.ogg@${AT_60}+${cueMs('problem')}`,
    ]);
  });

  it('says a refusal in the customer’s language, after the problem tone', async () => {
    const { fake, player } = await start();
    tap('简体中文');
    player.take();
    await submit('取货');
    player.take();
    fake.fail({ code: 'code-used', triesLeft: 4 });
    await settle();
    expect(player.take()).toEqual([
      `problem@${AT_60}`,
      `speech/zh-CN/refused.ogg@${AT_60}+${cueMs('problem')}`,
    ]);
  });

  it('greets a customer who wakes the attract screen, and again in the language they pick', async () => {
    const { player } = await start();
    await advance(30_000);
    player.take();
    tap('Touch the screen to start');
    expect(player.take()).toEqual([`click@${AT_60}`, `speech/en/start.ogg@${AT_60}+0`]);
    tap('简体中文');
    expect(player.take()).toEqual([`click@${AT_60}`, `speech/zh-CN/start.ogg@${AT_60}+0`]);
  });

  it('plays everything at gain 0 when muted: the player then sounds nothing', async () => {
    const { fake, player } = await start({ sound: { volume: 60, muted: true } });
    await submit();
    fake.succeed();
    await settle();
    const gains = player.heard.map((h) => ('cue' in h ? h.gain : h.clip.gain));
    expect(gains.length).toBeGreaterThan(0);
    expect(new Set(gains)).toEqual(new Set([0]));
  });

  it('stays silent when the kiosk says nothing of sound', async () => {
    const { player } = await start({ sound: undefined });
    tapDigits('1');
    expect(player.take()).toEqual(['click@0']);
  });
});

describe('the maintenance screen’s sound panel', () => {
  it('steps the volume and mutes, one call a tap, and the new level is heard at once', async () => {
    const { fake, player } = await start();
    await openMaintenance(fake, aStatus());
    expect(screen.getByText('Volume 60%')).toBeTruthy();
    tap('Quieter');
    await settle();
    expect(fake.maintenance.calls.at(-1)).toEqual({ method: 'maintenanceSetSound', input: { volume: 50 } });
    fake.maintenance.succeed('maintenanceSetSound', aStatus());
    await settle();
    act(() => {
      fake.emitState(readyState({ sound: { volume: 50, muted: false } }));
    });
    expect(screen.getByText('Volume 50%')).toBeTruthy();
    expect(player.take().at(-1)).toBe(`success@${masterGain(50, false)}`);
    tap('Mute');
    await settle();
    expect(fake.maintenance.calls.at(-1)).toEqual({ method: 'maintenanceSetSound', input: { muted: true } });
    fake.maintenance.succeed('maintenanceSetSound', aStatus());
    await settle();
    act(() => {
      fake.emitState(readyState({ sound: { volume: 50, muted: true } }));
    });
    expect(screen.getByText('Muted (volume 50% when on)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sound on' })).toBeTruthy();
  });

  it('cannot step past the ends', async () => {
    const { fake } = await start({ sound: { volume: 100, muted: false } });
    await openMaintenance(fake, aStatus());
    expect(screen.getByRole('button', { name: 'Louder' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Quieter' }).hasAttribute('disabled')).toBe(false);
  });
});
