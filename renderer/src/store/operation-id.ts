/** Ids for long operations, as the IPC contract allows them (`[A-Za-z0-9_-]{1,64}`). */
let counter = 0;

export function newOperationId(kind: string): string {
  counter += 1;
  const random =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID()
      : Math.random().toString(36).slice(2);
  return `${kind}-${counter}-${random}`.slice(0, 64);
}
