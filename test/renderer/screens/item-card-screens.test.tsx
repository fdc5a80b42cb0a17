import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RedemptionResult } from '../../../electron/contract';
import { FakeKioskApi, readyState } from '../fakes/fake-kiosk-api';
import { currentScreen, renderApp, settle, tap, tapDigits, type RenderedApp } from '../render-app';

afterEach(cleanup);

const photo = `media/${'a'.repeat(64)}.png`;

const startRedemption = async (fake = new FakeKioskApi(readyState())): Promise<RenderedApp> => {
  const view = await renderApp(fake);
  tapDigits('12345678');
  tap(/^(Get my item|取货)$/);
  await settle();
  return view;
};

const photoOf = (container: HTMLElement): HTMLImageElement | null =>
  container.querySelector<HTMLImageElement>('img.item-card__photo');

describe('the item on the dispensing and outcome screens', () => {
  it('shows the photo, the name and the slot while dispensing, and keeps them across later events', async () => {
    const { fake, container } = await startRedemption();
    fake.emitProgress({
      redemptionId: 'r-1',
      stage: 'dispensing',
      unit: 1,
      of: 2,
      productName: 'Green Tea',
      productPhoto: photo,
      slotName: 'A21',
    });
    await settle();
    expect(currentScreen(container)).toBe('dispensing');
    expect(screen.getByText('Green Tea')).toBeTruthy();
    expect(screen.getByText('From slot A21')).toBeTruthy();
    const img = photoOf(container);
    expect(img?.getAttribute('src')).toBe(`/${photo}`);
    expect(img?.getAttribute('alt')).toBe('');
    expect([img?.getAttribute('width'), img?.getAttribute('height')]).toEqual(['160', '160']);
    fake.emitProgress({ redemptionId: 'r-1', stage: 'dispensing', unit: 2, of: 2 });
    await settle();
    expect(photoOf(container)?.getAttribute('src')).toBe(`/${photo}`);
    expect(screen.getByText('From slot A21')).toBeTruthy();
  });

  it('hides a photo that fails to load and shows none when the event has none', async () => {
    const { fake, container } = await startRedemption();
    fake.emitProgress({
      redemptionId: 'r-1',
      stage: 'dispensing',
      unit: 1,
      of: 1,
      productName: 'Cola',
      productPhoto: photo,
    });
    await settle();
    const img = photoOf(container);
    expect(img).not.toBeNull();
    if (img !== null) fireEvent.error(img);
    await settle();
    expect(photoOf(container)).toBeNull();
    expect(screen.getByText('Cola')).toBeTruthy();
    expect(screen.queryByText(/From slot/)).toBeNull();
  });

  it('shows the photo and slot on the success screen', async () => {
    const fake = new FakeKioskApi(readyState());
    const { container } = await startRedemption(fake);
    const result: Partial<RedemptionResult> = { productName: 'Cola', productPhoto: photo, slotName: 'B03' };
    fake.succeed(result);
    await settle();
    expect(currentScreen(container)).toBe('success');
    expect(photoOf(container)?.getAttribute('src')).toBe(`/${photo}`);
    expect(screen.getByText('From slot B03')).toBeTruthy();
  });

  it('says the slot in Chinese', async () => {
    const fake = new FakeKioskApi(readyState({ language: 'zh-CN' }));
    const { container } = await startRedemption(fake);
    fake.succeed({ productName: '可乐', slotName: 'B03' });
    await settle();
    expect(currentScreen(container)).toBe('success');
    expect(screen.getByText('出货货道 B03')).toBeTruthy();
  });
});
