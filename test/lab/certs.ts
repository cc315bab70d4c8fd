/**
 * The lab's certificates, made fresh at every start with the openssl command line: a test CA, a
 * valid certificate for `good`, an expired one, one not yet valid, one for the wrong name, a
 * self-signed one that the CA does not vouch for, and a web certificate for every
 * autoconfig/autodiscover name. OpenSSL 3.0 has no `x509 -not_before`, so leaves are signed with
 * `openssl ca`, whose `-startdate`/`-enddate` can put validity in the past (or the future).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runTool } from './processes.ts';
import { EXPIRING_CERT_DAYS, MTA_STS_HOSTS } from './health-records.ts';
import { GOOD_CERT_NAMES, LAB_DOMAINS, LAB_HOSTS } from './topology.ts';
import { EC_KEY_ARGS, caArgs } from '../helpers/openssl-args.ts';

/** A key and certificate pair on disk (PEM). */
export interface CertFiles {
  cert: string;
  key: string;
}

/** Every certificate the lab's servers use, plus the CA that tests trust. */
export interface LabCerts {
  caFile: string;
  caPem: string;
  good: CertFiles;
  expired: CertFiles;
  wrongName: CertFiles;
  selfSigned: CertFiles;
  notYetValid: CertFiles;
  legacy: CertFiles;
  web: CertFiles;
  /** Valid now, ends in EXPIRING_CERT_DAYS days. */
  expiring: CertFiles;
}

/** The name the wrong-name certificate carries instead of `mail.wrongname.test`. */
export const WRONG_CERT_NAME = 'other.test';

/** An openssl date (`YYYYMMDDHHMMSSZ`) `days` from now (negative: in the past). */
function opensslDate(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z';
}

function sanList(names: readonly string[]): string {
  return names.map((n) => `DNS:${n}`).join(',');
}

function writeCaConfig(dir: string): string {
  const configFile = path.join(dir, 'ca.cnf');
  writeFileSync(path.join(dir, 'index.txt'), '');
  writeFileSync(path.join(dir, 'serial'), '1000\n');
  mkdirSync(path.join(dir, 'issued'), { recursive: true });
  writeFileSync(
    configFile,
    [
      '[ca]',
      'default_ca = lab_ca',
      '[lab_ca]',
      `dir = ${dir}`,
      'database = $dir/index.txt',
      'serial = $dir/serial',
      'new_certs_dir = $dir/issued',
      'certificate = $dir/ca.pem',
      'private_key = $dir/ca.key',
      'default_md = sha256',
      'policy = lab_policy',
      'unique_subject = no',
      'copy_extensions = none',
      '[lab_policy]',
      'commonName = supplied',
      '',
    ].join('\n'),
  );
  return configFile;
}

async function makeCa(dir: string): Promise<void> {
  await runTool(
    'openssl',
    caArgs(path.join(dir, 'ca.key'), path.join(dir, 'ca.pem'), 'Mail Setup Wizard Lab CA', 30),
  );
}

interface LeafRequest {
  file: string;
  commonName: string;
  names: readonly string[];
  startDays: number;
  endDays: number;
}

async function signLeaf(dir: string, configFile: string, leaf: LeafRequest): Promise<CertFiles> {
  const key = path.join(dir, `${leaf.file}.key`);
  const cert = path.join(dir, `${leaf.file}.pem`);
  const csr = path.join(dir, `${leaf.file}.csr`);
  const extFile = path.join(dir, `${leaf.file}.ext`);
  writeFileSync(
    extFile,
    [
      'basicConstraints = critical,CA:FALSE',
      'keyUsage = critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage = serverAuth',
      `subjectAltName = ${sanList(leaf.names)}`,
      '',
    ].join('\n'),
  );
  await runTool('openssl', [
    'req',
    '-new',
    ...EC_KEY_ARGS,
    '-keyout',
    key,
    '-out',
    csr,
    '-subj',
    `/CN=${leaf.commonName}`,
  ]);
  await runTool('openssl', [
    'ca',
    '-batch',
    '-notext',
    '-config',
    configFile,
    '-in',
    csr,
    '-out',
    cert,
    '-extfile',
    extFile,
    '-startdate',
    opensslDate(leaf.startDays),
    '-enddate',
    opensslDate(leaf.endDays),
  ]);
  return { cert, key };
}

async function makeSelfSigned(dir: string, name: string): Promise<CertFiles> {
  const key = path.join(dir, 'self-signed.key');
  const cert = path.join(dir, 'self-signed.pem');
  await runTool('openssl', [
    'req',
    '-x509',
    ...EC_KEY_ARGS,
    '-keyout',
    key,
    '-out',
    cert,
    '-days',
    '30',
    '-subj',
    `/CN=${name}`,
    '-addext',
    `subjectAltName=DNS:${name}`,
  ]);
  return { cert, key };
}

/** Every host name the web server answers for: autoconfig.<d>, <d>, autodiscover.<d>. */
export function webCertNames(): string[] {
  return [
    ...Object.values(LAB_DOMAINS).flatMap((d) => [`autoconfig.${d}`, d, `autodiscover.${d}`]),
    ...MTA_STS_HOSTS,
  ];
}

/** Creates the CA and all certificates in `dir` (which must exist and be empty). */
export async function makeLabCerts(dir: string): Promise<LabCerts> {
  await makeCa(dir);
  const configFile = writeCaConfig(dir);
  const sign = (leaf: LeafRequest): Promise<CertFiles> => signLeaf(dir, configFile, leaf);
  // openssl ca appends to one database: sign one after the other.
  const good = await sign({
    file: 'good',
    commonName: LAB_HOSTS.good.name,
    names: GOOD_CERT_NAMES,
    startDays: -1,
    endDays: 29,
  });
  const expired = await sign({
    file: 'expired',
    commonName: LAB_HOSTS.expired.name,
    names: [LAB_HOSTS.expired.name],
    startDays: -400,
    endDays: -35,
  });
  const wrongName = await sign({
    file: 'wrong-name',
    commonName: WRONG_CERT_NAME,
    names: [WRONG_CERT_NAME],
    startDays: -1,
    endDays: 29,
  });
  const notYetValid = await sign({
    file: 'not-yet-valid',
    commonName: LAB_HOSTS.notYetValid.name,
    names: [LAB_HOSTS.notYetValid.name],
    startDays: 2,
    endDays: 60,
  });
  const legacy = await sign({
    file: 'legacy',
    commonName: LAB_HOSTS.legacy.name,
    names: [LAB_HOSTS.legacy.name],
    startDays: -1,
    endDays: 29,
  });
  const web = await sign({
    file: 'web',
    commonName: `autoconfig.${LAB_DOMAINS.good}`,
    names: webCertNames(),
    startDays: -1,
    endDays: 29,
  });
  const expiring = await sign({
    file: 'expiring',
    commonName: LAB_HOSTS.expiring.name,
    names: [LAB_HOSTS.expiring.name],
    startDays: -60,
    endDays: EXPIRING_CERT_DAYS,
  });
  const selfSigned = await makeSelfSigned(dir, LAB_HOSTS.selfSigned.name);
  const caFile = path.join(dir, 'ca.pem');
  return {
    caFile,
    caPem: readFileSync(caFile, 'utf8'),
    good,
    expired,
    wrongName,
    selfSigned,
    notYetValid,
    legacy,
    web,
    expiring,
  };
}
