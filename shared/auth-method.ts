/**
 * Login methods: what a candidate's `auth` list (autoconfig/ISPDB `<authentication>` words, or
 * the SASL mechanisms a probe read) means for the mail program. A server that takes a password
 * in any form is a password server; one that takes only OAuth2 is an `oauth2` server, never
 * offered for a password login. Pure.
 */
import type { AuthMethod } from './model.ts';

const WORDS: Record<string, AuthMethod> = {
  'password-cleartext': 'password-cleartext',
  plain: 'password-cleartext',
  login: 'password-cleartext',
  'password-encrypted': 'password-encrypted',
  secure: 'password-encrypted',
  'cram-md5': 'password-encrypted',
  'digest-md5': 'password-encrypted',
  'scram-sha-1': 'password-encrypted',
  'scram-sha-256': 'password-encrypted',
  oauth2: 'oauth2',
  xoauth2: 'oauth2',
  oauthbearer: 'oauth2',
};

/** The login methods named in an `auth` list, in its order, without repeats. */
export function authMethodsOf(auth: readonly string[]): AuthMethod[] {
  const methods = auth.flatMap((word) => {
    const method = WORDS[word.trim().toLowerCase()];
    return method ? [method] : [];
  });
  return [...new Set(methods)];
}

/**
 * How a mail program should log in, given the server's `auth` list: `undefined` (the usual
 * password) when a cleartext password is taken or nothing is known, `password-encrypted` when
 * that is the only password form, `oauth2` when OAuth2 is the only method named.
 */
export function loginMethodOf(auth: readonly string[]): AuthMethod | undefined {
  const methods = authMethodsOf(auth);
  if (methods.length === 0 || methods.includes('password-cleartext')) return undefined;
  if (methods.includes('password-encrypted')) return 'password-encrypted';
  return 'oauth2';
}

/** The autoconfig `<authentication>` word of a method. */
export function autoconfigWord(method: AuthMethod): string {
  return method === 'oauth2' ? 'OAuth2' : method;
}

/** True when the endpoint takes a password (absent method = password). */
export function takesPassword(endpoint: { authMethod?: AuthMethod }): boolean {
  return endpoint.authMethod !== 'oauth2';
}
