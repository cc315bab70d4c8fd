/**
 * A fault-injecting DNS server on 127.0.0.1 (UDP and TCP on one port) for resolver tests: answers
 * are scripted per question name and type, so a test can serve CNAME chains and loops, a hundred
 * MX records (truncated over UDP, whole over TCP), absurd SRV records, garbage or silence.
 */
import dgram from 'node:dgram';
import net from 'node:net';

export const TYPE = { A: 1, CNAME: 5, MX: 15, AAAA: 28, SRV: 33 } as const;

export interface Record {
  name: string;
  type: number;
  /** Encoded record data (use the helpers below). */
  data: Buffer;
}

/** What to do with a question: records to answer, raw bytes, or silence. */
export type Answer = Record[] | { raw: Buffer } | 'silent' | 'nxdomain';

export type Script = (name: string, type: number) => Answer;

export function encodeName(name: string): Buffer {
  const labels = name
    .replace(/\.$/, '')
    .split('.')
    .filter((label) => label.length > 0);
  return Buffer.concat([
    ...labels.map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label)])),
    Buffer.from([0]),
  ]);
}

const u16 = (value: number): Buffer => {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16BE(value);
  return buffer;
};

export const rdata = {
  a: (address: string): Buffer => Buffer.from(address.split('.').map(Number)),
  cname: (target: string): Buffer => encodeName(target),
  mx: (priority: number, exchange: string): Buffer =>
    Buffer.concat([u16(priority), encodeName(exchange)]),
  srv: (priority: number, weight: number, port: number, target: string): Buffer =>
    Buffer.concat([u16(priority), u16(weight), u16(port), encodeName(target)]),
};

/** Reads the question of a query: its name, type and where the question ends. */
function question(query: Buffer): { name: string; type: number; end: number } | null {
  const labels: string[] = [];
  let at = 12;
  while (at < query.length) {
    const length = query[at]!;
    if (length === 0) break;
    labels.push(query.subarray(at + 1, at + 1 + length).toString('latin1'));
    at += length + 1;
  }
  if (at + 5 > query.length) return null;
  return { name: labels.join('.').toLowerCase(), type: query.readUInt16BE(at + 1), end: at + 5 };
}

function response(
  query: Buffer,
  records: Record[],
  flags: { truncated?: boolean; rcode?: number },
) {
  const asked = question(query)!;
  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2);
  header.writeUInt16BE(0x8180 | (flags.truncated ? 0x0200 : 0) | (flags.rcode ?? 0), 2);
  header.writeUInt16BE(1, 4);
  const answers = flags.truncated ? [] : records;
  header.writeUInt16BE(answers.length, 6);
  const body = answers.map((record) => {
    const fixed = Buffer.alloc(10);
    fixed.writeUInt16BE(record.type, 0);
    fixed.writeUInt16BE(1, 2);
    fixed.writeUInt32BE(60, 4);
    fixed.writeUInt16BE(record.data.length, 8);
    return Buffer.concat([encodeName(record.name), fixed, record.data]);
  });
  return Buffer.concat([header, query.subarray(12, asked.end), ...body]);
}

export interface FakeDns {
  /** `127.0.0.1:port`, as the engine's `--dns` option takes it. */
  server: string;
  /** Questions asked, as `name TYPE` (numbers), UDP and TCP alike. */
  asked: string[];
  close(): Promise<void>;
}

export async function startFakeDns(script: Script): Promise<FakeDns> {
  const asked: string[] = [];
  const answer = (query: Buffer, udp: boolean): Buffer | null => {
    const q = question(query);
    if (!q) return null;
    asked.push(`${q.name} ${q.type}`);
    const scripted = script(q.name, q.type);
    if (scripted === 'silent') return null;
    if (scripted === 'nxdomain') return response(query, [], { rcode: 3 });
    if (!Array.isArray(scripted)) return scripted.raw;
    const whole = response(query, scripted, {});
    return udp && whole.length > 512 ? response(query, scripted, { truncated: true }) : whole;
  };

  const tcp = net.createServer((socket) => {
    socket.on('error', () => {});
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      while (buffer.length >= 2 && buffer.length >= 2 + buffer.readUInt16BE(0)) {
        const query = buffer.subarray(2, 2 + buffer.readUInt16BE(0));
        buffer = buffer.subarray(2 + query.length);
        const reply = answer(query, false);
        if (reply) socket.write(Buffer.concat([u16(reply.length), reply]));
      }
    });
  });
  await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
  const port = (tcp.address() as net.AddressInfo).port;
  const udp = dgram.createSocket('udp4');
  udp.on('message', (query, peer) => {
    const reply = answer(query, true);
    if (reply) udp.send(reply, peer.port, peer.address);
  });
  await new Promise<void>((resolve) => udp.bind(port, '127.0.0.1', resolve));
  return {
    server: `127.0.0.1:${port}`,
    asked,
    close: async () => {
      await new Promise<void>((resolve) => udp.close(() => resolve()));
      await new Promise<void>((resolve) => tcp.close(() => resolve()));
    },
  };
}
