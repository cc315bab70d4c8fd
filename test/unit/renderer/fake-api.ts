/**
 * A scripted `MailSetupApi` for renderer tests: records every call, answers from per-method
 * queues (or a default), and lets a test emit operation events as main would. Typed against the
 * contract, so a contract change breaks these tests instead of silently passing.
 */
import type { MailSetupApi, OperationEvent, Result } from '../../../shared/ipc.ts';
import type { Candidate, Endpoint, ProbeReport } from '../../../shared/model.ts';
import type { CheckReport, VerifyReport } from '../../../renderer/src/store/report-types.ts';

type Method = Exclude<keyof MailSetupApi, 'onOperationEvent'>;
type Answer = Result<unknown> | Promise<Result<unknown>>;

export interface FakeApi {
  api: MailSetupApi;
  calls: Array<{ method: Method; request: Record<string, unknown> }>;
  callsOf(method: Method): Array<Record<string, unknown>>;
  /** Queues the next answers of a method (used in order; the last one repeats). */
  answer(method: Method, ...answers: Answer[]): void;
  /** Answers a method with a promise the test resolves later. */
  defer(method: Method): (result: Result<unknown>) => void;
  emit(event: OperationEvent): void;
  listeners(): number;
}

const DEFAULTS: Record<Method, Result<unknown>> = {
  appInfo: { ok: true, value: { version: '0.0.0', platform: 'linux', locale: 'en' } },
  setLanguage: { ok: true, value: { version: '0.0.0', platform: 'linux', locale: 'en' } },
  runCheck: { ok: false, code: 'not-available' },
  runProbe: { ok: false, code: 'not-available' },
  runVerify: { ok: false, code: 'not-available' },
  cancelOperation: { ok: true, value: true },
  saveExport: { ok: true, value: { paths: ['/home/anna/config.xml'] } },
  printSheet: { ok: true, value: { path: '/home/anna/settings.pdf' } },
  saveSecret: { ok: true, value: true },
  loadSecret: { ok: true, value: null },
  deleteSecret: { ok: true, value: true },
  openHelp: { ok: true, value: true },
  writeClipboard: { ok: true, value: true },
};

export function createFakeApi(): FakeApi {
  const calls: FakeApi['calls'] = [];
  const queues = new Map<Method, Answer[]>();
  const subscribers = new Set<(event: OperationEvent) => void>();

  const respond = (method: Method) => async (request: Record<string, unknown>) => {
    calls.push({ method, request });
    const queue = queues.get(method) ?? [];
    const next = queue.length > 1 ? queue.shift() : queue[0];
    return (await (next ?? DEFAULTS[method])) as never;
  };

  const api = Object.fromEntries(
    (Object.keys(DEFAULTS) as Method[]).map((m) => [m, respond(m)]),
  ) as unknown as MailSetupApi;
  api.onOperationEvent = (listener) => {
    subscribers.add(listener);
    return () => subscribers.delete(listener);
  };

  return {
    api,
    calls,
    callsOf: (method) => calls.filter((c) => c.method === method).map((c) => c.request),
    answer(method, ...answers) {
      queues.set(method, answers);
    },
    defer(method) {
      let resolve: (r: Result<unknown>) => void = () => undefined;
      queues.set(method, [new Promise<Result<unknown>>((r) => (resolve = r))]);
      return (result) => resolve(result);
    },
    emit(event) {
      for (const s of subscribers) s(event);
    },
    listeners: () => subscribers.size,
  };
}

// ---------- report builders ----------

export function endpoint(
  protocol: Endpoint['protocol'],
  host: string,
  port: number,
  security: Endpoint['security'],
  username = 'anna@example.test',
): Endpoint {
  return { protocol, host, port, security, username };
}

export function candidate(e: Endpoint, trusted = true): Candidate {
  return { ...e, auth: ['PLAIN'], source: trusted ? 'autoconfig' : 'autoconfig-http', trusted };
}

export function probe(
  host: string,
  ports: Array<[number, 'imap' | 'smtp', 'tls' | 'starttls' | 'plain', boolean]>,
): ProbeReport {
  return {
    host,
    addresses: ['127.0.10.1'],
    ms: 12,
    findings: [],
    ports: ports.map(([port, protocol, security, trusted]) => ({
      port,
      protocol,
      security,
      status: 'ok',
      tls:
        security === 'plain'
          ? null
          : {
              version: 'TLSv1.3',
              cipher: 'TLS_AES_256_GCM_SHA384',
              trusted,
              hostnameMatch: true,
              ...(trusted ? {} : { error: 'CERT_HAS_EXPIRED' }),
              certificate: {
                subject: `CN=${host}`,
                issuer: 'CN=Lab CA',
                validFrom: '2026-01-01T00:00:00.000Z',
                validTo: '2027-01-01T00:00:00.000Z',
                altNames: [`DNS:${host}`],
                sha256: PROBED_SHA256,
                selfSigned: false,
              },
            },
      capabilities: [],
      auth: ['PLAIN'],
      ms: 8,
    })),
  };
}

/** The SHA-256 of every certificate the fake probes saw. */
export const PROBED_SHA256 = Array.from({ length: 32 }, () => '5A').join(':');

export function checkReport(overrides: Partial<CheckReport> = {}): CheckReport {
  const incoming = endpoint('imap', 'mail.example.test', 993, 'tls');
  const outgoing = endpoint('smtp', 'mail.example.test', 465, 'tls');
  return {
    address: 'anna@example.test',
    domain: 'example.test',
    sources: [
      {
        source: 'autoconfig',
        url: 'https://autoconfig.example.test/',
        outcome: 'found',
        trusted: true,
        ms: 40,
      },
    ],
    incoming: [candidate(incoming)],
    outgoing: [candidate(outgoing)],
    probes: [
      probe('mail.example.test', [
        [993, 'imap', 'tls', true],
        [465, 'smtp', 'tls', true],
      ]),
    ],
    findings: [],
    recommended: { incoming, outgoing, username: 'anna@example.test' },
    ...overrides,
  };
}

export function verifyReport(overrides: Partial<VerifyReport> = {}): VerifyReport {
  return {
    incoming: { ok: true, username: 'anna@example.test', ms: 30 },
    outgoing: { ok: true, username: 'anna@example.test', ms: 40 },
    ...overrides,
  };
}

/** Lets pending promise callbacks run. */
export async function flush(times = 5): Promise<void> {
  for (let i = 0; i < times; i++) await new Promise((r) => setTimeout(r, 0));
}
