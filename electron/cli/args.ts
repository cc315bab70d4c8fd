/**
 * Option parsing for every `mailsetup` command, on node:util parseArgs: unknown options, missing
 * values and stray arguments become a one-line UsageError (exit code 2) in the person's language,
 * and the common option values (port, timeout, DNS server, CA file, host) are validated here once.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isValidHostname } from '../engine/net/hostname.ts';
import { parseDnsServer } from '../engine/net/resolver.ts';
import { UsageError } from './io.ts';
import { fileProblemText, readLocalFile } from './local-file.ts';
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

/** A CA bundle is a few hundred KiB at most; reading stops there (`/dev/zero`, a FIFO). */
const CA_LIMITS = { maxBytes: 1024 * 1024, timeoutMs: 5000 };

/** Reads `--ca FILE` (PEM); the texts of the given files. */
export async function readCaFiles(paths: readonly string[], t: Translate): Promise<string[]> {
  const texts: string[] = [];
  for (const path of paths) {
    let text: string;
    try {
      text = (await readLocalFile(path, CA_LIMITS)).toString('utf8');
    } catch (error) {
      const detail = fileProblemText(error, t, CA_LIMITS);
      throw new UsageError(t('cli:errors.unreadableCa', { value: path, detail }));
    }
    if (!text.includes('-----BEGIN CERTIFICATE-----')) {
      throw new UsageError(t('cli:errors.invalidCa', { value: path }));
    }
    texts.push(text);
  }
  return texts;
}
