import { describe, expect, it } from 'vitest';
import { checkedApi } from '../../../renderer/src/store/checked-api.ts';
import type { OperationEvent } from '../../../shared/ipc.ts';
import { checkReport, createFakeApi, sourceStart, verifyReport } from './fake-api.ts';

describe('the renderer side of the IPC boundary', () => {
  it('passes a check report of the shared shape through unchanged', async () => {
    const fake = createFakeApi();
    const report = checkReport();
    fake.answer('runCheck', { ok: true, value: report });
    const result = await checkedApi(fake.api).runCheck({ operationId: 'a', address: 'a@b.test' });
    expect(result).toEqual({ ok: true, value: report });
  });

  it('turns an answer that does not match the schema into bad-response', async () => {
    const fake = createFakeApi();
    const broken = { ...checkReport(), probes: 'none' };
    fake.answer('runCheck', { ok: true, value: broken });
    fake.answer('runVerify', { ok: true, value: { ...verifyReport(), incoming: { ok: 'yes' } } });
    const api = checkedApi(fake.api);
    expect(await api.runCheck({ operationId: 'a', address: 'a@b.test' })).toEqual({
      ok: false,
      code: 'bad-response',
    });
    const verify = await api.runVerify({
      operationId: 'v',
      address: 'a@b.test',
      incoming: checkReport().recommended.incoming!,
      outgoing: checkReport().recommended.outgoing!,
      password: 'x',
      allowInsecure: [],
    });
    expect(verify).toEqual({ ok: false, code: 'bad-response' });
  });

  it('leaves failures as they are', async () => {
    const fake = createFakeApi();
    fake.answer('runCheck', { ok: false, code: 'invalid-address', detail: 'missing-at' });
    const result = await checkedApi(fake.api).runCheck({ operationId: 'a', address: 'x' });
    expect(result).toEqual({ ok: false, code: 'invalid-address', detail: 'missing-at' });
  });

  it('hands on events of the engine shape and drops any other', () => {
    const fake = createFakeApi();
    const seen: OperationEvent[] = [];
    checkedApi(fake.api).onOperationEvent((event) => seen.push(event));
    fake.emit({ operationId: 'a', event: sourceStart('srv') });
    fake.emit({ operationId: 'a', event: { type: 'source-done', source: 'srv' } as never });
    fake.emit({ operationId: 'a', event: { type: 'port', host: 'h', result: {} } as never });
    expect(seen).toEqual([{ operationId: 'a', event: sourceStart('srv') }]);
  });
});
