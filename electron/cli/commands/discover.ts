import { EXIT, type CliIo } from '../io.ts';

/** `mailsetup discover`: not built yet. */
export async function run(_args: string[], io: CliIo): Promise<number> {
  io.stderr.write('mailsetup discover: not available yet\n');
  return EXIT.failed;
}
