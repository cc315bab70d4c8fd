// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { GuidancePanel } from '../../../renderer/src/components/guidance-panel.tsx';
import { createExporter } from '../../../renderer/src/exporter.ts';
import { createRendererI18n } from '../../../renderer/src/i18n.ts';
import { StoreProvider } from '../../../renderer/src/store/context.tsx';
import { createAppStore } from '../../../renderer/src/store/index.ts';
import { findProviderById } from '../../../shared/providers/index.ts';
import { createFakeApi, flush } from './fake-api.ts';

afterEach(cleanup);

function renderPanel(providerId: string | null, locale = 'en', reason?: 'app-password-required') {
  const fake = createFakeApi();
  const i18n = createRendererI18n(locale);
  const store = createAppStore({ api: fake.api, exporter: createExporter(i18n), language: 'en' });
  const provider = providerId ? (findProviderById(providerId) ?? null) : null;
  render(
    <I18nextProvider i18n={i18n}>
      <StoreProvider store={store}>
        <GuidancePanel provider={provider} {...(reason ? { reason } : {})} />
      </StoreProvider>
    </I18nextProvider>,
  );
  return { fake, provider };
}

describe('provider guidance', () => {
  it('says whether the provider needs an app password and opens its help page', async () => {
    const { fake, provider } = renderPanel('mailbox-org');
    expect(provider).not.toBeNull();
    expect(screen.getByTestId('provider-rule').textContent).toBe(
      'If two-step verification is on at mailbox.org, you need an app password. Without two-step verification, your normal password works.',
    );
    const guide = screen.getByTestId('guide-app-password');
    // Steps come from the providers catalogue; a missing key would show as the raw key.
    for (const item of guide.querySelectorAll('li'))
      expect(item.textContent).not.toMatch(/^[\w-]+\.[\w.-]+$/);
    await act(async () => {
      fireEvent.click(guide.querySelector('button')!);
      await flush();
    });
    expect(fake.callsOf('openHelp')).toEqual([
      { url: provider?.guides.find((g) => g.code === 'app-password')?.url },
    ]);
  });

  it('asks to switch IMAP on first when the provider requires it, in German too', () => {
    const withServices = ['gmx', 'web-de', 't-online', 'gmail']
      .map(findProviderById)
      .find((p) => p?.auth.servicesMustBeEnabled?.length);
    if (!withServices) throw new Error('no provider in the catalogue requires enabling IMAP');
    renderPanel(withServices.id, 'de');
    expect(screen.getByText(/Schalten Sie zuerst in den Einstellungen von/).textContent).toContain(
      withServices.name,
    );
  });

  it('puts the guide for the failure reason first when the provider is unknown', () => {
    renderPanel(null, 'en', 'app-password-required');
    const guides = screen.getAllByTestId(/^guide-/).map((g) => g.dataset.testid);
    expect(guides[0]).toBe('guide-app-password');
    expect(screen.getByTestId('guidance').textContent).toContain('two-step verification');
  });
});
