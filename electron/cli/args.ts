/**
 * Option parsing for every `mailsetup` command, on node:util parseArgs: unknown options, missing
 * values and stray arguments become a one-line UsageError (exit code 2) in the person's language,
 * and the common option values (port, timeout, DNS server, CA file, host) are validated here once.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isValidHostname } from '../engine/net/hostname.ts';
import { parseDnsServer } from '../engine/net/resolver.ts';
import { UsageError } from './io.ts';
import type { Translate } from './translate.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses `args` against `options`; `maxPositionals` extra arguments are an error. */
export function parseCommandArgs<O extends Options>(
  args: string[],
  options: O,
  t: Translate,
  maxPositionals = 1,
): {
  values: ReturnType<
    typeof parseArgs<{ args: string[]; options: O; allowPositionals: true }>
  >['values'];
  positionals: string[];
} {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageFromParseError(error, t);
  }
  const extra = parsed.positionals[maxPositionals];
  if (extra !== undefined) throw new UsageError(t('cli:errors.extraArgument', { value: extra }));
  return { values: parsed.values, positionals: parsed.positionals };
}

function usageFromParseError(error: unknown, t: Translate): UsageError {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? message;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return new UsageError(t('cli:errors.unknownOption', { value: quoted }));
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const option = /(--[\w-]+)/.exec(message)?.[1] ?? quoted;
    return new UsageError(t('cli:errors.missingValue', { option }));
  }
  return new UsageError(message);
}

export function parseHostArg(text: string | undefined, t: Translate): string {
  if (text === undefined) throw new UsageError(t('cli:errors.missingHost'));
  if (!isValidHostname(text)) throw new UsageError(t('cli:errors.invalidHost', { value: text }));
  return text;
}

export function parsePortArg(text: string, t: Translate): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 1 && port <= 65535))
    throw new UsageError(t('cli:errors.invalidPort', { value: text }));
  return port;
}

export const MAX_TIMEOUT_MS = 600_000;

export function parseTimeoutArg(text: string | undefined, t: Translate): number | undefined {
  if (text === undefined) return undefined;
  const ms = /^\d{1,6}$/.test(text) ? Number(text) : NaN;
  if (!(ms >= 1 && ms <= MAX_TIMEOUT_MS)) {
    throw new UsageError(t('cli:errors.invalidTimeout', { value: text }));
  }
  return ms;
}

/** Validates `--dns IP[:PORT]` and returns it unchanged. */
export function parseDnsArg(text: string | undefined, t: Translate): string | undefined {
  if (text === undefined) return undefined;
  if (!parseDnsServer(text)) throw new UsageError(t('cli:errors.invalidDns', { value: text }));
  return text;
}

const MAX_CA_BYTES = 1024 * 1024;

/** Reads `--ca FILE` (PEM); the texts of the given files. */
export async function readCaFiles(paths: readonly string[], t: Translate): Promise<string[]> {
  const texts: string[] = [];
  for (const path of paths) {
    let text: string;
    try {
      const buffer = await readFile(path);
      if (buffer.length > MAX_CA_BYTES) throw new Error('too large');
      text = buffer.toString('utf8');
    } catch {
      throw new UsageError(t('cli:errors.unreadableCa', { value: path }));
    }
    if (!text.includes('-----BEGIN CERTIFICATE-----')) {
      throw new UsageError(t('cli:errors.invalidCa', { value: path }));
    }
    texts.push(text);
  }
  return texts;
}
