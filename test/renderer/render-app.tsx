import { act, fireEvent, render, screen, type RenderResult } from '@testing-library/react';
import { vi } from 'vitest';
import { App } from '../../renderer/src/app';
import { FakeKioskApi } from './fakes/fake-kiosk-api';

/** Lets pending promise callbacks (answers, the first getState) run inside React's act(). */
export const settle = async (): Promise<void> => {
  await act(async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  });
};

/** Moves fake timers on (idle waits, countdowns, the hold gesture), letting React render what they change. */
export const advance = async (ms: number): Promise<void> => {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
};

export type RenderedApp = RenderResult & { fake: FakeKioskApi };

export const renderApp = async (fake = new FakeKioskApi()): Promise<RenderedApp> => {
  const view = render(<App api={fake.api} />);
  await settle();
  return { ...view, fake };
};

/** Taps an on-screen button by its visible name, as a finger would. */
export const tap = (name: string | RegExp): void => {
  const button = screen.getByRole('button', { name });
  fireEvent.pointerDown(button);
  fireEvent.click(button);
};

export const tapDigits = (digits: string): void => {
  for (const digit of digits) tap(digit);
};

/** What the code boxes currently show. */
export const typedCode = (): string => screen.getByRole('status', { name: 'Pickup code' }).dataset.code ?? '';

export const currentScreen = (container: HTMLElement): string | null =>
  container.querySelector('[data-screen]')?.getAttribute('data-screen') ?? null;

export const pressKey = (key: string): void => {
  fireEvent.keyDown(window, { key });
};
