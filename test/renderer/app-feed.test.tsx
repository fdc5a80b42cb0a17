import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { STATE_RETRY_MS } from '../../renderer/src/hooks/use-kiosk-feed';
import { FakeKioskApi, readyState } from './fakes/fake-kiosk-api';
import { currentScreen, renderApp, settle } from './render-app';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('App and the kiosk feed', () => {
  it('pulls the state on mount, follows state events, and unsubscribes on unmount', async () => {
    const fake = new FakeKioskApi(readyState({ phase: 'starting' }));
    const { container, unmount } = await renderApp(fake);
    expect(fake.getStateCalls).toBe(1);
    expect(currentScreen(container)).toBe('starting');
    expect(fake.listenerCount('state')).toBe(1);
    expect(fake.listenerCount('progress')).toBe(1);
    fake.emitState(readyState());
    await settle();
    expect(currentScreen(container)).toBe('entry');
    fake.emitState(readyState({ phase: 'out-of-service' }));
    await settle();
    expect(currentScreen(container)).toBe('out-of-service');
    unmount();
    expect(fake.listenerCount('state')).toBe(0);
    expect(fake.listenerCount('progress')).toBe(0);
  });

  it('says what a starting kiosk is busy with, step by step, in its language', async () => {
    const fake = new FakeKioskApi(readyState({ phase: 'starting', startupStep: 'configuration' }));
    const { container } = await renderApp(fake);
    const status = () => container.querySelector('[role="status"]');
    expect(status()?.textContent).toBe('Reading the settings…');
    fake.emitState(readyState({ phase: 'starting', startupStep: 'recovery' }));
    await settle();
    expect(status()?.getAttribute('data-step')).toBe('recovery');
    expect(status()?.textContent).toBe('Finishing a pickup that was interrupted…');
    fake.emitState(readyState({ phase: 'starting', startupStep: 'codes', language: 'zh-CN' }));
    await settle();
    expect(status()?.textContent).toBe('正在加载取货码…');
    fake.emitState(readyState());
    await settle();
    expect(currentScreen(container)).toBe('entry');
  });

  it('retries the first pull until main answers', async () => {
    vi.useFakeTimers();
    const fake = new FakeKioskApi(null);
    const { container } = await renderApp(fake);
    expect(currentScreen(container)).toBe('starting');
    fake.answerStateWith(readyState());
    await act(async () => {
      await vi.advanceTimersByTimeAsync(STATE_RETRY_MS);
    });
    expect(fake.getStateCalls).toBe(2);
    expect(currentScreen(container)).toBe('entry');
  });

  it('shows the machine name and speaks the state language', async () => {
    const { container } = await renderApp(
      new FakeKioskApi(readyState({ language: 'zh-CN', machineName: '大堂 A' })),
    );
    expect(screen.getByText('大堂 A')).toBeTruthy();
    expect(screen.getByRole('heading').textContent).toBe('请输入取货码');
    expect(container.querySelector('.app')?.getAttribute('lang')).toBe('zh-CN');
  });
});
