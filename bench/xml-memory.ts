/**
 * What one discovery document costs in memory: parses a 1 MB hostile document (`deep`: 1 MB of
 * nested elements; `flat`: 1 MB of sibling elements; `largest`: the most elements still read, in
 * 1 MB; `normal`: a real autoconfig file) with the
 * engine's XML reader in a fresh process and prints one JSON line: the document's size, the peak
 * resident memory growth while parsing (maxRSS) and the heap still held by the result.
 * `npx tsx bench/xml-memory.ts deep|flat|largest|normal`; without a case, runs all three in child
 * processes and prints a table. Used by test/unit/hostile/xml-memory.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseXml } from '../electron/engine/discover/xml.ts';

const SIZE = 1024 * 1024;

function documentFor(kind: string): string {
  const wrap = (inner: string): string =>
    `<?xml version="1.0"?><clientConfig version="1.1"><emailProvider id="x">${inner}</emailProvider></clientConfig>`;
  if (kind === 'deep') {
    const depth = Math.floor((SIZE - 200) / 7);
    return wrap(`${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}`);
  }
  if (kind === 'flat') return wrap('<a/>'.repeat(Math.floor((SIZE - 200) / 4)));
  if (kind === 'largest') {
    // The most a document may hold and still be read: the node limit, 1 MB of text among them.
    const elements = 2000;
    const text = 'x'.repeat(Math.floor((SIZE - 200) / elements) - 7);
    return wrap(`<a>${text}</a>`.repeat(elements));
  }
  return readFileSync(new URL('../test/golden/config-v1.1.xml', import.meta.url), 'utf8');
}

export interface XmlMemory {
  kind: string;
  bytes: number;
  outcome: string;
  peakRssMb: number;
  heapHeldMb: number;
}

function measure(kind: string): XmlMemory {
  const text = documentFor(kind);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.resourceUsage().maxRSS;
  const result = parseXml(text);
  const rssAfter = process.resourceUsage().maxRSS;
  gc?.();
  const heapHeld = process.memoryUsage().heapUsed - heapBefore;
  const outcome = result.ok ? 'parsed' : result.error;
  return {
    kind,
    bytes: Buffer.byteLength(text),
    outcome,
    peakRssMb: Math.round(((rssAfter - rssBefore) / 1024) * 10) / 10,
    heapHeldMb: Math.round((Math.max(0, heapHeld) / 1024 / 1024) * 10) / 10,
  };
}

/** Runs one case in a fresh Node process (so the peaks of one do not hide another's). */
export function measureInChild(kind: string): XmlMemory {
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', script, kind], {
    encoding: 'utf8',
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  });
  const line = child.stdout.trim().split('\n').pop() ?? '';
  if (child.status !== 0 || !line.startsWith('{')) {
    throw new Error(`xml-memory ${kind} failed: ${child.stderr.slice(0, 500)}`);
  }
  return JSON.parse(line) as XmlMemory;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const kind = process.argv[2];
  if (kind) console.log(JSON.stringify(measure(kind)));
  else {
    for (const each of ['deep', 'flat', 'largest', 'normal']) {
      const m = measureInChild(each);
      console.log(
        `${m.kind.padEnd(7)} ${String(m.bytes).padStart(8)} B  ${m.outcome.padEnd(16)} peak RSS +${m.peakRssMb} MB  held ${m.heapHeldMb} MB`,
      );
    }
  }
}
