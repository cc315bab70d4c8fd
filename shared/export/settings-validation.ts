/**
 * Validation of an `AccountSettings` value that came from outside (a JSON file written by hand,
 * the `recommended` part of `check --json`). Failures name the field (`incoming.port`) and carry a
 * stable code; callers translate them with `export:settingsErrors.<code>`. Also the small address
 * helpers the exporters share (domain, local part, ASCII host names).
 */
import { hasUnsafeChars } from '../control-chars.ts';
import type { AccountSettings, Endpoint, Protocol, Security } from '../model.ts';

export const SETTINGS_ERRORS = ['missing', 'wrong-type', 'invalid', 'too-long'] as const;
export type SettingsErrorCode = (typeof SETTINGS_ERRORS)[number];

export interface SettingsError {
  field: string;
  code: SettingsErrorCode;
  /** What would have been accepted, e.g. `imap, pop3` (for the message). */
  expected: string;
}

export type SettingsResult =
  { ok: true; settings: AccountSettings } | { ok: false; error: SettingsError };

const MAX_ADDRESS = 320;
const MAX_NAME = 1000;
const MAX_USERNAME = 320;
const MAX_PASSWORD = 1024;
const HOST_LABELS = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
/** C0, C1, bidi overrides: refused in every text that goes into a file (shared/control-chars.ts). */
const CONTROL = { test: hasUnsafeChars };

class Invalid extends Error {
  constructor(readonly detail: SettingsError) {
    super(`${detail.field}: ${detail.code}`);
  }
}

function fail(field: string, code: SettingsErrorCode, expected: string): never {
  throw new Invalid({ field, code, expected });
}

function readString(obj: Record<string, unknown>, key: string, path: string, max: number): string {
  const value = obj[key];
  if (value === undefined || value === null) fail(path, 'missing', 'text');
  if (typeof value !== 'string') fail(path, 'wrong-type', 'text');
  if (value.length > max) fail(path, 'too-long', `≤ ${max}`);
  return value;
}

function readEnum<T extends string>(
  obj: Record<string, unknown>,
  key: string,
  path: string,
  allowed: readonly T[],
): T {
  const value = obj[key];
  if (value === undefined || value === null) fail(path, 'missing', allowed.join(', '));
  if (typeof value !== 'string') fail(path, 'wrong-type', allowed.join(', '));
  if (!(allowed as readonly string[]).includes(value)) fail(path, 'invalid', allowed.join(', '));
  return value as T;
}

/** The host in its ASCII (IDNA) form, lower case, or null when it is not a host name. */
export function asciiHost(host: string): string | null {
  const trimmed = host.trim().replace(/\.$/, '');
  if (!trimmed || trimmed.length > 253 || /[\s/\\:@?#[\]%]/.test(trimmed)) return null;
  let ascii: string;
  try {
    ascii = new URL(`http://${trimmed}/`).hostname;
  } catch {
    return null;
  }
  const labels = ascii.split('.');
  return labels.every((label) => HOST_LABELS.test(label)) ? ascii : null;
}

/** The part after the last `@`. */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1);
}

/** The part before the last `@`. */
export function localPartOf(address: string): string {
  return address.slice(0, address.lastIndexOf('@'));
}

function readAddress(obj: Record<string, unknown>): string {
  const address = readString(obj, 'address', 'address', MAX_ADDRESS).trim();
  const at = address.lastIndexOf('@');
  if (at < 1 || CONTROL.test(address) || /\s/.test(address))
    fail('address', 'invalid', 'name@domain');
  if (asciiHost(address.slice(at + 1)) === null) fail('address', 'invalid', 'name@domain');
  return address;
}

function readEndpoint(
  root: Record<string, unknown>,
  key: 'incoming' | 'outgoing',
  protocols: readonly Protocol[],
): Endpoint {
  const value = root[key];
  if (value === undefined || value === null) fail(key, 'missing', 'object');
  if (typeof value !== 'object' || Array.isArray(value)) fail(key, 'wrong-type', 'object');
  const obj = value as Record<string, unknown>;
  const protocol = readEnum(obj, 'protocol', `${key}.protocol`, protocols);
  const hostText = readString(obj, 'host', `${key}.host`, 253);
  const host = asciiHost(hostText);
  if (host === null) fail(`${key}.host`, 'invalid', 'mail.example.com');
  const port = obj.port;
  if (port === undefined || port === null) fail(`${key}.port`, 'missing', '1–65535');
  if (typeof port !== 'number') fail(`${key}.port`, 'wrong-type', '1–65535');
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    fail(`${key}.port`, 'invalid', '1–65535');
  const security = readEnum<Security>(obj, 'security', `${key}.security`, [
    'tls',
    'starttls',
    'plain',
  ]);
  const username = readString(obj, 'username', `${key}.username`, MAX_USERNAME);
  if (!username.trim() || CONTROL.test(username)) fail(`${key}.username`, 'invalid', 'text');
  return { protocol, host, port, security, username };
}

/**
 * Checks a parsed JSON value. Accepts the settings object itself or an object holding it under
 * `recommended` (the whole output of `check --json`). Host names come back in ASCII form.
 */
export function validateSettings(input: unknown): SettingsResult {
  try {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      fail('(settings)', 'wrong-type', 'object');
    }
    let root = input as Record<string, unknown>;
    const candidateList = root.incoming === undefined || Array.isArray(root.incoming);
    if (candidateList && typeof root.recommended === 'object' && root.recommended) {
      // The whole `check --json` output: the address sits beside `recommended`, and `incoming`
      // and `outgoing` beside it are the lists of every candidate found.
      root = { address: root.address, ...(root.recommended as Record<string, unknown>) };
    }
    const address = readAddress(root);
    const settings: AccountSettings = {
      address,
      incoming: readEndpoint(root, 'incoming', ['imap', 'pop3']),
      outgoing: readEndpoint(root, 'outgoing', ['smtp']),
    };
    if (root.displayName !== undefined && root.displayName !== null) {
      settings.displayName = readString(root, 'displayName', 'displayName', MAX_NAME);
      if (CONTROL.test(settings.displayName)) fail('displayName', 'invalid', 'text');
    }
    if (root.password !== undefined && root.password !== null) {
      settings.password = readString(root, 'password', 'password', MAX_PASSWORD);
    }
    return { ok: true, settings };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: error.detail };
    throw error;
  }
}
