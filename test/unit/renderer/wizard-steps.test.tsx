// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  checkReport,
  endpoint,
  flush,
  portStart,
  sourceDone,
  sourceStart,
  verifyReport,
} from './fake-api.ts';
import { click, reachPasswordStep, renderApp, submitAddress } from './render-app.tsx';

afterEach(cleanup);

describe('address step', () => {
  it('validates as typed with the parser’s reason, and keeps focus in the field', async () => {
    renderApp();
    const input = screen.getByLabelText('Email address');
    fireEvent.change(input, { target: { value: 'anna@@example.test' } });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const error = screen.getByTestId('address-error');
    expect(error.id).toBe('address-error');
    expect(input.getAttribute('aria-describedby')).toContain('address-error');
    expect(error.textContent).toContain('An email address has only one @ sign.');
    fireEvent.change(input, { target: { value: 'anna@example.test' } });
    expect(screen.queryByTestId('address-error')).toBeNull();
    expect(screen.getByTestId('address-ok')).toBeTruthy();
  });

  it('moves to the next step, focuses its heading and announces it', async () => {
    const { fake } = renderApp();
    fake.defer('runCheck');
    await submitAddress();
    const heading = screen.getByRole('heading', { level: 1, name: 'Finding your servers' });
    expect(document.activeElement).toBe(heading);
    expect(screen.getByTestId('live').textContent).toContain('Looking for the mail servers');
    expect(screen.getByRole('listitem', { current: 'step' }).textContent).toContain('Servers');
  });
});

describe('discovery step', () => {
  it('shows live rows per source and per port as the events arrive', async () => {
    const { fake } = renderApp();
    const finish = fake.defer('runCheck');
    await submitAddress();
    const operationId = String(fake.callsOf('runCheck')[0]?.operationId);
    act(() => {
      fake.emit({ operationId, event: sourceStart('autoconfig') });
      fake.emit({ operationId, event: sourceStart('srv') });
      fake.emit({ operationId, event: portStart('mail.example.test', 993) });
    });
    const sources = screen.getByTestId('source-table');
    expect(within(sources).getAllByText('Checking…')).toHaveLength(2);
    act(() => {
      fake.emit({
        operationId,
        event: sourceDone('srv', 'none', 5000),
      });
    });
    expect(within(sources).getByText('Nothing here')).toBeTruthy();
    // People get no timings; the tables are folded behind "Show details".
    expect(within(sources).queryByText(/^5\.0 s/)).toBeNull();
    expect(screen.getByTestId('discovery-details').hasAttribute('open')).toBe(false);
    expect(within(screen.getByTestId('port-table')).getByText('Trying…')).toBeTruthy();
    expect(screen.getByTestId('discovery-status').textContent).toContain(
      'Looking for the mail servers of example.test',
    );
    await act(async () => {
      finish({ ok: true, value: checkReport() });
      await flush();
    });
    expect(screen.getByTestId('discovery-status').textContent).toBe(
      'We found the settings for example.test.',
    );
  });
});

