/**
 * The guide shared by providers whose servers Thunderbird signs in to with OAuth2 (Google,
 * Yahoo, AOL, Fastmail): what will happen ("Thunderbird opens the provider's sign-in page the
 * first time"), placed before the app-password steps.
 */
import { sharedGuide } from './build.ts';

export const OAUTH2_SIGN_IN = sharedGuide('oauth2-sign-in', 'oauth2-sign-in', 2);
