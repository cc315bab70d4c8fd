/**
 * Registers every channel of the IPC contract (`shared/ipc.ts`) on `ipcMain.handle`. For each
 * call, in this order: the sender must be the main frame of a page on the app's own origin
 * (checklist item 17); the payload must match the channel's schema; then the area handler runs.
 * Every answer is a `Result` value - refusals and handler failures included - so nothing is
 * thrown across the process boundary. Long operations get an AbortSignal (cancelled through
 * `operation:cancel` or when the window goes away) and stream their progress on `EVENT_CHANNEL`.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import {
  EVENT_CHANNEL,
  requestSchemas,
  type Channel,
  type IpcError,
  type OperationEvent,
  type RequestOf,
  type ResponseMap,
  type Result,
} from '../shared/ipc.ts';
import { isAppUrl } from './app-origin.ts';
import { OperationRegistry } from './operations.ts';

export interface HandlerContext {
  /** Aborted when the operation is cancelled or its window goes away. */
  signal: AbortSignal;
  /** Sends one progress event of this operation to the window that started it. */
  emit(event: OperationEvent['event']): void;
  /** The web contents that called. */
  sender: WebContents;
}

export type Handler<C extends Channel> = (
  request: RequestOf<C>,
  context: HandlerContext,
) => Promise<Result<ResponseMap[C]>>;

/** One handler per channel; `operation:cancel` is answered by the IPC layer itself. */
export type Handlers = { [C in Exclude<Channel, 'operation:cancel'>]: Handler<C> };

export function failure(
  code: IpcError | (string & {}),
  detail?: string,
): { ok: false; code: string; detail?: string } {
  return detail === undefined ? { ok: false, code } : { ok: false, code, detail };
}

/** True for the main frame of a page served from the app's own origin. */
export function isTrustedSender(frame: WebFrameMain | null | undefined): boolean {
  try {
    if (!frame || frame.parent !== null) return false;
    return isAppUrl(frame.url);
  } catch {
    // A frame disposed while the message was in flight cannot be checked: refuse it.
    return false;
  }
}

/** A short, password-free description of why a payload was refused. */
function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; code: string }>): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.code}`)
    .join('; ');
}

function hasOperationId(request: unknown): request is { operationId: string } {
  return typeof (request as { operationId?: unknown }).operationId === 'string';
}

/**
 * Registers all channels; returns a function that removes them again. `operations` is exposed for
 * tests and for main's shutdown.
 */
export function registerIpc(
  ipcMain: IpcMain,
  handlers: Handlers,
  operations = new OperationRegistry(),
): () => void {
  const watched = new WeakSet<WebContents>();
  const watch = (sender: WebContents): void => {
    if (watched.has(sender)) return;
    watched.add(sender);
    sender.once('destroyed', () => operations.cancelAll(sender.id));
  };

  const dispatch = async (
    channel: Channel,
    event: IpcMainInvokeEvent,
    payload: unknown,
  ): Promise<Result<unknown>> => {
    if (!isTrustedSender(event.senderFrame)) return failure('forbidden-sender');
    const parsed = requestSchemas[channel].safeParse(payload);
    if (!parsed.success) return failure('invalid-request', describeIssues(parsed.error.issues));
    const request = parsed.data;
    const sender = event.sender;

    if (channel === 'operation:cancel') {
      const { operationId } = request as RequestOf<'operation:cancel'>;
      return { ok: true, value: operations.cancel(sender.id, operationId) };
    }
    const handler = handlers[channel] as Handler<Channel>;
    if (!hasOperationId(request)) {
      return handler(request, { signal: new AbortController().signal, emit: () => {}, sender });
    }

    const { operationId } = request;
    const controller = operations.start(sender.id, operationId);
    if (!controller) return failure('duplicate-operation');
    watch(sender);
    const emit = (engineEvent: OperationEvent['event']): void => {
      if (controller.signal.aborted || sender.isDestroyed()) return;
      const message: OperationEvent = { operationId, event: engineEvent };
      try {
        sender.send(EVENT_CHANNEL, message);
      } catch {
        // A progress event that cannot be cloned or delivered is dropped; the report still comes.
      }
    };
    try {
      const result = await handler(request, { signal: controller.signal, emit, sender });
      return controller.signal.aborted ? failure('cancelled') : result;
    } catch (error) {
      if (controller.signal.aborted) return failure('cancelled');
      throw error;
    } finally {
      operations.finish(sender.id, operationId, controller);
    }
  };

  const channels = Object.keys(requestSchemas) as Channel[];
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      try {
        return await dispatch(channel, event, payload);
      } catch (error) {
        // The payload may hold a password: log only the channel and the error's kind.
        console.error(
          `[ipc] ${channel} failed:`,
          error instanceof Error ? error.name : typeof error,
        );
        return failure('internal-error');
      }
    });
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
