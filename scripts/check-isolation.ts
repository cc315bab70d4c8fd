// `npm run check:isolation`: proves that the lab of `npm test` never collides with servers on the
// machine it runs on. It starts dummy servers here, where `npm test` is started from: on every lab
// address and port (127.0.10.x, 127.0.20.1, dnsmasq's 127.0.0.1:5353 over TCP and UDP) and on
// 127.0.0.2-127.0.0.9 ports 25/110/143/465/587/993/995. Then it runs lab tests through `npm test`
// (default: the lab's own test and discovery) and passes only when they all passed, none was
// skipped, and no dummy received a single connection or datagram. A dummy answers like a foreign
// server would, so a test that reached one would also fail on its own.
// `--own-namespace` first moves the check into a fresh namespace of its own (its "host"), so it
// also runs inside `npm test`, whose lab holds the lab ports (test/integration/isolation.test.ts).
import { spawnSync } from 'node:child_process';
import dgram from 'node:dgram';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { labPorts } from '../test/lab/lab.ts';
import type { LabPort } from '../test/lab/port-holders.ts';
import { loopbackUp, namespaceFlags } from './netns.mjs';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const THIS_FILE = fileURLToPath(import.meta.url);
const OWN_NAMESPACE = '--own-namespace';
/** Set in the check's own namespace; `npm test`'s own marker is dropped so it makes a new one. */
const IN_OWN = 'MAILSETUP_ISOLATION_NETNS';
const TEST_NETNS = 'MAILSETUP_TEST_NETNS';
const DEFAULT_FILES = ['test/integration/lab.test.ts', 'test/integration/discover.test.ts'];
const MAIL_PORTS = [25, 110, 143, 465, 587, 993, 995];

interface Dummy {
  port: LabPort;
  close(): void;
}

/** Every dummy's place: the lab's own ports and the neighbours the issue names. */
function dummyPorts(): LabPort[] {
  const neighbours = [2, 3, 4, 5, 6, 7, 8, 9].flatMap((n) =>
    MAIL_PORTS.map((port): LabPort => ({ host: `127.0.0.${n}`, port, protocol: 'tcp' })),
  );
  return [...labPorts(), ...neighbours];
}

let contacts: string[] = [];
const where = (p: LabPort): string => `${p.host}:${p.port}/${p.protocol}`;

function startDummy(port: LabPort): Promise<Dummy | string> {
  return new Promise((resolve) => {
    const fail = (error: NodeJS.ErrnoException): void => resolve(`${where(port)} ${error.code}`);
    if (port.protocol === 'udp') {
      const socket = dgram.createSocket('udp4');
      socket.on('message', () => contacts.push(where(port)));
      socket.once('error', fail);
      socket.bind(port.port, port.host, () => resolve({ port, close: () => socket.close() }));
      return;
    }
    const server = net.createServer((socket) => {
      contacts.push(where(port));
      socket.on('error', () => undefined);
      socket.end('220 dummy.invalid ESMTP not the lab\r\n* OK not the lab\r\n');
    });
    server.once('error', fail);
    server.listen(port.port, port.host, () => resolve({ port, close: () => server.close() }));
  });
}

/** A dummy that cannot count what reaches it would let the check pass vacuously: try one. */
async function selfTest(dummies: Dummy[]): Promise<boolean> {
  const tcp = dummies.find((d) => d.port.protocol === 'tcp');
  const udp = dummies.find((d) => d.port.protocol === 'udp');
  if (!tcp || !udp) return false;
  await new Promise<void>((resolve) => {
    const socket = net.connect(tcp.port.port, tcp.port.host, () => socket.destroy());
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
  });
  await new Promise<void>((resolve) => {
    const socket = dgram.createSocket('udp4');
    socket.send('ping', udp.port.port, udp.port.host, () => socket.close(() => resolve()));
  });
  await new Promise((resolve) => setTimeout(resolve, 100));
  const seen = contacts.includes(where(tcp.port)) && contacts.includes(where(udp.port));
  contacts = [];
  return seen;
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

/** The environment for the `npm test` under check: as from a shell, not from inside a test run. */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env[TEST_NETNS];
  delete env[IN_OWN];
  delete env.VITEST;
  delete env.VITEST_POOL_ID;
  delete env.VITEST_WORKER_ID;
  delete env.NODE_ENV;
  return env;
}

function runLabTests(files: string[], outputFile: string): { status: number; output: string } {
  const result = spawnSync(
    process.execPath,
    [
      path.join(REPO, 'scripts/test.mjs'),
      '--project',
      'integration',
      ...files,
      '--reporter=json',
      `--outputFile.json=${outputFile}`,
    ],
    { cwd: REPO, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, env: childEnv() },
  );
  return { status: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
}

/** Runs this check again in a fresh network namespace; undefined when none can be made. */
function inOwnNamespace(args: string[]): number | undefined {
  const flags = namespaceFlags();
  if (!flags) return undefined;
  const result = spawnSync(
    'unshare',
    [...flags, '--', process.execPath, '--import', 'tsx', THIS_FILE, ...args],
    { cwd: REPO, stdio: 'inherit', env: { ...process.env, [IN_OWN]: '1' } },
  );
  return result.status ?? 1;
}

async function main(): Promise<number> {
  const started = Date.now();
  const given = process.argv.slice(2);
  const args = given.filter((a) => a !== OWN_NAMESPACE);
  if (process.env[IN_OWN] === '1') {
    if (!loopbackUp()) throw new Error('could not bring up lo in its own namespace');
  } else if (given.includes(OWN_NAMESPACE)) {
    const status = inOwnNamespace(args);
    if (status === undefined) throw new Error('no network namespace can be made here');
    return status;
  }
  const files = args.length > 0 ? args : DEFAULT_FILES;
  const results = await Promise.all(dummyPorts().map(startDummy));
  const dummies = results.filter((r): r is Dummy => typeof r !== 'string');
  const notBound = results.filter((r): r is string => typeof r === 'string');
  try {
    if (!(await selfTest(dummies))) {
      console.error('check-isolation: the dummy servers could not be started or do not count');
      return 1;
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-isolation-'));
    try {
      const outputFile = path.join(dir, 'vitest.json');
      const run = runLabTests(files, outputFile);
      const report = run.status === 0 ? readReport(outputFile) : undefined;
      const skipped = report ? report.numPendingTests + report.numTodoTests : 0;
      const problems = [
        ...(run.status === 0 ? [] : [`npm test exited with ${run.status}`]),
        ...(run.status === 0 && !report ? ['npm test wrote no report'] : []),
        ...(report && report.numPassedTests === 0 ? ['no lab test passed'] : []),
        ...(skipped > 0 ? [`${skipped} lab tests were skipped`] : []),
        ...(contacts.length > 0
          ? [`${contacts.length} connections reached dummies (${unique(contacts).join(', ')})`]
          : []),
      ];
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (problems.length > 0) {
        console.error(run.output.trimEnd());
        console.error(`check-isolation: FAILED: ${problems.join('; ')} (${seconds} s)`);
        return 1;
      }
      const occupied = notBound.length > 0 ? `; ${notBound.length} ports already taken here` : '';
      console.log(
        `check-isolation: ${report?.numPassedTests} lab tests passed with ${dummies.length} ` +
          `dummy servers listening outside the lab's namespace${occupied}; none was contacted ` +
          `(${seconds} s)`,
      );
      return 0;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    for (const dummy of dummies) dummy.close();
  }
}

function readReport(file: string): VitestJson | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as VitestJson;
  } catch {
    return undefined;
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`check-isolation: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
