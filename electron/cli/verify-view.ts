/**
 * The terminal text of the login step: one block per server (what happened, what to do, the
 * server's words), the sender check, the provider's guidance and the keychain outcome.
 */
import type { Endpoint, ProbeReport } from '../../shared/model.ts';
import type { LoginResult, VerificationReport } from '../engine/verify/index.ts';
import { consentHint } from './consent-step.ts';
import type { Translate } from './translate.ts';

/** The provider's guidance as the JSON document carries it. */
export interface GuidanceJson {
  code: string;
  provider: string;
  title: string;
  steps: string[];
  /** The provider's official help page; null when there is none. */
  url: string | null;
}

export interface VerifyStepResult {
  verification: VerificationReport;
  guidance: GuidanceJson[];
  keychain?: { ok: true } | { ok: false; code: string; message: string };
  /** Both logins worked. */
  ok: boolean;
}

/** The endpoints logged in to and the check's probes: refusals say which consent to give. */
export interface VerifyTarget {
  incoming: Endpoint;
  outgoing: Endpoint;
  probes: readonly ProbeReport[];
}

function loginLines(
  label: string,
  result: LoginResult,
  t: Translate,
  endpoint?: Endpoint,
  probes: readonly ProbeReport[] = [],
): string[] {
  if (result.ok) return [`${label}: ${t('verify:result.ok', { username: result.username })}`];
  const lines = [
    `${label}: ${t(`verify:${result.reason}.title`)}`,
    `  ${t(`verify:${result.reason}.hint`)}`,
  ];
  const hint = endpoint ? consentHint(endpoint, result.reason, probes, t) : null;
  if (hint) lines.push(`  ${hint}`);
  if (result.serverText)
    lines.push(`  ${t('verify:result.serverSaid', { text: result.serverText })}`);
  return lines;
}

/** The human-readable part for the terminal. */
export function verifyText(
  result: VerifyStepResult,
  from: string | undefined,
  t: Translate,
  target?: VerifyTarget,
): string {
  const { verification } = result;
  const probes = target?.probes ?? [];
  const lines = [
    ...loginLines(t('verify:result.incoming'), verification.incoming, t, target?.incoming, probes),
    ...loginLines(t('verify:result.outgoing'), verification.outgoing, t, target?.outgoing, probes),
  ];
  const sender = verification.sender;
  if (sender && from) {
    const label = t('verify:result.sender');
    if (sender.ok) lines.push(`${label}: ${t('verify:result.senderOk', { address: from })}`);
    else {
      lines.push(
        `${label}: ${t(`verify:${sender.reason}.title`)}`,
        `  ${t(`verify:${sender.reason}.hint`)}`,
      );
      if (sender.serverText)
        lines.push(`  ${t('verify:result.serverSaid', { text: sender.serverText })}`);
    }
  }
  for (const guide of result.guidance) {
    lines.push('', guide.title, ...guide.steps.map((step, i) => `  ${i + 1}. ${step}`));
    if (guide.url) lines.push(`  ${guide.url}`);
  }
  if (result.keychain) {
    lines.push(
      '',
      result.keychain.ok
        ? t('verify:keychain.saved')
        : `${result.keychain.message} ${t(`verify:keychain.${result.keychain.code}.hint`)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
