/**
 * What a person has to do at their provider, as i18n keys (namespace `providers`) in the order
 * they need them. The engine never words anything; callers translate titleKey and stepKeys with
 * `params` (e.g. `{{provider}}`), and show `url` as the official help link.
 */
import { LOGIN_REFUSALS, type VerifyReason } from '../codes.ts';
import { guideKeys } from './catalog/build.ts';
import type { DnsRecord, GuideCode, GuideSpec, Provider } from './types.ts';

export { likelyReason } from './server-text.ts';

export interface Guidance {
  /** 'app-password', 'enable-imap', 'oauth-only', 'username-form', 'sender-rule', 'no-imap',
   *  'dns-records', 'mailbox-password', 'bridge', 'smtp-ports', 'service-note'. */
  code: string;
  /** Provider id, or 'generic' when nothing is known about the provider. */
  provider: string;
  titleKey: string;
  stepKeys: string[];
  url?: string;
  /** `url` in another language, where the provider has one. */
  localUrls?: { de?: string };
  /** Interpolation values for the sentences (always includes `provider`, the brand name). */
  params: Record<string, string>;
  /** DNS records to publish (dns-records guidance for administrators). */
  records?: DnsRecord[];
}

export interface GuidanceContext {
  reason?: VerifyReason;
}

/** Guide codes that come first for a failure reason, most relevant first. */
function frontCodes(provider: Provider | undefined, reason: VerifyReason | undefined): GuideCode[] {
  const needsAppPassword =
    provider === undefined ||
    provider.auth.appPassword === 'required' ||
    provider.auth.appPassword === 'with-2fa';
  switch (reason) {
    case 'app-password-required':
      return ['app-password', 'bridge'];
    case 'wrong-credentials':
      return needsAppPassword
        ? ['app-password', 'bridge', 'mailbox-password', 'enable-imap', 'username-form']
        : ['mailbox-password', 'username-form', 'enable-imap'];
    case 'username-format':
      return ['username-form'];
    case 'service-disabled':
      return ['enable-imap', 'service-note'];
    case 'sender-rejected':
      return ['sender-rule'];
    case 'oauth-only':
      return ['oauth-only'];
    case 'web-login-required':
    case 'account-locked':
      return ['service-note'];
    case 'unreachable':
    case 'timeout':
    case 'server-silent':
      return ['bridge', 'smtp-ports'];
    default:
      return [];
  }
}

/**
 * Orders guides: 'no-imap' always first, then what the mail program will do on its own
 * ('oauth2-sign-in', before any app password), then the reason's codes, then catalogue order.
 */
function order(guides: GuideSpec[], front: GuideCode[]): GuideSpec[] {
  const rank = (g: GuideSpec): number => {
    if (g.code === 'no-imap') return -2;
    if (g.code === 'oauth2-sign-in') return -1;
    const i = front.indexOf(g.code);
    return i === -1 ? front.length : i;
  };
  return guides
    .map((guide, index) => ({ guide, index }))
    .sort((a, b) => rank(a.guide) - rank(b.guide) || a.index - b.index)
    .map(({ guide }) => guide);
}

/**
 * The provider's guidance in the order a person needs it. For 'app-password-required' (and for
 * 'wrong-credentials' at a provider whose two-step login forces app passwords) the app-password
 * steps come first; the notes needed before any login (enable IMAP, username form, OAuth only)
 * are always included. Without provider knowledge, the generic guidance.
 */
export function guidanceFor(
  provider: Provider | undefined,
  context: GuidanceContext = {},
): Guidance[] {
  if (provider === undefined) return genericGuidance(context);
  return order(provider.guides, frontCodes(provider, context.reason)).map((g) => ({
    code: g.code,
    provider: provider.id,
    titleKey: g.titleKey,
    stepKeys: [...g.stepKeys],
    ...(g.url ? { url: g.url } : {}),
    ...(g.localUrls ? { localUrls: { ...g.localUrls } } : {}),
    params: { provider: provider.name },
    ...(g.records ? { records: g.records.map((r) => ({ ...r })) } : {}),
  }));
}

/** Guides for a provider nobody described: keys `generic.<code>.*`. */
const GENERIC: readonly GuideSpec[] = [
  { code: 'enable-imap', ...guideKeys('generic.enable-imap', 2) },
  { code: 'username-form', ...guideKeys('generic.username-form', 2) },
  { code: 'app-password', ...guideKeys('generic.app-password', 3) },
];

/** Guidance when the provider is unknown: what to check at any provider, ordered by reason. */
export function genericGuidance(context: GuidanceContext = {}): Guidance[] {
  return order([...GENERIC], frontCodes(undefined, context.reason)).map((g) => ({
    code: g.code,
    provider: 'generic',
    titleKey: g.titleKey,
    stepKeys: [...g.stepKeys],
    params: {},
  }));
}

/** A login outcome as every report carries it: ok, or the reason it failed. */
type LoginOutcome = { ok: true } | { ok: false; reason: VerifyReason };

/** The reason that needs the person's action first: incoming, then outgoing, then the sender. */
export function leadingFailure(logins: {
  incoming?: LoginOutcome | null;
  outgoing?: LoginOutcome | null;
  sender?: LoginOutcome | null;
}): VerifyReason | undefined {
  for (const login of [logins.incoming, logins.outgoing, logins.sender]) {
    if (login && !login.ok) return login.reason;
  }
  return undefined;
}

/**
 * The guidance after a login test, the one selection the wizard, the CLI and the exported files
 * share: led by the failure's reason; the provider's own guides even without one (`always`, for
 * files that stay with the person); without provider knowledge, the generic guides only for a
 * login refusal.
 */
export function guidanceAfterLogin(
  provider: Provider | undefined,
  reason: VerifyReason | undefined,
  options: { always?: boolean } = {},
): Guidance[] {
  if (!reason && !(options.always && provider)) return [];
  if (!provider && (!reason || !LOGIN_REFUSALS.has(reason))) return [];
  return guidanceFor(provider, reason ? { reason } : {});
}
