/**
 * Checking settings the person typed or picked from the provider list before the wizard says
 * anything about them (as Thunderbird's "Re-test" does): `probe:run` for each host of the chosen
 * incoming and outgoing server, on exactly the chosen ports. The probe reports join the check's
 * report (see `effectiveReport`), so badges, certificate problems and findings read one source.
 */
import type { MailSetupApi } from '../../../shared/ipc.ts';
import type { Endpoint, ProbeReport } from '../../../shared/model.ts';
import type { AppState, SliceCreator } from './app-state.ts';
import { newOperationId } from './operation-id.ts';
import type { CheckReport } from '../../../shared/reports.ts';

export interface ManualCheckState {
  status: 'idle' | 'running' | 'done';
  operationIds: string[];
  /** The probe reports of the last manual check, one per host. */
  probes: ProbeReport[];
  /** Hosts whose probe itself failed (not a server answer: the call did not work). */
  failed: string[];
}

export interface ManualCheckSlice {
  manualCheck: ManualCheckState;
  /** Probes the hosts and ports of the current settings. */
  checkSettings(): Promise<void>;
  resetManualCheck(): void;
}

const IDLE: ManualCheckState = { status: 'idle', operationIds: [], probes: [], failed: [] };

const sameHost = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The hosts and the ports on each that the chosen settings use. */
export function targetsOf(endpoints: readonly Endpoint[]): Map<string, number[]> {
  const targets = new Map<string, number[]>();
  for (const { host, port } of endpoints) {
    const key = host.trim().toLowerCase();
    if (!key || !Number.isInteger(port)) continue;
    targets.set(key, [...new Set([...(targets.get(key) ?? []), port])]);
  }
  return targets;
}

/**
 * The check's report with the manual probes merged in (a manual probe replaces the check's probe
 * of the same host, and brings its findings). Without a check report, a report of the manual
 * probes alone, so that the review step reads the same shape either way.
 */
export function effectiveReport(state: AppState): CheckReport | null {
  const base = state.check.report;
  const manual = state.manualCheck.probes;
  if (manual.length === 0) return base;
  // The same inputs give the same object: components select this from the store.
  if (cache && cache.base === base && cache.manual === manual && cache.parsed === state.parsed) {
    return cache.report;
  }
  const report = mergeProbes(state, base, manual);
  cache = { base, manual, parsed: state.parsed, report };
  return report;
}

let cache: {
  base: CheckReport | null;
  manual: ProbeReport[];
  parsed: AppState['parsed'];
  report: CheckReport;
} | null = null;

function mergeProbes(
  state: AppState,
  base: CheckReport | null,
  manual: ProbeReport[],
): CheckReport {
  const hosts = manual.map((p) => p.host);
  const covered = (host: string | undefined) => hosts.some((h) => sameHost(h, host ?? ''));
  const address = state.parsed?.address ?? '';
  const report: CheckReport = base ?? {
    address,
    domain: state.parsed?.domain ?? '',
    sources: [],
    incoming: [],
    outgoing: [],
    probes: [],
    findings: [],
    recommended: { incoming: null, outgoing: null, username: null },
  };
  return {
    ...report,
    probes: [...report.probes.filter((p) => !covered(p.host)), ...manual],
    findings: [
      ...report.findings.filter((f) => !covered(f.host)),
      ...manual.flatMap((p) => p.findings.map((f) => ({ ...f, host: f.host ?? p.host }))),
    ],
  };
}

/** Whether the probes in `report` saw this endpoint's host and port (so we may judge it). */
export function endpointChecked(endpoint: Endpoint, report: CheckReport | null): boolean {
  const probe = report?.probes.find((p) => sameHost(p.host, endpoint.host));
  return probe?.ports.some((p) => p.port === endpoint.port) ?? false;
}

export function createManualCheckSlice(api: MailSetupApi): SliceCreator<ManualCheckSlice> {
  return (set, get) => ({
    manualCheck: IDLE,

    async checkSettings() {
      const { incoming, outgoing } = get().settings;
      const targets = targetsOf([incoming, outgoing].filter((e): e is Endpoint => e !== null));
      if (targets.size === 0) return;
      const jobs = [...targets].map(([host, ports]) => ({
        host,
        ports,
        operationId: newOperationId('probe'),
      }));
      set({
        manualCheck: {
          status: 'running',
          operationIds: jobs.map((j) => j.operationId),
          probes: [],
          failed: [],
        },
      });
      get().announce('wizard:announce.manual-check-started');
      const results = await Promise.all(
        jobs.map(async ({ host, ports, operationId }) => {
          try {
            const result = await api.runProbe({ operationId, host, ports });
            return result.ok ? { host, probe: result.value } : { host, probe: null };
          } catch {
            return { host, probe: null };
          }
        }),
      );
      // A newer check (or a reset) replaced this one: its answer no longer counts.
      if (get().manualCheck.operationIds[0] !== jobs[0]?.operationId) return;
      set({
        manualCheck: {
          status: 'done',
          operationIds: [],
          probes: results.flatMap((r) => (r.probe ? [r.probe] : [])),
          failed: results.flatMap((r) => (r.probe ? [] : [r.host])),
        },
      });
      get().announce('wizard:announce.manual-check-done');
    },

    resetManualCheck() {
      set({ manualCheck: IDLE });
    },
  });
}
