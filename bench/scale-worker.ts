/**
 * The measured side of benchmark 5, run as its own Node process (bundled by esbuild, so no
 * TypeScript loader inflates its memory): probes the given hosts at once on the standard ports,
 * then reports wall time, peak RSS and the sockets still open, as one JSON line on stdout.
 * Input: one JSON argument `{ hosts: string[], ca: string, mode?: 'probe' | 'floor' }`.
 */
import { readdirSync, readlinkSync } from 'node:fs';
import { STANDARD_PORTS } from '../shared/model.ts';
import { probe } from '../electron/engine/probe/index.ts';
import { tlsFloor } from './tls-floor.ts';

interface Input {
  hosts: string[];
  ca: string;
  /** 'probe' (default): the engine; 'floor': bare sockets doing the same kind of work. */
  mode?: 'probe' | 'floor';
}

/** Open file descriptors of this process that are sockets (Linux: links to `socket:[inode]`). */
function openSockets(): number {
  let count = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`).startsWith('socket:')) count++;
    } catch {
      // closed while we looked
    }
  }
  return count;
}

/** Handles Node still keeps that belong to the network. */
function networkResources(): string[] {
  return process
    .getActiveResourcesInfo()
    .filter((name) => /TCP|TLS|UDP|DNS|GetAddrInfo/i.test(name));
}

async function main(): Promise<void> {
  const input = JSON.parse(process.argv[2] ?? '{}') as Input;
  const socketsBefore = openSockets();
  const ports = STANDARD_PORTS.map((p) => p.port);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const reports =
    input.mode === 'floor'
      ? await tlsFloor(input.hosts, input.ca).then(() => [])
      : await Promise.all(input.hosts.map((host) => probe(host, { ca: [input.ca], ports })));
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  // Let closed handles go through one turn of the event loop before counting.
  await new Promise((resolve) => setImmediate(resolve));
  const statuses: Record<string, number> = {};
  for (const port of reports.flatMap((r) => r.ports)) {
    const key = `${port.port}:${port.status}`;
    statuses[key] = (statuses[key] ?? 0) + 1;
  }
  process.stdout.write(
    `${JSON.stringify({
      wallMs,
      cpuMs: (cpu.user + cpu.system) / 1000,
      maxRssKb: process.resourceUsage().maxRSS,
      socketsBefore,
      socketsAfter: openSockets(),
      resourcesAfter: networkResources(),
      statuses,
    })}\n`,
  );
}

await main();
