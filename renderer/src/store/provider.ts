/** The provider the account belongs to: named by the check report, else known by its domain. */
import {
  findProviderByDomain,
  findProviderById,
  type Provider,
} from '../../../shared/providers/index.ts';
import type { AppState } from './app-state.ts';
import { providerIdOf } from './report-types.ts';

export function providerOf(state: AppState): Provider | null {
  const chosen = state.settings.chosenProvider;
  const id = chosen ?? providerIdOf(state.check.report);
  const byId = id ? findProviderById(id) : undefined;
  if (byId) return byId;
  return state.parsed ? (findProviderByDomain(state.parsed.domain) ?? null) : null;
}
