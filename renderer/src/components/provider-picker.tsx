/**
 * "Who provides your email?": the built-in providers and hosters as a searchable list. Picking one
 * fills both servers with its documented settings, which are then checked like typed ones.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROVIDERS, type Provider } from '../../../shared/providers/index.ts';
import { useApp } from '../store/context.tsx';

/** Providers whose name, id or domains contain every word typed, in catalogue order. */
export function matchProviders(query: string, providers: readonly Provider[] = PROVIDERS) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const withServers = providers.filter((p) => p.incoming.length > 0 && p.outgoing.length > 0);
  if (words.length === 0) return withServers;
  return withServers.filter((p) => {
    const haystack = [p.name, p.id, ...p.domains].join(' ').toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

export function ProviderPicker() {
  const { t } = useTranslation();
  const applyProvider = useApp((s) => s.applyProvider);
  const chosen = useApp((s) => s.settings.chosenProvider);
  const [query, setQuery] = useState('');
  const searchId = useId();
  const matches = matchProviders(query);
  return (
    <section className="provider-picker" aria-labelledby="picker-heading" data-testid="picker">
      <h2 id="picker-heading">{t('wizard:picker.title')}</h2>
      <div className="field">
        <label htmlFor={searchId}>{t('wizard:picker.search')}</label>
        <input
          id={searchId}
          type="search"
          spellCheck={false}
          autoCapitalize="off"
          value={query}
          aria-describedby={`${searchId}-count`}
          onChange={(e) => setQuery(e.target.value)}
        />
        <p className="hint" id={`${searchId}-count`} aria-live="polite">
          {matches.length > 0
            ? t('wizard:picker.count', { count: matches.length })
            : t('wizard:picker.none')}
        </p>
      </div>
      <ul className="provider-list">
        {matches.map((provider) => (
          <li key={provider.id}>
            <button
              type="button"
              className="secondary"
              aria-pressed={chosen === provider.id}
              onClick={() => applyProvider(provider.id)}
            >
              {provider.name}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
