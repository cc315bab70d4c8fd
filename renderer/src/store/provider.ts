/** The provider the account belongs to: named by the check report, else known by its domain. */
import {
  findProviderByDomain,
  findProviderById,
  type Provider,
} from '../../../shared/providers/index.ts';
import type { AppState } from './app-state.ts';

export function providerOf(state: AppState): Provider | null {
  const id = state.check.report?.provider;
  const byId = id ? findProviderById(id) : undefined;
  if (byId) return byId;
  return state.parsed ? (findProviderByDomain(state.parsed.domain) ?? null) : null;
}