describe('review step', () => {
  async function toReview(report = checkReport()) {
    const ctx = renderApp();
    ctx.fake.answer('runCheck', { ok: true, value: report });
    await submitAddress();
    await click('Continue');
    return ctx;
  }

  it('says the recommended settings in plain words with a security badge', async () => {
    await toReview();
    const card = screen.getByTestId('card-incoming');
    expect(card.textContent).toContain('fetches mail with IMAP from mail.example.test, port 993');
    expect(within(card).getByTestId('security-badge').textContent).toContain('Encrypted');
    expect(screen.queryByTestId('consent')).toBeNull();
  });

  it('blocks plaintext until the person confirms in clear words', async () => {
    const { store } = await toReview(
      checkReport({
        recommended: {
          incoming: endpoint('imap', 'mail.plain.test', 143, 'plain'),
          outgoing: endpoint('smtp', 'mail.plain.test', 587, 'plain'),
        },
      }),
    );
    expect(screen.getAllByText('NOT encrypted').length).toBeGreaterThan(0);
    await click('Continue');
    expect(store.getState().step).toBe('review');
    const boxes = screen.getAllByRole('checkbox', { name: /without encryption/ });
    fireEvent.click(boxes[0]!);
    await click('Continue');
    expect(store.getState().step).toBe('password');
  });

  it('explains an expired certificate and asks for consent for exactly that host', async () => {
    const { store } = await toReview(
      checkReport({
        findings: [
          {
            severity: 'error',
            code: 'cert-expired',
            host: 'mail.example.test',
            port: 993,
            params: { date: '2026-10-17' },
          },
        ],
      }),
    );
    const card = screen.getByTestId('card-incoming');
    // No "Encrypted" above an expired certificate: a badge of its own.
    expect(within(card).getByTestId('security-badge').textContent).toContain(
      'Certificate not valid',
    );
    // Said once, in the confirmation, with the advice before the decision.
    const consent = screen.getByTestId('consent');
    expect(consent.textContent).toContain(
      'could not be verified. The certificate on port 993 expired on 2026-10-17.',
    );
    expect(consent.textContent).toContain('Our advice: tell your provider');
    fireEvent.click(within(consent).getByRole('checkbox'));
    expect(store.getState().settings.consents).toEqual(['mail.example.test']);
  });

  it('lets every value be changed in the manual form', async () => {
    const { store } = await toReview();
    await click('Change settings');
    const form = screen.getByTestId('form-incoming');
    fireEvent.change(within(form).getByLabelText('Server name'), {
      target: { value: 'imap.other.test' },
    });
    fireEvent.change(within(form).getByLabelText('Port'), { target: { value: '1993' } });
    expect(store.getState().settings.incoming).toMatchObject({
      host: 'imap.other.test',
      port: 1993,
    });
    fireEvent.change(within(form).getByLabelText('Port'), { target: { value: '' } });
    expect(within(form).getByText('The port must be a number from 1 to 65535.')).toBeTruthy();
  });
});

describe('password and verify steps', () => {
  async function toPassword() {
    const ctx = renderApp();
    ctx.fake.answer('runCheck', { ok: true, value: checkReport() });
    await submitAddress();
    await click('Continue');
    await click('Continue');
    return ctx;
  }

  it('explains two-step verification and app passwords to someone who never heard of them', async () => {
    await toPassword();
    const guidance = screen.getByTestId('guidance');
    expect(guidance.textContent).toContain('Two-step verification (also called 2FA)');
    expect(guidance.textContent).toContain('An app password is');
    expect(screen.getByText('You will sign in as anna@example.test.')).toBeTruthy();
  });

  it('shows the classified reason, what to do, and the server’s words behind details; retry keeps everything', async () => {
    const { fake } = await toPassword();
    fake.answer(
      'runVerify',
      {
        ok: true,
        value: verifyReport({
          incoming: {
            ok: false,
            reason: 'app-password-required',
            serverText: 'NO [AUTHENTICATIONFAILED] Application-specific password required',
            attempts: 1,
            ms: 25,
          },
        }),
      },
      { ok: true, value: verifyReport() },
    );
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'normal-password' } });
    await click('Test my login');
    expect(document.activeElement?.textContent).toBe('Testing your login');
    const incoming = screen.getByTestId('login-incoming');
    expect(within(incoming).getByTestId('reason-incoming').textContent).toBe(
      'Your provider requires an app password for mail programs.',
    );
    const details = within(incoming).getByText('Details').closest('details');
    expect(details?.open).toBe(false);
    expect(details?.textContent).toContain('Application-specific password required');
    expect(screen.getByTestId('login-outgoing').textContent).toContain('Login works');
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'app-password' } });
    await click('Try again');
    const [first, second] = fake.callsOf('runVerify');
    expect(second?.password).toBe('app-password');
    expect(second?.incoming).toEqual(first?.incoming);
    expect(screen.getByTestId('verify-ok')).toBeTruthy();
  });
});

