import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeKioskApi, readyState } from '../fakes/fake-kiosk-api';
import {
  advance,
  currentScreen,
  pressKey,
  renderApp,
  settle,
  tap,
  tapDigits,
  typedCode,
} from '../render-app';

const START = Date.UTC(2026, 0, 1, 9, 0, 0);
/** The fake's idle timeout (readyState) is 30 s. */
const IDLE_MS = 30_000;

beforeEach(() => {
  vi.useFakeTimers({ now: START });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const bilingual = (overrides = {}) =>
  new FakeKioskApi(readyState({ languages: ['en', 'zh-CN'], attract: true, ...overrides }));

const pageLanguage = (container: HTMLElement): string | null =>
  container.querySelector('.app')?.getAttribute('lang') ?? null;

/** The code boxes' content in any language (the shared helper finds them by their English name). */
const boxesHold = (container: HTMLElement): string | null =>
  container.querySelector<HTMLElement>('[role="status"][data-code]')?.dataset.code ?? null;

const title = (): string => screen.getByRole('heading', { level: 1 }).textContent;

describe('the language switch', () => {
  it('offers each language in its own name and script, the current one pressed', async () => {
    await renderApp(bilingual());
    const group = screen.getByRole('group', { name: 'Language' });
    const options = [...group.querySelectorAll('button')];
    expect(options.map((b) => [b.textContent, b.lang, b.getAttribute('aria-pressed')])).toEqual([
      ['English', 'en', 'true'],
      ['简体中文', 'zh-CN', 'false'],
    ]);
  });

  it('switches every string at once and keeps the digits already typed', async () => {
    const { container } = await renderApp(bilingual());
    tapDigits('1234');
    expect(title()).toBe('Enter your pickup code');
    tap('简体中文');
    expect(pageLanguage(container)).toBe('zh-CN');
    expect(title()).toBe('请输入取货码');
    expect(boxesHold(container)).toBe('1234');
    // The switch now names itself in Chinese and has Chinese pressed; English is one tap away.
    expect(screen.getByRole('button', { name: '简体中文' }).getAttribute('aria-pressed')).toBe('true');
    tap('English');
    expect(title()).toBe('Enter your pickup code');
  });

  it('keeps the pick through the customer’s redemption, then forgets it at the idle reset', async () => {
    const fake = bilingual();
    const { container } = await renderApp(fake);
    tap('简体中文');
    tapDigits('24681357');
    tap('取货');
    await settle();
    fake.succeed();
    await settle();
    expect(currentScreen(container)).toBe('success');
    expect(pageLanguage(container)).toBe('zh-CN');
    tap('完成');
    // "Done" is the same customer going on: still their language.
    expect(currentScreen(container)).toBe('entry');
    expect(pageLanguage(container)).toBe('zh-CN');
    await advance(IDLE_MS);
    expect(pageLanguage(container)).toBe('en');
  });

  it('starts in the machine’s language, whatever the list’s order', async () => {
    const { container } = await renderApp(bilingual({ language: 'zh-CN', languages: ['en', 'zh-CN'] }));
    expect(pageLanguage(container)).toBe('zh-CN');
    expect(screen.getByRole('button', { name: '简体中文' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('is not there when the kiosk offers one language, or says nothing of languages', async () => {
    await renderApp(bilingual({ languages: ['en'] }));
    expect(screen.queryByRole('group', { name: 'Language' })).toBeNull();
    cleanup();
    await renderApp(new FakeKioskApi(readyState()));
    expect(screen.queryByRole('group', { name: 'Language' })).toBeNull();
  });

  it('is not offered on a refusal or an outcome: only where a customer starts', async () => {
    const fake = bilingual();
    await renderApp(fake);
    tapDigits('24681357');
    tap('Get my item');
    await settle();
    fake.fail({ code: 'code-used' });
    await settle();
    expect(screen.queryByRole('group', { name: 'Language' })).toBeNull();
  });
});

describe('the attract screen', () => {
  it('comes after one idle timeout on an empty entry, never over a half-typed code', async () => {
    const { container } = await renderApp(bilingual());
    await advance(IDLE_MS - 1);
    expect(currentScreen(container)).toBe('entry');
    await advance(1);
    expect(currentScreen(container)).toBe('attract');
    expect(title()).toBe('Collect your order here');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toHaveLength(3);
    // A half-typed code is forgotten first, back to an empty entry; only its next quiet spell brings the loop.
    tap('Touch the screen to start');
    tapDigits('12');
    await advance(IDLE_MS);
    expect(currentScreen(container)).toBe('entry');
    expect(typedCode()).toBe('');
    await advance(IDLE_MS);
    expect(currentScreen(container)).toBe('attract');
  });

  it('lights the three steps in turn', async () => {
    const { container } = await renderApp(bilingual());
    await advance(IDLE_MS);
    const lit = (): number =>
      [...container.querySelectorAll('.attract__step')].findIndex(
        (li) => li.getAttribute('data-lit') === 'true',
      );
    expect(lit()).toBe(0);
    await advance(5000);
    expect(lit()).toBe(1);
    await advance(5000);
    expect(lit()).toBe(2);
    await advance(5000);
    expect(lit()).toBe(0);
  });

  it('wakes on the tap’s click, to an empty entry: the tap presses no key', async () => {
    const { container } = await renderApp(bilingual());
    await advance(IDLE_MS);
    const attract = container.querySelector('[data-screen="attract"]');
    if (attract === null) throw new Error('no attract screen');
    // The finger lands: nothing changes yet, so no key can appear under it before it lifts.
    fireEvent.pointerDown(attract);
    expect(currentScreen(container)).toBe('attract');
    fireEvent.click(attract);
    expect(currentScreen(container)).toBe('entry');
    expect(typedCode()).toBe('');
  });

  it('wakes on a keypad key without typing it, and on the start button', async () => {
    const { container } = await renderApp(bilingual());
    await advance(IDLE_MS);
    pressKey('7');
    expect(currentScreen(container)).toBe('entry');
    expect(typedCode()).toBe('');
    await advance(IDLE_MS);
    tap('Touch the screen to start');
    expect(currentScreen(container)).toBe('entry');
  });

  it('starts in the language picked on it', async () => {
    const { container } = await renderApp(bilingual());
    await advance(IDLE_MS);
    tap('简体中文');
    expect(currentScreen(container)).toBe('entry');
    expect(pageLanguage(container)).toBe('zh-CN');
    expect(boxesHold(container)).toBe('');
  });

  it('takes a scan straight to checking', async () => {
    vi.useFakeTimers({
      now: START,
      toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
    });
    const fake = bilingual();
    const { container } = await renderApp(fake);
    await advance(IDLE_MS);
    expect(currentScreen(container)).toBe('attract');
    for (const key of '93881067') {
      pressKey(key);
      act(() => {
        vi.advanceTimersByTime(3);
      });
    }
    pressKey('Enter');
    await settle();
    expect(fake.submitted).toEqual(['93881067']);
    expect(currentScreen(container)).toBe('checking');
  });

  it('is not shown when the kiosk has it off; the entry just stays', async () => {
    const { container } = await renderApp(bilingual({ attract: false }));
    await advance(IDLE_MS * 3);
    expect(currentScreen(container)).toBe('entry');
  });

  it('gives way to an out-of-service state, and the maintenance corner waits for the wake', async () => {
    const fake = bilingual();
    const { container } = await renderApp(fake);
    await advance(IDLE_MS);
    expect(container.querySelector('.maintenance-corner')).toBeNull();
    tap('Touch the screen to start');
    expect(container.querySelector('.maintenance-corner')).not.toBeNull();
    await advance(IDLE_MS);
    act(() => {
      fake.emitState(readyState({ languages: ['en', 'zh-CN'], attract: true, phase: 'out-of-service' }));
    });
    expect(currentScreen(container)).toBe('out-of-service');
  });
});
