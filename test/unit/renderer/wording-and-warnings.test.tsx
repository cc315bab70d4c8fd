// @vitest-environment jsdom
/** Small promises of the wizard's wording: protocol names in capitals, skipped sources called so, a
 * working but unencrypted login still warned about, guidance that does not bury the password. */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { findingParams } from '../../../renderer/src/components/finding-list.tsx';
import { SourceTable } from '../../../renderer/src/components/source-table.tsx';
import { createRendererI18n } from '../../../renderer/src/i18n.ts';
import { checkReport, endpoint, verifyReport } from './fake-api.ts';
import { click, reachPasswordStep, renderApp, submitAddress } from './render-app.tsx';

afterEach(cleanup);

describe('finding sentences', () => {
  it('name protocols in capitals, also when the engine passes them as params', () => {
    const params = findingParams({
      code: 'plaintext-only',
      severity: 'error',
      host: 'mail.example.test',
      protocol: 'imap',
      params: { protocol: 'pop3', expected: 'smtp', actual: 'imap', detail: 'imap said no' },
    });
    expect(params).toMatchObject({
      protocol: 'POP3',
      expected: 'SMTP',
      actual: 'IMAP',
      detail: 'imap said no',
      host: 'mail.example.test',
    });
  });
});

describe('source table', () => {
  it('calls a source stopped for a faster, higher-priority answer skipped, not empty', () => {
    render(
      <I18nextProvider i18n={createRendererI18n('de')}>
        <SourceTable
          caption="Quellen"
          now={0}
          rows={[
            { source: 'ispdb', status: 'none', error: 'cancelled', startedAt: 0, ms: 3 },
            { source: 'srv', status: 'none', startedAt: 0, ms: 4 },
          ]}
        />
      </I18nextProvider>,
    );
    const [skippedRow, emptyRow] = within(screen.getByTestId('source-table'))
      .getAllByRole('row')
      .slice(1);
    expect(skippedRow?.textContent).toContain('Übersprungen');
    expect(skippedRow?.textContent).toContain('Nicht nötig');
    expect(emptyRow?.textContent).toContain('Nichts gefunden');
  });
});

describe('login test', () => {
  it('warns after a working login over an unencrypted connection, in German too', async () => {
    const plain = endpoint('imap', 'plain.example.test', 143, 'plain');
    const { fake } = renderApp();
    fake.answer('runCheck', {
      ok: true,
      value: checkReport({
        recommended: {
          incoming: plain,
          outgoing: endpoint('smtp', 'mail.example.test', 465, 'tls'),
          username: 'anna@example.test',
        },
      }),
    });
    fake.answer('runVerify', { ok: true, value: verifyReport() });
    await submitAddress();
    await click('Continue');
    fireEvent.click(screen.getByRole('checkbox', { name: /plain\.example\.test/ }));
    await click('Continue');
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'pw' } });
    await click('Test my login');
    expect(screen.getByTestId('verify-ok')).toBeTruthy();
    const warning = () => screen.getByTestId('verify-unencrypted').textContent ?? '';
    expect(warning()).toContain('without encryption');
    expect(warning()).toContain('plain.example.test');
    expect(warning()).not.toContain('mail.example.test');
    await click('Deutsch');
    expect(warning()).toContain('unverschlüsselt');
  });

  it('does not warn when both connections are encrypted', async () => {
    const { fake } = await reachPasswordStep();
    fake.answer('runVerify', { ok: true, value: verifyReport() });
    await click('Test my login');
    expect(screen.getByTestId('verify-ok')).toBeTruthy();
    expect(screen.queryByTestId('verify-unencrypted')).toBeNull();
  });
});

describe('password step at an unknown provider', () => {
  it('folds the troubleshooting guides away before the first attempt', async () => {
    const { fake } = renderApp();
    fake.answer('runCheck', { ok: true, value: checkReport() });
    await submitAddress();
    await click('Continue');
    await click('Continue');
    const folded = screen
      .getByText('More about two-step verification and app passwords')
      .closest('details');
    expect(folded).not.toBeNull();
    expect(folded?.open).toBe(false);
    expect(folded?.querySelectorAll('[data-testid^="guide-"]').length).toBeGreaterThan(0);
  });
});