describe('export step', () => {
  it('previews the chosen program’s files, saves them and copies the settings', async () => {
    const { fake } = await reachPasswordStep();
    fake.answer('runVerify', { ok: true, value: verifyReport() });
    await click('Test my login');
    await click('Continue');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Set up your mail program');
    fireEvent.click(screen.getByLabelText(/Outlook for Windows/));
    const files = screen
      .getAllByTestId('export-file')
      .map((f) => f.querySelector('h2')?.textContent);
    // The person's file; the administrator's file waits in its own fold.
    expect(files).toEqual(['outlook.prf']);
    expect(screen.getByTestId('admin-files').textContent).toContain('autodiscover.xml');
    await click('Copy the settings');
    const [copied] = fake.callsOf('writeClipboard');
    expect(String(copied?.text)).toContain('mail.example.test');
    expect(String(copied?.text)).not.toContain('pw\n');
    await click('Save the file for Outlook…');
    const [saved] = fake.callsOf('saveExport');
    const savedNames = (saved?.files as Array<{ filename: string }>).map((f) => f.filename);
    expect(savedNames).toEqual(['outlook.prf']);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Done: your account is ready',
    );
    expect(screen.getByTestId('done-summary').textContent).toContain('config.xml is saved');
    await click('Set up another address');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Your email address');
  });
});

describe('finishing in Thunderbird', () => {
  it('adds the account to the chosen profile, says a running Thunderbird in plain words, then done', async () => {
    const { fake } = await reachPasswordStep();
    fake.answer('runVerify', { ok: true, value: verifyReport() });
    const profiles = [
      { path: '/p/default', name: 'default', isDefault: true, running: false, accounts: [] },
      { path: '/p/office', name: 'office', isDefault: false, running: false, accounts: ['a@b.test'] },
    ];
    fake.answer('listThunderbirdProfiles', { ok: true, value: { profiles } });
    fake.answer(
      'addToThunderbird',
      { ok: false, code: 'thunderbird-running' },
      { ok: true, value: { status: 'added', profilePath: '/p/office', accountKey: 'account3' } },
    );
    await click('Test my login');
    await click('Continue');
    await act(async () => flush());
    fireEvent.click(screen.getByLabelText(/office/));
    await click('Add to Thunderbird');
    expect(screen.getByTestId('finish-error').textContent).toBe(
      'Thunderbird is open. Close Thunderbird and press again.',
    );
    await click('Add to Thunderbird');
    const requests = fake.callsOf('addToThunderbird');
    expect(requests[1]).toMatchObject({ profilePath: '/p/office' });
    expect(JSON.stringify(requests[1])).not.toContain('"password"');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Done: your account is ready',
    );
    expect(screen.getByTestId('done-summary').textContent).toBe(
      'anna@example.test is now in Thunderbird (profile “office”).',
    );
  });
});

describe('header switches', () => {
  it('switches the language of every visible string and the document', async () => {
    const { fake } = renderApp();
    await click('Deutsch');
    expect(document.documentElement.lang).toBe('de');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Ihre E-Mail-Adresse');
    expect(document.title).toBe(
      'Schritt 1 von 7: Ihre E-Mail-Adresse – Mail-Einrichtungsassistent',
    );
    expect(fake.callsOf('setLanguage')).toEqual([{ language: 'de' }]);
    expect(screen.getByRole('button', { name: 'Deutsch' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });

  it('shows the helpdesk check, runs it for a bare domain and copies the ticket report', async () => {
    const { fake } = renderApp();
    fake.answer('runCheck', {
      ok: true,
      value: checkReport({
        findings: [
          { severity: 'warning', code: 'port-timeout', host: 'mail.example.test', port: 25 },
        ],
      }),
    });
    const toggle = screen.getByRole('switch', { name: 'Helpdesk mode' });
    await act(async () => {
      fireEvent.click(toggle);
      await flush();
    });
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    expect(document.activeElement?.textContent).toBe('Helpdesk check');
    fireEvent.change(screen.getByLabelText('Domain or email address'), {
      target: { value: 'example.test' },
    });
    await click('Check');
    expect(fake.callsOf('runCheck')[0]).toMatchObject({
      address: 'postmaster@example.test',
      helpdesk: true,
    });
    expect(screen.getByTestId('probe-table').textContent).toContain('993');
    expect(screen.getByTestId('findings').textContent).toContain('mail.example.test:25');
    await click('Copy the ticket report');
    const [copied] = fake.callsOf('writeClipboard');
    expect(String(copied?.text)).toContain('mail.example.test');
  });
});
