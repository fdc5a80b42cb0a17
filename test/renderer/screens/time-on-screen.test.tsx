import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcError, RedemptionResult } from '../../../electron/contract';
import { FakeKioskApi, readyState } from '../fakes/fake-kiosk-api';
import { advance, currentScreen, renderApp, settle, tap, tapDigits, type RenderedApp } from '../render-app';

beforeEach(() => {
  vi.useFakeTimers({ now: Date.UTC(2026, 0, 1, 9, 0, 0) });
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const closesIn = (): string => screen.getByTestId('closes-in').textContent;
const bar = (): HTMLProgressElement => {
  const element = screen.getByTestId('closes-in').querySelector('progress');
  if (element === null) throw new Error('no countdown bar');
  return element;
};

const startCheck = async (fake = new FakeKioskApi()): Promise<RenderedApp> => {
  const view = await renderApp(fake);
  tapDigits('12345678');
  tap(/^(Get my item|取货)$/);
  await settle();
  return view;
};

const answered = async (
  answer: { result: Partial<RedemptionResult> } | { error: IpcError },
  fake = new FakeKioskApi(),
): Promise<RenderedApp> => {
  const view = await startCheck(fake);
  if ('error' in answer) fake.fail(answer.error);
  else fake.succeed(answer.result);
  await settle();
  return view;
};

describe('outcome screens say how long they stay', () => {
  it('success: the idle timeout, counted down each second in words and a draining bar', async () => {
    const { container } = await answered({ result: { outcome: 'success' } });
    expect(closesIn()).toBe('This screen closes in 30 seconds');
    expect(bar().max).toBe(30);
    expect(bar().value).toBe(30);
    await advance(1000);
    expect(closesIn()).toBe('This screen closes in 29 seconds');
    expect(bar().value).toBe(29);
    await advance(28_000);
    expect(closesIn()).toBe('This screen closes in 1 second');
    await advance(1000);
    expect(currentScreen(container)).toBe('entry');
    expect(screen.queryByTestId('closes-in')).toBeNull();
  });

  it('a refusal, which has no reference, stays the idle timeout', async () => {
    const { container } = await answered({ error: { code: 'unknown-code' } });
    expect(closesIn()).toBe('This screen closes in 30 seconds');
    await advance(30_000);
    expect(currentScreen(container)).toBe('entry');
  });

  it.each([
    ['attention', { outcome: 'attention', dispensed: 0 }],
    ['partial', { outcome: 'partial', dispensed: 1, of: 2 }],
    ['failed', { outcome: 'failed', dispensed: 0 }],
  ] as const)('%s, which shows a reference, stays three times as long', async (name, result) => {
    const { container } = await answered({ result });
    expect(currentScreen(container)).toBe(name);
    expect(screen.getByTestId('reference').textContent).toBe('K7-1042');
    expect(closesIn()).toBe('This screen closes in 90 seconds');
    await advance(30_000);
    expect(currentScreen(container)).toBe(name);
    expect(closesIn()).toBe('This screen closes in 60 seconds');
    await advance(60_000);
    expect(currentScreen(container)).toBe('entry');
  });

  it('a reference screen stays at most five minutes', async () => {
    const fake = new FakeKioskApi(readyState({ idleTimeoutSeconds: 120 }));
    const { container } = await answered({ result: { outcome: 'attention' } }, fake);
    expect(closesIn()).toBe('This screen closes in 300 seconds');
    await advance(299_000);
    expect(currentScreen(container)).toBe('attention');
    await advance(1000);
    expect(currentScreen(container)).toBe('entry');
  });

  it('a touch on the screen starts its stay over', async () => {
    await answered({ result: { outcome: 'success' } });
    await advance(10_000);
    expect(closesIn()).toBe('This screen closes in 20 seconds');
    fireEvent.pointerDown(document.body);
    fireEvent.click(document.body);
    await settle();
    expect(closesIn()).toBe('This screen closes in 30 seconds');
  });

  it('in Chinese on a zh-CN kiosk', async () => {
    await answered({ result: { outcome: 'success' } }, new FakeKioskApi(readyState({ language: 'zh-CN' })));
    expect(closesIn()).toBe('本页面将在 30 秒后关闭');
  });
});

describe('checking: a slow answer is explained', () => {
  const slowLine = (): string => screen.getByTestId('checking-slow').textContent;

  it('says the network is slow after 3 s without an answer, and not before', async () => {
    const { fake, container } = await startCheck();
    expect(slowLine()).toBe('');
    await advance(2_999);
    expect(slowLine()).toBe('');
    await advance(1);
    expect(slowLine()).toBe('The network is slow, still trying…');
    // Calm: the usual hint stays, nothing is said as an alert.
    expect(screen.getByText('This takes a few seconds. Please wait.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    fake.succeed();
    await settle();
    expect(currentScreen(container)).toBe('success');
  });

  it('starts quiet again on the next check', async () => {
    const { fake } = await startCheck();
    await advance(5_000);
    fake.fail({ code: 'unknown-code' });
    await settle();
    tap('Done');
    tapDigits('87654321');
    tap('Get my item');
    await settle();
    expect(slowLine()).toBe('');
    await advance(3_000);
    expect(slowLine()).toBe('The network is slow, still trying…');
  });

  it('in Chinese on a zh-CN kiosk', async () => {
    await startCheck(new FakeKioskApi(readyState({ language: 'zh-CN' })));
    await advance(3_000);
    expect(slowLine()).toBe('网络较慢，正在继续尝试…');
  });
});
