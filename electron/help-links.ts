/**
 * The help links the app may open in the person's browser: every https link of the provider
 * knowledge (help pages, app-password pages, web logins, guide pages). Their hosts form the
 * allow-list of `shell.openExternal` (`external-links.ts`).
 */
import { PROVIDERS } from '../shared/providers/index.ts';
import { linksOf } from './external-links.ts';

export const PROVIDER_HELP_LINKS: readonly string[] = Object.freeze(linksOf(PROVIDERS));
