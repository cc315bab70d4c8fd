/**
 * `mailsetup check --export DIR` end to end against the lab: the recommended settings of a real
 * check become files, the ticket report carries the probes and the login results, the JSON
 * document names the files, existing files are not replaced without --force, and the password
 * reaches no file unless --include-password asks for it (and then only the Apple profile).
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parsePlist } from 'plist';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { main } from '../../electron/cli/main.ts';
import { captureIo, labCliArgs } from '../helpers/cli-io.ts';
import { LAB_HOSTS, LAB_USERS } from '../lab/topology.ts';

const lab = inject('lab');
const { alice } = LAB_USERS;

async function check(args: string[], stdinText = '') {
  const io = captureIo({ stdin: stdinText });
  const code = await main(['check', ...args, ...labCliArgs(lab)], io);
  return { code, stdout: io.out(), stderr: io.err() };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mailsetup-check-export-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('mailsetup check --export', () => {
  it('writes the files of the recommended settings with the check and login in the report', async () => {
    const out = join(dir, 'alice');
    const run = await check(
      [alice.address, '--password-stdin', '--json', '--export', out],
      `${alice.password}\n`,
    );
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { export: { ok: boolean; files: string[] } };
    expect(json.export.ok).toBe(true);
    const names = (await readdir(out)).sort();
    expect(names).toContain('outlook.prf');
    expect(names).toContain(`${alice.address}.mobileconfig`);
    expect(json.export.files.map((f) => f.slice(out.length + 1)).sort()).toEqual(names);

    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8'));
    expect(report.verification.incoming).toMatchObject({ ok: true, username: alice.username });
    expect(report.probes.map((p: { host: string }) => p.host)).toContain(LAB_HOSTS.good.name);
    expect(report.settings.incoming.host).toBe(LAB_HOSTS.good.name);
    const autoconfig = await readFile(join(out, 'config-v1.1.xml'), 'utf8');
    expect(autoconfig).toContain(`<hostname>${LAB_HOSTS.good.name}</hostname>`);
    for (const name of names) {
      expect(await readFile(join(out, name), 'utf8')).not.toContain(alice.password);
    }
    expect(run.stdout + run.stderr).not.toContain(alice.password);
  });

  it('refuses to replace the files without --force and replaces them with it', async () => {
    const out = join(dir, 'again');
    expect((await check([alice.address, '--export', out, '--format', 'sheet'])).code).toBe(0);
    const refused = await check([alice.address, '--export', out, '--format', 'sheet']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--force');
    const forced = await check([alice.address, '--export', out, '--format', 'sheet', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('settings.html');
  });

  it('puts the password into the Apple profile only with --include-password', async () => {
    const out = join(dir, 'with-password');
    const run = await check(
      [
        alice.address,
        '--password-stdin',
        '--export',
        out,
        '--format',
        'apple,report',
        '--include-password',
      ],
      `${alice.password}\n`,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/password/i);
    const profile = parsePlist(
      await readFile(join(out, `${alice.address}.mobileconfig`), 'utf8'),
    ) as { PayloadContent: Array<Record<string, unknown>> };
    expect(profile.PayloadContent[0]!.IncomingPassword).toBe(alice.password);
    for (const name of ['report.txt', 'report.json']) {
      expect(await readFile(join(out, name), 'utf8')).not.toContain(alice.password);
    }
  });

  it('needs --export for --format', async () => {
    const run = await check([alice.address, '--format', 'apple']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--export');
  });
});
