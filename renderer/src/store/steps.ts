/**
 * The wizard's steps as a small state machine: a fixed order, and a guard per step that says
 * whether the person may be there with the state as it is. Every move goes through `canEnter`,
 * so a step can never show with the data it needs missing.
 */
import type { AppState } from './app-state.ts';
import { effectiveReport, endpointChecked } from './manual-check-slice.ts';
import { consentKey, needsConsent } from './endpoint-risk.ts';

export const STEPS = [
  'address',
  'discovery',
  'review',
  'password',
  'verify',
  'export',
  'done',
] as const;
export type StepId = (typeof STEPS)[number];

/** 1-based position of a step, for "Step 2 of 6". */
export function stepNumber(step: StepId): number {
  return STEPS.indexOf(step) + 1;
}

/** Settings typed or picked from the list that no probe has seen yet (so nothing is known). */
export function settingsUnchecked(state: AppState): boolean {
  const { incoming, outgoing, origin } = state.settings;
  if (origin === 'recommended' || !incoming || !outgoing) return false;
  const report = effectiveReport(state);
  return !endpointChecked(incoming, report) || !endpointChecked(outgoing, report);
}

/**
 * Both server settings are filled in, typed-in ones were checked, and every insecure host has
 * the person's consent.
 */
export function settingsReady(state: AppState): boolean {
  const { incoming, outgoing } = state.settings;
  if (!incoming || !outgoing) return false;
  if (settingsUnchecked(state)) return false;
  const report = effectiveReport(state);
  for (const endpoint of [incoming, outgoing]) {
    if (!endpoint.host.trim() || !endpoint.username.trim()) return false;
    if (!Number.isInteger(endpoint.port) || endpoint.port < 1 || endpoint.port > 65535) {
      return false;
    }
    if (
      needsConsent(endpoint, report) &&
      !state.settings.consents.includes(consentKey(endpoint, report))
    ) {
      return false;
    }
  }
  return true;
}

export function canEnter(step: StepId, state: AppState): boolean {
  switch (step) {
    case 'address':
      return true;
    case 'discovery':
      return state.parsed !== null;
    case 'review':
      return state.parsed !== null && state.check.status !== 'running';
    case 'password':
    case 'export':
      return state.parsed !== null && settingsReady(state);
    case 'verify':
      return state.parsed !== null && settingsReady(state) && state.password.length > 0;
    case 'done':
      return state.parsed !== null && settingsReady(state) && state.finished !== null;
  }
}

/** The step after `step`, or null at the end. */
export function stepAfter(step: StepId): StepId | null {
  return STEPS[STEPS.indexOf(step) + 1] ?? null;
}

export function stepBefore(step: StepId): StepId | null {
  return STEPS[STEPS.indexOf(step) - 1] ?? null;
}
