/**
 * Long operations in flight (check, probe, verify), each with its AbortController, keyed by the
 * web contents that started it and the renderer's operation id. `cancel` aborts one; when a
 * window goes away, all of its operations are aborted.
 */
export class OperationRegistry {
  readonly #running = new Map<string, AbortController>();

  static #key(ownerId: number, operationId: string): string {
    return `${ownerId}:${operationId}`;
  }

  /** Registers a new operation; null when the same owner already runs one with that id. */
  start(ownerId: number, operationId: string): AbortController | null {
    const key = OperationRegistry.#key(ownerId, operationId);
    if (this.#running.has(key)) return null;
    const controller = new AbortController();
    this.#running.set(key, controller);
    return controller;
  }

  /** Forgets a finished operation (only if it is still the same controller). */
  finish(ownerId: number, operationId: string, controller: AbortController): void {
    const key = OperationRegistry.#key(ownerId, operationId);
    if (this.#running.get(key) === controller) this.#running.delete(key);
  }

  /** Aborts one operation of this owner; false when there is none. */
  cancel(ownerId: number, operationId: string): boolean {
    const key = OperationRegistry.#key(ownerId, operationId);
    const controller = this.#running.get(key);
    if (!controller) return false;
    this.#running.delete(key);
    controller.abort(new Error('cancelled'));
    return true;
  }

  /** Aborts every operation of an owner (its window closed or crashed). */
  cancelAll(ownerId: number): number {
    let count = 0;
    for (const [key, controller] of this.#running) {
      if (key.startsWith(`${ownerId}:`)) {
        this.#running.delete(key);
        controller.abort(new Error('cancelled'));
        count += 1;
      }
    }
    return count;
  }

  get size(): number {
    return this.#running.size;
  }
}
