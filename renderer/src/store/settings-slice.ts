/**
 * The settings slice: the incoming and outgoing server the account will use. Filled from the
 * check's recommendation, changed by the manual form, plus the hosts the person explicitly agreed
 * to send the password to without full protection.
 */
import {
  STANDARD_PORTS,
  type Endpoint,
  type Protocol,
  type Security,
} from '../../../shared/model.ts';
import type { SliceCreator } from './app-state.ts';
import type { CheckReport } from '../../../shared/reports.ts';

export type Side = 'incoming' | 'outgoing';

export interface SettingsState {
  incoming: Endpoint | null;
  outgoing: Endpoint | null;
  /** Hosts the person consented to send the password to despite plaintext or a bad certificate. */
  consents: string[];
  /** Whether the values are the check's recommendation or changed by hand. */
  origin: 'recommended' | 'manual' | null;
}

export interface SettingsSlice {
  settings: SettingsState;
  applyRecommended(report: CheckReport): void;
  /** Blank settings for the manual form when the check found nothing or failed. */
  prepareManual(): void;
  updateEndpoint(side: Side, change: Partial<Endpoint>): void;
  setConsent(host: string, on: boolean): void;
  resetSettings(): void;
}

const EMPTY_SETTINGS: SettingsState = {
  incoming: null,
  outgoing: null,
  consents: [],
  origin: null,
};

/** The standard port for a protocol and security, e.g. imap + tls -> 993. */
export function standardPort(protocol: Protocol, security: Security): number {
  const wanted = security === 'plain' ? 'starttls' : security;
  const match = STANDARD_PORTS.find((p) => p.protocol === protocol && p.security === wanted);
  return match?.port ?? (protocol === 'smtp' ? 587 : 993);
}

function isStandardPort(port: number): boolean {
  return STANDARD_PORTS.some((p) => p.port === port);
}

/** An endpoint with no host yet: the protocol's TLS port, the given username. */
function blankEndpoint(protocol: Protocol, username: string): Endpoint {
  return { protocol, host: '', port: standardPort(protocol, 'tls'), security: 'tls', username };
}

function endpointOf(
  value: Partial<Endpoint> | null | undefined,
  fallback: Endpoint,
  username: string,
): Endpoint {
  if (!value?.host) return fallback;
  return {
    protocol: value.protocol ?? fallback.protocol,
    host: value.host,
    port: value.port ?? fallback.port,
    security: value.security ?? fallback.security,
    username: value.username || username,
  };
}

export function createSettingsSlice(): SliceCreator<SettingsSlice> {
  return (set, get) => ({
    settings: EMPTY_SETTINGS,

    applyRecommended(report) {
      const username = report.recommended.username || get().parsed?.address || report.address;
      set({
        settings: {
          incoming: endpointOf(
            report.recommended.incoming,
            blankEndpoint('imap', username),
            username,
          ),
          outgoing: endpointOf(
            report.recommended.outgoing,
            blankEndpoint('smtp', username),
            username,
          ),
          consents: [],
          origin: 'recommended',
        },
      });
    },

    prepareManual() {
      const { incoming, outgoing } = get().settings;
      if (incoming && outgoing) return;
      const username = get().parsed?.address ?? '';
      set({
        settings: {
          incoming: incoming ?? blankEndpoint('imap', username),
          outgoing: outgoing ?? blankEndpoint('smtp', username),
          consents: get().settings.consents,
          origin: 'manual',
        },
      });
    },

    updateEndpoint(side, change) {
      const current = get().settings[side];
      if (!current) return;
      const next: Endpoint = { ...current, ...change };
      // Switching protocol or security moves a standard port along (993 -> 143), never a custom one.
      const kindChanged =
        (change.protocol && change.protocol !== current.protocol) ||
        (change.security && change.security !== current.security);
      if (kindChanged && change.port === undefined && isStandardPort(current.port)) {
        next.port = standardPort(next.protocol, next.security);
      }
      // A consent covers the risk the person saw: a new host or security needs a new one.
      const { consents } = get().settings;
      const changedRisk = next.host !== current.host || next.security !== current.security;
      const kept = changedRisk
        ? consents.filter((host) => host !== current.host && host !== next.host)
        : consents;
      set({ settings: { ...get().settings, [side]: next, consents: kept, origin: 'manual' } });
    },

    setConsent(host, on) {
      const { consents } = get().settings;
      const without = consents.filter((h) => h !== host);
      set({ settings: { ...get().settings, consents: on ? [...without, host] : without } });
    },

    resetSettings() {
      set({ settings: EMPTY_SETTINGS });
    },
  });
}
