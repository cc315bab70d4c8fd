/**
 * The helpdesk's domain health re-run (`health:run`): the desk check already brings the domain's
 * health; this runs it again, e.g. with a DKIM selector the helpdesk names. A result for a run
 * that is no longer current is ignored.
 */
import type { HealthReport } from '../../../shared/health.ts';
import type { MailSetupApi } from '../../../shared/ipc.ts';
import type { SliceCreator } from './app-state.ts';
import { newOperationId } from './operation-id.ts';

export interface DeskHealthState {
  status: 'idle' | 'running' | 'done' | 'error';
  operationId: string | null;
  report: HealthReport | null;
  errorCode: string | null;
}

export interface HealthSlice {
  deskHealth: DeskHealthState;
  runDeskHealth(target: string, dkimSelectors: string[]): Promise<void>;
}

const IDLE: DeskHealthState = { status: 'idle', operationId: null, report: null, errorCode: null };

export function createHealthSlice(api: MailSetupApi): SliceCreator<HealthSlice> {
  return (set, get) => ({
    deskHealth: IDLE,
    async runDeskHealth(target, dkimSelectors) {
      const operationId = newOperationId('health');
      set({ deskHealth: { ...get().deskHealth, status: 'running', operationId, errorCode: null } });
      const result = await api
        .runHealth({ operationId, target, dkimSelectors })
        .catch(() => ({ ok: false as const, code: 'ipc-failed' }));
      if (get().deskHealth.operationId !== operationId) return;
      set({
        deskHealth: result.ok
          ? { status: 'done', operationId, report: result.value, errorCode: null }
          : { status: 'error', operationId, report: null, errorCode: result.code },
      });
    },
  });
}
