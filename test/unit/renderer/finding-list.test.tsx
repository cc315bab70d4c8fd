// @vitest-environment jsdom
/** The wizard's findings list: one problem on seven ports is one line that names the other ports. */
import { cleanup, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { FindingList } from '../../../renderer/src/components/finding-list.tsx';
import { createRendererI18n } from '../../../renderer/src/i18n.ts';
import type { Finding, Protocol } from '../../../shared/model.ts';
import { checkReport } from './fake-api.ts';
import { click, renderApp, submitAddress } from './render-app.tsx';

afterEach(cleanup);

const PORTS: Array<[number, Protocol]> = [
  [993, 'imap'],
  [995, 'pop3'],
  [465, 'smtp'],
  [143, 'imap'],
  [110, 'pop3'],
  [587, 'smtp'],
  [25, 'smtp'],
];

/** An expired certificate as the engine reports it on each of seven ports. */
const expired: Finding[] = PORTS.map(([port, protocol]) => ({
  severity: 'error',
  code: 'cert-expired',
  host: 'mail.example.test',
  port,
  protocol,
  params: { host: 'mail.example.test', port, protocol, date: '2026-10-17' },
}));

function renderList(findings: Finding[], locale = 'en') {
  render(
    <I18nextProvider i18n={createRendererI18n(locale)}>
      <FindingList findings={findings} showWhere />
    </I18nextProvider>,
  );
  return within(screen.getByTestId('findings')).getAllByRole('listitem');
}

describe('FindingList', () => {
  it('shows one line for a certificate problem on seven ports, naming the other six', () => {
    const items = renderList(expired);
    expect(items).toHaveLength(1);
    expect(items[0]?.textContent).toContain(
      'The certificate on port 993 expired on 2026-10-17. (also on ports 995, 465, 143, 110, 587, 25)',
    );
    expect(items[0]?.textContent).toContain('(mail.example.test:993)');
  });

  it('words the other ports in German from the catalogue', () => {
    const items = renderList(expired.slice(0, 2), 'de');
    expect(items).toHaveLength(1);
    expect(items[0]?.textContent).toContain('(ebenso auf Port 995)');
    expect(items[0]?.textContent).not.toContain('also');
  });

  it('keeps other hosts, severities and problems on their own lines, worst first', () => {
    const items = renderList([
      { severity: 'warning', code: 'port-timeout', host: 'mail.example.test', port: 25 },
      ...expired.slice(0, 2),
      { ...expired[2]!, host: 'smtp.example.test' },
      { severity: 'warning', code: 'port-timeout', host: 'mail.example.test', port: 587 },
    ]);
    expect(items.map((item) => item.className)).toEqual([
      'finding finding-error',
      'finding finding-error',
      'finding finding-warning',
    ]);
    expect(items[0]?.textContent).toContain('(also on port 995)');
    expect(items[1]?.textContent).toContain('(smtp.example.test:465)');
    expect(items[1]?.textContent).not.toContain('also on');
    expect(items[2]?.textContent).toContain('Port 25 did not answer in time');
    expect(items[2]?.textContent).toContain('(also on port 587)');
  });
});

describe('review step', () => {
  it('counts problems, not ports, in the summary of all findings', async () => {
    const { fake } = renderApp();
    fake.answer('runCheck', { ok: true, value: checkReport({ findings: expired }) });
    await submitAddress();
    await click('Continue');
    const details = document.querySelector('details.all-findings');
    expect(details?.querySelector('summary')?.textContent).toBe(
      'Show 1 finding for every server tried',
    );
    expect(details?.querySelectorAll('li.finding')).toHaveLength(1);
  });
});
