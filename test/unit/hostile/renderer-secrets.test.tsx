// @vitest-environment jsdom
/**
 * The renderer and the password: after a whole wizard run (password typed, login tested, every
 * program's files previewed and saved, settings copied), the password is nowhere but in the one
 * verify request: not in web storage, cookies, the page's markup, the store's serialisable state
 * after the step, exported files, the clipboard or any other IPC request.
 */
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { checkReport, flush, verifyReport } from '../renderer/fake-api.ts';
import { renderApp } from '../renderer/render-app.tsx';

afterEach(cleanup);

const PASSWORD = 'Renderer-Secret-93x!';
const BASE64 = Buffer.from(PASSWORD).toString('base64').replace(/=+$/, '');

async function click(name: string | RegExp) {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
    await flush();
  });
}

function storageText(storage: Storage): string {
  const entries: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i) ?? '';
    entries.push(`${key}=${storage.getItem(key) ?? ''}`);
  }
  return entries.join('\n');
}

function leaks(text: string): boolean {
  return text.includes(PASSWORD) || text.includes(BASE64);
}

describe('the password in the renderer', () => {
  it('stays out of storage, markup, files, clipboard and every request but verify', async () => {
    const { fake, store } = renderApp();
    fake.answer('runCheck', { ok: true, value: checkReport() });
    fake.answer('runVerify', { ok: true, value: verifyReport() });
    fireEvent.change(screen.getByLabelText('Email address'), {
      target: { value: 'anna@example.test' },
    });
    await click('Find my servers');
    await click('Continue');
    await click('Continue');
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: PASSWORD } });
    await click('Test my login');
    expect(fake.callsOf('runVerify')[0]?.password).toBe(PASSWORD);
    await click('Continue');
    await click('Copy the settings');

    for (const program of [/Thunderbird/, /Outlook for Windows/, /Apple/]) {
      const choice = screen.queryAllByLabelText(program)[0];
      if (!choice) continue;
      fireEvent.click(choice);
      expect(leaks(document.body.innerHTML), `preview of ${String(program)}`).toBe(false);
      await click(/^Save the (file|profile) for/);
      // Saving finishes the wizard; back to the files for the next program.
      expect(leaks(document.body.innerHTML), `done screen after ${String(program)}`).toBe(false);
      await click('Back');
    }

    expect(fake.callsOf('saveExport').length).toBe(3);
    const others = fake.calls.filter((call) => call.method !== 'runVerify');
    expect(leaks(JSON.stringify(others))).toBe(false);
    expect(leaks(storageText(window.localStorage))).toBe(false);
    expect(leaks(storageText(window.sessionStorage))).toBe(false);
    expect(leaks(document.cookie)).toBe(false);
    expect(leaks(document.documentElement.outerHTML)).toBe(false);
    // Whatever the store would hand to a serialiser (functions dropped) holds no password either,
    // except the one field the verify slice keeps in memory for a retry.
    const state = JSON.parse(JSON.stringify(store.getState())) as Record<string, unknown>;
    const withoutInput = JSON.stringify(state, (key, value: unknown) =>
      key === 'password' ? undefined : value,
    );
    expect(leaks(withoutInput)).toBe(false);
  });
});
