/** Renders the whole renderer App on a fake API with the real catalogues, for component tests. */
import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { App } from '../../../renderer/src/App.tsx';
import { createExporter } from '../../../renderer/src/exporter.ts';
import { createRendererI18n } from '../../../renderer/src/i18n.ts';
import { StoreProvider } from '../../../renderer/src/store/context.tsx';
import { createAppStore } from '../../../renderer/src/store/index.ts';
import { createFakeApi } from './fake-api.ts';

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
