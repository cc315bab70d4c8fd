/**
 * Certificates for the hostile-TLS tests, made with the openssl command line in a fresh temporary
 * folder: a root CA, a good leaf for HOSTILE_HOST, a leaf for another name, and a chain whose
 * intermediate expired years ago (its leaf is itself within its dates).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { caArgs, requestArgs } from '../helpers/openssl-args.ts';

export const HOSTILE_HOST = 'mail.hostile.test';
export const OTHER_HOST = 'other.elsewhere.test';

export interface KeyPair {
  key: string;
  /** The leaf first, then any intermediate (PEM). */
  cert: string;
}

export interface HostileCerts {
  caPem: string;
  good: KeyPair;
  otherName: KeyPair;
  expiredIntermediate: KeyPair;
}

export function makeHostileCerts(): HostileCerts {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hostile-certs-'));
  const file = (name: string): string => path.join(dir, name);
  const read = (name: string): string => readFileSync(file(name), 'utf8');
  const openssl = (args: string[]): void => {
    execFileSync('openssl', args, { stdio: 'ignore', cwd: dir });
  };
  const request = (name: string, subject: string): void =>
    openssl(requestArgs(file(`${name}.key`), file(`${name}.csr`), subject));
  const leaf = (name: string, host: string, issuer: string): void => {
    request(name, `/CN=${host}`);
    writeFileSync(file(`${name}.ext`), `subjectAltName=DNS:${host}\nbasicConstraints=CA:FALSE\n`);
    openssl([
      'x509',
      '-req',
      '-in',
      file(`${name}.csr`),
      '-CA',
      file(`${issuer}.pem`),
      '-CAkey',
      file(`${issuer}.key`),
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      file(`${name}.ext`),
      '-out',
      file(`${name}.pem`),
    ]);
  };
  try {
    openssl(caArgs(file('ca.key'), file('ca.pem'), 'Hostile Test Root', 2));
    leaf('good', HOSTILE_HOST, 'ca');
    leaf('other', OTHER_HOST, 'ca');

    // `openssl x509` (3.0) cannot set dates in the past; `openssl ca` can.
    writeFileSync(file('index.txt'), '');
    writeFileSync(file('serial'), '1000\n');
    writeFileSync(
      file('ca.cnf'),
      [
        '[ca]',
        'default_ca = hostile',
        '[hostile]',
        `dir = ${dir}`,
        'database = $dir/index.txt',
        'new_certs_dir = $dir',
        'serial = $dir/serial',
        'default_md = sha256',
        'policy = anything',
        'unique_subject = no',
        'copy_extensions = none',
        '[anything]',
        'commonName = supplied',
        '[intermediate]',
        'basicConstraints = critical,CA:TRUE',
        'keyUsage = critical,keyCertSign,cRLSign',
        '',
      ].join('\n'),
    );
    request('inter', '/CN=Hostile Expired Intermediate');
    openssl([
      'ca',
      '-batch',
      '-config',
      file('ca.cnf'),
      '-cert',
      file('ca.pem'),
      '-keyfile',
      file('ca.key'),
      '-in',
      file('inter.csr'),
      '-out',
      file('inter.pem'),
      '-notext',
      '-startdate',
      '20200101000000Z',
      '-enddate',
      '20210101000000Z',
      '-extensions',
      'intermediate',
    ]);
    leaf('chained', HOSTILE_HOST, 'inter');
    return {
      caPem: read('ca.pem'),
      good: { key: read('good.key'), cert: read('good.pem') },
      otherName: { key: read('other.key'), cert: read('other.pem') },
      expiredIntermediate: {
        key: read('chained.key'),
        cert: read('chained.pem') + read('inter.pem'),
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
