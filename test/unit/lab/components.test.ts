import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findOnPath, missingComponents, missingLine } from '../../helpers/components.ts';

const savedPath = process.env.PATH;
afterEach(() => {
  process.env.PATH = savedPath;
});

describe('test components', () => {
  it('finds a command the way spawn would: an executable regular file on PATH', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mailsetup-path-'));
    try {
      writeFileSync(path.join(dir, 'lab-tool'), '#!/bin/sh\n');
      chmodSync(path.join(dir, 'lab-tool'), 0o755);
      writeFileSync(path.join(dir, 'not-runnable'), '');
      process.env.PATH = dir;
      expect(findOnPath('lab-tool')).toBe(path.join(dir, 'lab-tool'));
      expect(findOnPath('not-runnable')).toBeUndefined();
      expect(findOnPath('no-such-tool-anywhere')).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('expands the lab into its parts and names what is missing with the command that brings it', () => {
    const missing = missingComponents(['lab']);
    expect(
      missing.every((id) => ['dovecot', 'postfix', 'dnsmasq', 'openssl', 'root'].includes(id)),
    ).toBe(true);
    expect(missingLine('dovecot', 12)).toBe(
      '12 tests skipped: Dovecot is missing. Enable: sudo npm test, or sudo apt-get install -y dovecot-imapd dovecot-pop3d',
    );
    expect(missingLine('root', 1)).toMatch(
      /^1 test skipped: root .* is missing\. Enable: sudo npm test$/,
    );
  });
});
