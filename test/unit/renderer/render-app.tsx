/** Renders the whole renderer App on a fake API with the real catalogues, for component tests. */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { App } from '../../../renderer/src/App.tsx';
import { createExporter } from '../../../renderer/src/exporter.ts';
import { createRendererI18n } from '../../../renderer/src/i18n.ts';
import { StoreProvider } from '../../../renderer/src/store/context.tsx';
import { createAppStore } from '../../../renderer/src/store/index.ts';
import { checkReport, createFakeApi, flush } from './fake-api.ts';

export function renderApp(locale = 'en') {
  const fake = createFakeApi();
  const i18n = createRendererI18n(locale);
  const store = createAppStore({
    api: fake.api,
    exporter: createExporter(i18n),
    language: locale === 'de' ? 'de' : 'en',
  });
  const view = render(
    <I18nextProvider i18n={i18n}>
      <StoreProvider store={store}>
        <App api={fake.api} />
      </StoreProvider>
    </I18nextProvider>,
  );
  return { fake, store, i18n, view };
}

export async function submitAddress(address = 'anna@example.test') {
  fireEvent.change(screen.getByLabelText('Email address'), { target: { value: address } });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Find my servers' }));
    await flush();
  });
}

export async function click(name: string | RegExp) {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
    await flush();
  });
}

/**
 * Renders the app and walks a good check (the default report) to the password step, with
 * `password` typed in; the caller answers `runVerify` and clicks "Test my login".
 */
export async function reachPasswordStep(password = 'pw') {
  const ctx = renderApp();
  ctx.fake.answer('runCheck', { ok: true, value: checkReport() });
  await submitAddress();
  await click('Continue');
  await click('Continue');
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  return ctx;
}
