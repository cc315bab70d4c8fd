/**
 * POP3 login check on the small client: open (TLS or STLS as planned), log in, QUIT.
 */
import {
  failed,
  pinMismatch,
  withDeadline,
  type AttemptOutcome,
  type LoginAttempt,
} from './attempt.ts';
import type { FailureFacts } from './classify.ts';
import { Pop3Client, type Pop3Failure } from './pop3-client.ts';
import { pinRefusal } from './policy.ts';

/** Maps the shared connection module's failure codes to what the classifier reads. */
const NET_CODES: Record<string, string> = {
  timeout: 'ETIMEDOUT',
  refused: 'ECONNREFUSED',
  unreachable: 'EHOSTUNREACH',
  aborted: 'ABORT_ERR',
  'starttls-refused': 'starttls-missing',
  'starttls-injection': 'STARTTLS_INJECTION',
};

function factsOf(failure: Pop3Failure): FailureFacts {
  const facts: FailureFacts = {
    protocol: 'pop3',
    phase: failure.stage === 'command' ? 'auth' : failure.stage,
  };
  if (failure.status) {
    facts.serverText = failure.status.text;
    if (failure.status.code) facts.responseCode = failure.status.code;
  }
  if (failure.net) {
    const { code, detail } = failure.net;
    // A TLS failure's detail is Node's code (CERT_HAS_EXPIRED, ...), which says the most.
    facts.code = code === 'tls-error' && detail ? detail : (NET_CODES[code] ?? code);
    if (!failure.status && detail) facts.serverText = detail;
  }
  return facts;
}

export async function pop3Login(attempt: LoginAttempt): Promise<AttemptOutcome> {
  const { endpoint, plan } = attempt;
  let client: Pop3Client | null = null;
  const work = async (signal: AbortSignal): Promise<AttemptOutcome> => {
    const opened = await Pop3Client.open({
      address: attempt.ip,
      port: endpoint.port,
      host: endpoint.host,
      security: endpoint.security,
      tls: {
        rejectUnauthorized: plan.rejectUnauthorized,
        minVersion: 'TLSv1.2',
        ...(attempt.ca?.length ? { ca: attempt.ca } : {}),
      },
      requireStls: plan.requireStarttls,
      allowPlaintextLogin: plan.consented,
      timeoutMs: attempt.timeoutMs,
      signal,
    });
    if (!opened.ok) return failed(factsOf(opened.failure), attempt.password);
    client = opened.value;
    try {
      // Greeting and STLS carry no credential: a pinned consent is checked here, before USER.
      const socket = client.tlsSocket;
      const presented = socket ? pinRefusal(plan, socket) : null;
      if (presented !== null) return pinMismatch(presented);
      const login = await client.login(attempt.username, attempt.password);
      return login.ok ? { ok: true } : failed(factsOf(login.failure), attempt.password);
    } finally {
      client.quit();
    }
  };
  return withDeadline(attempt, () => (client as Pop3Client | null)?.quit(), work);
}
