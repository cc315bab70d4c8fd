/**
 * The discovery slice: running `check:run` for the wizard (`check`) and for helpdesk mode
 * (`deskCheck`), the live rows its progress events build, and the final report. A result that
 * arrives for an operation that is no longer current (cancelled, restarted) is ignored.
 */
import type { MailSetupApi } from '../../../shared/ipc.ts';
import type { CheckReport, ProgressEvent } from '../../../shared/reports.ts';
import type { SliceCreator } from './app-state.ts';
import { applyCheckEvent, EMPTY_ROWS, rowsFromReport, type CheckRows } from './check-progress.ts';
import { newOperationId } from './operation-id.ts';

export type CheckKey = 'check' | 'deskCheck';

export interface CheckState extends CheckRows {
  status: 'idle' | 'running' | 'done' | 'error';
  operationId: string | null;
  /** The address (or domain) the rows are about. */
  target: string;
  startedAt: number;
  report: CheckReport | null;
  errorCode: string | null;
  errorDetail: string | null;
}

export interface DiscoverySlice {
  check: CheckState;
  deskCheck: CheckState;
  startCheck(which: CheckKey, address: string, helpdesk: boolean): Promise<void>;
  cancelCheck(which: CheckKey): void;
  onCheckEvent(which: CheckKey, event: ProgressEvent): void;
  resetCheck(which: CheckKey): void;
}

export const IDLE_CHECK: CheckState = {
  ...EMPTY_ROWS,
  status: 'idle',
  operationId: null,
  target: '',
  startedAt: 0,
  report: null,
  errorCode: null,
  errorDetail: null,
};

export function createDiscoverySlice(api: MailSetupApi): SliceCreator<DiscoverySlice> {
  return (set, get) => {
    const patch = (which: CheckKey, operationId: string, change: Partial<CheckState>): boolean => {
      const current = get()[which];
      if (current.operationId !== operationId) return false;
      set({ [which]: { ...current, ...change } } as Pick<DiscoverySlice, CheckKey>);
      return true;
    };

    return {
      check: IDLE_CHECK,
      deskCheck: IDLE_CHECK,

      async startCheck(which, address, helpdesk) {
        const previous = get()[which];
        if (previous.status === 'running' && previous.operationId) get().cancelCheck(which);
        const operationId = newOperationId(which === 'check' ? 'check' : 'desk');
        set({
          [which]: {
            ...IDLE_CHECK,
            status: 'running',
            operationId,
            target: address,
            startedAt: Date.now(),
          },
        } as Pick<DiscoverySlice, CheckKey>);
        get().announce('wizard:announce.check-started', { address });

        let result: Awaited<ReturnType<MailSetupApi['runCheck']>>;
        try {
          result = await api.runCheck({ operationId, address, helpdesk });
        } catch (error) {
          result = { ok: false, code: 'ipc-failed', detail: String(error) };
        }
        if (!result.ok) {
          const { code, detail = null } = result;
          if (
            patch(which, operationId, { status: 'error', errorCode: code, errorDetail: detail })
          ) {
            if (which === 'check') get().prepareManual();
            get().announce('wizard:announce.check-failed');
          }
          return;
        }
        const report = result.value;
        const rows = rowsFromReport(get()[which], report, Date.now());
        if (!patch(which, operationId, { ...rows, status: 'done', report })) return;
        if (which === 'check') get().applyRecommended(report);
        get().announce('wizard:announce.check-done', {
          count: report.incoming.length + report.outgoing.length,
        });
      },

      cancelCheck(which) {
        const { operationId, status } = get()[which];
        if (!operationId || status !== 'running') return;
        void api.cancelOperation({ operationId }).catch(() => undefined);
        set({ [which]: { ...IDLE_CHECK } } as Pick<DiscoverySlice, CheckKey>);
      },

      onCheckEvent(which, event) {
        const current = get()[which];
        if (current.status !== 'running') return;
        const rows = applyCheckEvent(current, event, Date.now());
        if (rows !== current) {
          set({ [which]: { ...current, ...rows } } as Pick<DiscoverySlice, CheckKey>);
        }
      },

      resetCheck(which) {
        set({ [which]: IDLE_CHECK } as Pick<DiscoverySlice, CheckKey>);
      },
    };
  };
}
