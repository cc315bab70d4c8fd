/**
 * A tiny line-oriented client for the lab's own checks: send a command, read lines until one
 * matches. Bounded in time; test-only (the engine has its own protocol clients).
 */
import type { Socket } from 'node:net';

const LINE_TIMEOUT_MS = 5_000;

export class LineSession {
  private buffer = '';
  private lines: string[] = [];
  private log: string[] = [];
  private waiter: (() => void) | undefined;
  private closed = false;

  constructor(private readonly socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\n')) >= 0) {
        this.lines.push(this.buffer.slice(0, end).replace(/\r$/, ''));
        this.buffer = this.buffer.slice(end + 1);
      }
      this.waiter?.();
    });
    const close = (): void => {
      this.closed = true;
      this.waiter?.();
    };
    socket.on('close', close);
    socket.on('error', close);
  }

  /** Every line read so far, one per line. */
  transcript(): string {
    return this.log.join('\n');
  }

  /** The next line from the server. */
  async readLine(): Promise<string> {
    const deadline = Date.now() + LINE_TIMEOUT_MS;
    while (this.lines.length === 0) {
      if (this.closed) throw new Error(`connection closed; read so far:\n${this.transcript()}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no line within ${LINE_TIMEOUT_MS} ms:\n${this.transcript()}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.waiter = undefined;
    }
    const line = this.lines.shift()!;
    this.log.push(line);
    return line;
  }

  /** Sends `line` and returns the first reply line matching `until`. */
  async command(line: string, until: RegExp): Promise<string> {
    this.socket.write(`${line}\r\n`);
    for (;;) {
      const reply = await this.readLine();
      if (until.test(reply)) return reply;
    }
  }
}
