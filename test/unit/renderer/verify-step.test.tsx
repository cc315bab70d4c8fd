// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PROBED_SHA256, verifyReport } from './fake-api.ts';
import { click, reachPasswordStep } from './render-app.tsx';

afterEach(cleanup);

const toVerify = () => reachPasswordStep('pw-1');

describe('verify step', () => {
  it('offers a per-host confirmation when the engine refused an insecure connection', async () => {
    const { fake } = await toVerify();
    fake.answer(
      'runVerify',
      {
        ok: true,
        value: verifyReport({
          incoming: { ok: false, reason: 'cert-invalid', serverText: 'CERT_HAS_EXPIRED', ms: 5 },
        }),
      },
      { ok: true, value: verifyReport() },
    );
    await click('Test my login');
    const consent = screen.getByTestId('consent');
    expect(consent.textContent).toContain('mail.example.test');
    fireEvent.click(within(consent).getByRole('checkbox'));
    await click('Try again');
    const [first, second] = fake.callsOf('runVerify');
    expect(first?.allowInsecure).toEqual([]);
    // The probe saw a certificate there: the consent pins it (never "any certificate").
    expect(second?.allowInsecure).toEqual([`mail.example.test#${PROBED_SHA256}`]);
    expect(screen.getByTestId('verify-ok')).toBeTruthy();
  });

  it('reports a keychain that is not available in plain words, and the login still counts', async () => {
    const { fake, store } = await toVerify();
    fireEvent.click(screen.getByLabelText('Remember the password in the keychain'));
    fake.answer('runVerify', { ok: true, value: verifyReport() });
    fake.answer('saveSecret', { ok: false, code: 'keychain-unavailable' });
    await click('Test my login');
    expect(screen.getByTestId('keychain').textContent).toBe('No system keychain is available.');
    expect(store.getState().verify.status).toBe('done');
    await click('Continue');
    expect(store.getState().step).toBe('export');
  });

  it('shows a failure of the test itself (not a login failure) with its reason', async () => {
    const { fake } = await toVerify();
    fake.answer('runVerify', { ok: false, code: 'internal-error' });
    await click('Test my login');
    expect(screen.getByRole('alert').textContent).toContain(
      'Something went wrong inside the app. Please try again.',
    );
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
