/**
 * The renderer's side of the IPC boundary: the engine's answers (`check:run`, `probe:run`,
 * `verify:run`) and its progress events are checked here, once, against the shared schemas of
 * `shared/reports.ts`. A response that does not match becomes the failure `bad-response`; an event
 * that does not match is dropped. Everything past this point trusts the types.
 */
import type { z } from 'zod/mini';
import type { MailSetupApi, OperationEvent, Result } from '../../../shared/ipc.ts';
import {
  checkReportSchema,
  probeReportSchema,
  progressEventSchema,
  verifyAnswerSchema,
} from '../../../shared/reports.ts';

function checked<T>(result: Result<unknown>, schema: z.ZodMiniType<T>): Result<T> {
  if (!result.ok) return result;
  const parsed = schema.safeParse(result.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, code: 'bad-response' };
}

function checkedEvent(message: unknown): OperationEvent | null {
  const { operationId, event } = (message ?? {}) as { operationId?: unknown; event?: unknown };
  if (typeof operationId !== 'string') return null;
  const parsed = progressEventSchema.safeParse(event);
  return parsed.success ? { operationId, event: parsed.data } : null;
}

/** `api` with its engine answers and events validated. */
export function checkedApi(api: MailSetupApi): MailSetupApi {
  return {
    ...api,
    runCheck: async (request) => checked(await api.runCheck(request), checkReportSchema),
    runProbe: async (request) => checked(await api.runProbe(request), probeReportSchema),
    runVerify: async (request) => checked(await api.runVerify(request), verifyAnswerSchema),
    onOperationEvent: (listener) =>
      api.onOperationEvent((message) => {
        const event = checkedEvent(message);
        if (event) listener(event);
      }),
  };
}
