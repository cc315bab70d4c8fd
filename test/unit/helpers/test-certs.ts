/**
 * Certificates for unit tests, made at test time with the openssl command line in a fresh
 * temporary folder: a test CA, a leaf it signs for `mail.fake.test`, and a self-signed leaf.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EC_KEY_ARGS, caArgs } from '../../helpers/openssl-args.ts';

export const FAKE_HOST = 'mail.fake.test';
/** A loopback address the CA-signed leaf also names (for probes of an IP literal). */
export const FAKE_ADDRESS = '127.0.77.1';

export interface TestCerts {
  caPem: string;
  /** Signed by the CA, names FAKE_HOST. */
  leaf: { key: string; cert: string };
  /** Self-signed, names FAKE_HOST. */
  selfSigned: { key: string; cert: string };
}

export function makeTestCerts(): TestCerts {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'probe-certs-'));
  const file = (name: string): string => path.join(dir, name);
  const openssl = (args: string[]): void => {
    execFileSync('openssl', args, { stdio: 'ignore' });
  };
  try {
    openssl(caArgs(file('ca.key'), file('ca.pem'), 'Probe Test CA', 2));
    openssl([
      'req',
      ...EC_KEY_ARGS,
      '-keyout',
      file('leaf.key'),
      '-out',
      file('leaf.csr'),
      '-subj',
      `/CN=${FAKE_HOST}`,
    ]);
    writeFileSync(
      file('leaf.ext'),
      `subjectAltName=DNS:${FAKE_HOST},IP:${FAKE_ADDRESS}\nbasicConstraints=CA:FALSE\n`,
    );
    openssl([
      'x509',
      '-req',
      '-in',
      file('leaf.csr'),
      '-CA',
      file('ca.pem'),
      '-CAkey',
      file('ca.key'),
      '-CAcreateserial',
      '-days',
      '30',
      '-extfile',
      file('leaf.ext'),
      '-out',
      file('leaf.pem'),
    ]);
    openssl([
      'req',
      '-x509',
      ...EC_KEY_ARGS,
      '-keyout',
      file('self.key'),
      '-out',
      file('self.pem'),
      '-days',
      '30',
      '-subj',
      `/CN=${FAKE_HOST}`,
      '-addext',
      `subjectAltName=DNS:${FAKE_HOST}`,
    ]);
    const read = (name: string): string => readFileSync(file(name), 'utf8');
    return {
      caPem: read('ca.pem'),
      leaf: { key: read('leaf.key'), cert: read('leaf.pem') },
      selfSigned: { key: read('self.key'), cert: read('self.pem') },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
