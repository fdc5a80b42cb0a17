import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeKioskApi, readyState } from '../fakes/fake-kiosk-api';
import { renderApp, tap, tapDigits } from '../render-app';

afterEach(cleanup);

const boxCount = (): number => screen.getByRole('status', { name: 'Pickup code' }).children.length;

const submitButton = (name = 'Get my item'): HTMLButtonElement =>
  screen.getByRole<HTMLButtonElement>('button', { name });

/** What a screen reader hears after the name: the text of the elements aria-describedby points at. */
const description = (element: HTMLElement): string =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter((id) => id !== '')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('entry screen code boxes', () => {
  it('shows 8 boxes (the vendor’s code length) before anything is typed and while typing up to 8', async () => {
    await renderApp();
    expect(boxCount()).toBe(8);
    tapDigits('1234');
    expect(boxCount()).toBe(8);
    tapDigits('5678');
    expect(boxCount()).toBe(8);
  });

  it('grows a box per digit past 8, up to the 10 the contract allows, and shrinks back on delete', async () => {
    await renderApp();
    tapDigits('123456789');
    expect(boxCount()).toBe(9);
    tapDigits('01');
    expect(boxCount()).toBe(10);
    tap('Delete');
    tap('Delete');
    expect(boxCount()).toBe(8);
  });

  it('marks the six boxes submit needs as required and the rest as optional', async () => {
    await renderApp();
    const kinds = [...screen.getByRole('status', { name: 'Pickup code' }).children].map((cell) =>
      cell.classList.contains('code-cell--required') ? 'required' : 'optional',
    );
    expect(kinds).toEqual([
      'required',
      'required',
      'required',
      'required',
      'required',
      'required',
      'optional',
      'optional',
    ]);
  });
});

describe('entry screen hint', () => {
  it('speaks of an 8-digit code, never of characters', async () => {
    const { container } = await renderApp();
    expect(screen.getByText('Type the 8-digit code on the keypad, or scan it')).toBeTruthy();
    expect(container.textContent).not.toMatch(/character/i);
  });

  it('says the same in Chinese', async () => {
    await renderApp(new FakeKioskApi(readyState({ language: 'zh-CN' })));
    expect(screen.getByText('用键盘输入 8 位数字取货码，或扫码')).toBeTruthy();
  });
});

describe('disabled submit says what is missing', () => {
  it('counts down the digits still needed, with the plural right, visibly and as the button’s description', async () => {
    await renderApp();
    expect(submitButton().disabled).toBe(true);
    expect(screen.getByTestId('submit-note').textContent).toBe('6 more digits');
    expect(description(submitButton())).toBe('6 more digits');
    tapDigits('1234');
    expect(description(submitButton())).toBe('2 more digits');
    tap('5');
    expect(screen.getByTestId('submit-note').textContent).toBe('1 more digit');
    expect(description(submitButton())).toBe('1 more digit');
  });

  it('says nothing once submit is allowed, and says it again after a delete', async () => {
    await renderApp();
    tapDigits('123456');
    expect(submitButton().disabled).toBe(false);
    expect(screen.queryByTestId('submit-note')).toBeNull();
    expect(submitButton().hasAttribute('aria-describedby')).toBe(false);
    tap('Delete');
    expect(submitButton().disabled).toBe(true);
    expect(description(submitButton())).toBe('1 more digit');
  });

  it('keeps the button named by its label alone, so the note never changes what it is called', async () => {
    await renderApp();
    // getByRole matches the whole accessible name: "Get my item", not "Get my item 6 more digits". The note lies
    // over the key, outside it, so the button's visible text is its name (axe: label-content-name-mismatch).
    expect(submitButton().textContent).toBe('Get my item');
    expect(submitButton().contains(screen.getByTestId('submit-note'))).toBe(false);
    tapDigits('12345678');
    expect(submitButton().disabled).toBe(false);
  });

  it('says it in Chinese too', async () => {
    await renderApp(new FakeKioskApi(readyState({ language: 'zh-CN' })));
    expect(description(submitButton('取货'))).toBe('还差 6 位数字');
    tapDigits('12345');
    expect(screen.getByTestId('submit-note').textContent).toBe('还差 1 位数字');
  });
});
