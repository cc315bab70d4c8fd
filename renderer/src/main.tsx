/**
 * Boots the renderer: asks main (through the preload's `window.mailSetup`) for the language,
 * creates the i18n instance and the store, and renders the wizard. Without the bridge the window
 * shows a short notice instead of a broken wizard.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { MailSetupApi } from '../../shared/ipc.ts';
import { pickLanguage } from '../../shared/i18n/index.ts';
import { App } from './App.tsx';
import { createExporter } from './exporter.ts';
import { createRendererI18n } from './i18n.ts';
import { createAppStore } from './store/index.ts';
import { StoreProvider } from './store/context.tsx';
import './styles.css';

declare global {
  interface Window {
    mailSetup?: MailSetupApi;
  }
}

async function boot(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) return;
  const api = window.mailSetup;
  const root = createRoot(container);
  if (!api) {
    const i18n = createRendererI18n(navigator.language);
    root.render(
      <main className="main">
        <h1>{i18n.t('wizard:app.title')}</h1>
        <p role="alert">{i18n.t('wizard:errors.no-bridge')}</p>
      </main>,
    );
    return;
  }
  const info = await api.appInfo({}).catch(() => null);
  const i18n = createRendererI18n(info?.ok ? info.value.locale : navigator.language);
  const language = pickLanguage(i18n.language);
  const store = createAppStore({
    api,
    exporter: createExporter(i18n),
    language,
    ...(info?.ok ? { platform: info.value.platform } : {}),
  });
  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <StoreProvider store={store}>
          <App api={api} />
        </StoreProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void boot();
