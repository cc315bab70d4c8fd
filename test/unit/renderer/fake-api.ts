/**
 * A scripted `MailSetupApi` for renderer tests: records every call, answers from per-method
 * queues (or a default), and lets a test emit operation events as main would. Typed against the
 * contract, so a contract change breaks these tests instead of silently passing.
 */
import type { MailSetupApi, OperationEvent, Result } from '../../../shared/ipc.ts';
import type {
  Candidate,
  Endpoint,
  ProbeReport,
  SourceName,
  SourceReport,
} from '../../../shared/model.ts';
import type {
  CheckReport,
  LoginResult,
  ProgressEvent,
  Recommendation,
  VerifyAnswer,
} from '../../../shared/reports.ts';

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
  listThunderbirdProfiles: { ok: true, value: { profiles: [] } },
  addToThunderbird: { ok: false, code: 'thunderbird-no-profile' },
  importIntoOutlook: { ok: false, code: 'outlook-unsupported-platform' },
  openInAppleMail: { ok: false, code: 'apple-unsupported-platform' },
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
              certificate: null,
            },
      capabilities: [],
      auth: ['PLAIN'],
      ms: 8,
    })),
  };
}

/** A recommendation as tests write it: plain endpoints stand for candidates from autoconfig. */
interface RecommendationInput {
  incoming: Endpoint | Candidate | null;
  outgoing: Endpoint | Candidate | null;
  username?: string | null;
}

function asCandidate(e: Endpoint | Candidate | null): Candidate | null {
  if (!e) return null;
  return 'source' in e ? e : candidate(e);
}

function recommendation(input: RecommendationInput): Recommendation {
  return {
    incoming: asCandidate(input.incoming),
    outgoing: asCandidate(input.outgoing),
    username: input.username ?? null,
  };
}

export function checkReport(
  overrides: Partial<Omit<CheckReport, 'recommended'>> & { recommended?: RecommendationInput } = {},
): CheckReport {
  const { recommended, ...rest } = overrides;
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
    recommended: recommendation({ incoming, outgoing, username: 'anna@example.test' }),
    ...rest,
    ...(recommended ? { recommended: recommendation(recommended) } : {}),
  };
}

type LoginFailure = Extract<LoginResult, { ok: false }>;
/** A login result as tests write it: a failure may leave out its attempt count (one attempt). */
type LoginInput =
  Extract<LoginResult, { ok: true }> | (Omit<LoginFailure, 'attempts'> & { attempts?: number });
type VerifyInput = Omit<Partial<VerifyAnswer>, 'incoming' | 'outgoing'> & {
  incoming?: LoginInput;
  outgoing?: LoginInput;
};

function login(input: LoginInput): LoginResult {
  return input.ok ? input : { attempts: 1, ...input };
}

export function verifyReport(overrides: VerifyInput = {}): VerifyAnswer {
  const { incoming, outgoing, ...rest } = overrides;
  return {
    incoming: { ok: true, username: 'anna@example.test', ms: 30 },
    outgoing: { ok: true, username: 'anna@example.test', ms: 40 },
    guidance: [],
    ...rest,
    ...(incoming ? { incoming: login(incoming) } : {}),
    ...(outgoing ? { outgoing: login(outgoing) } : {}),
  };
}

// ---------- progress events, as the engine sends them ----------

const SOURCE_URL = 'https://autoconfig.example.test/';

export function sourceStart(source: SourceName, url = SOURCE_URL): ProgressEvent {
  return { type: 'source-start', source, url };
}

export function sourceDone(
  source: SourceName,
  outcome: SourceReport['outcome'],
  ms: number,
  url = SOURCE_URL,
): ProgressEvent {
  return { type: 'source-done', report: { source, url, outcome, trusted: true, ms } };
}

export function portStart(
  host: string,
  port: number,
  protocol: Endpoint['protocol'] = 'imap',
): ProgressEvent {
  return { type: 'port-start', host, port, protocol };
}

/** Lets pending promise callbacks run. */
export async function flush(times = 5): Promise<void> {
  for (let i = 0; i < times; i++) await new Promise((r) => setTimeout(r, 0));
}
