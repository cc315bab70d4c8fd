/**
 * Benchmark 1: the full seven-port probe of one lab host by `mailsetup probe` against nmap with
 * service detection and the mail scripts on the same host. Reports the wall-time ratio and checks
 * that both saw the same open ports and the same certificate facts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LAB_HOSTS } from '../test/lab/topology.ts';
import {
  median,
  ms,
  ratio,
  row,
  runCli,
  runCommand,
  type BenchContext,
  type BenchResult,
} from './harness.ts';
import { compareFacts, nmapPortFacts, probePortFacts } from './port-facts.ts';
import { findTool, missingText } from './tools.ts';

const NAME = '1 probe vs nmap';
const PORTS = '25,110,143,465,587,993,995';
const SCRIPTS = 'ssl-cert,imap-capabilities,pop3-capabilities,smtp-commands';
/** nmap takes tens of seconds per run; three runs give a median without dominating the bench. */
const MAX_NMAP_RUNS = 3;

export async function run(ctx: BenchContext): Promise<BenchResult> {
  const host = LAB_HOSTS.good;
  const nmap = findTool('nmap');
  const ours: number[] = [];
  let ourJson = '';
  for (let i = 0; i < ctx.runs; i++) {
    const result = await runCli(ctx.lab, ['probe', host.name, '--json']);
    if (result.code !== 0)
      throw new Error(`mailsetup probe exited ${result.code}: ${result.stderr}`);
    ours.push(result.ms);
    ourJson = result.stdout;
  }
  const oursMs = median(ours);
  const rows = [row(NAME, `mailsetup probe ${host.name} (7 ports)`, ms(oursMs))];
  if (!nmap.path) {
    const text = missingText(nmap, 'the comparison with nmap was skipped');
    ctx.log(text);
    return { rows, notes: [text] };
  }

  const dir = mkdtempSync(path.join(os.tmpdir(), 'mailsetup-bench-nmap-'));
  try {
    const xmlFile = path.join(dir, 'scan.xml');
    const args = ['-Pn', '-sV', '-p', PORTS, '--script', SCRIPTS, '-oX', xmlFile, host.address];
    const theirs: number[] = [];
    for (let i = 0; i < Math.min(ctx.runs, MAX_NMAP_RUNS); i++) {
      const result = await runCommand(nmap.path, args, { timeoutMs: 600_000 });
      if (result.code !== 0) throw new Error(`nmap exited ${result.code}: ${result.stderr}`);
      theirs.push(result.ms);
      ctx.log(`  nmap run ${i + 1}: ${ms(result.ms)}`);
    }
    const theirMs = median(theirs);
    const speedup = theirMs / oursMs;
    const ourFacts = probePortFacts(ourJson);
    const problems = compareFacts(ourFacts, nmapPortFacts(readFileSync(xmlFile, 'utf8')));
    const open = ourFacts.filter((p) => p.open).map((p) => p.port);
    const certs = ourFacts.filter((p) => p.cert).length;
    // Once without -sV, to show where nmap's time goes (orientation, not part of the target).
    const scriptsOnly = args.filter((a) => a !== '-sV' && a !== '-oX' && a !== xmlFile);
    const quick = await runCommand(nmap.path, scriptsOnly, { timeoutMs: 600_000 });
    rows.push(
      row(NAME, `nmap -sV + the 4 mail scripts, same ports (${theirs.length} runs)`, ms(theirMs)),
      row(NAME, 'speed-up over nmap', ratio(speedup), '>= 5x', speedup >= 5),
      row(
        NAME,
        'same open ports and certificate facts',
        problems.length === 0 ? `yes (${open.length} open, ${certs} certificates)` : 'no',
        'identical',
        problems.length === 0,
      ),
      row(NAME, 'nmap without -sV, scripts only (1 run, orientation)', ms(quick.ms)),
    );
    const notes = [
      `Probe vs nmap: both scanned ${host.name} (${host.address}); nmap was given the address, ` +
        'mailsetup the name (so mailsetup also pays for a DNS lookup). Compared per port: open or ' +
        'not, certificate subject, issuer, validity dates, DNS names and SHA-256 fingerprint ' +
        '(computed from the PEM nmap returns, since nmap prints only MD5 and SHA-1). ' +
        `nmap command: nmap ${args.filter((a) => a !== '-oX' && a !== xmlFile).join(' ')}. ` +
        `Without -sV nmap took ${ms(quick.ms)}: most of its time is service detection, which ` +
        'sends its probe list to every port and waits for each answer or timeout.',
      ...problems.map((p) => `Difference: ${p}`),
    ];
    return { rows, notes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
