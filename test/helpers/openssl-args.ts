/**
 * Argument lists for the openssl command line, shared by every place that makes test
 * certificates (the lab, the unit-test helpers, the hostile-TLS tests).
 */

/** A fresh P-256 key, unencrypted. */
export const EC_KEY_ARGS = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/** `openssl req -x509 ...`: a self-signed CA certificate that may sign leaves. */
export function caArgs(
  keyFile: string,
  certFile: string,
  commonName: string,
  days: number,
): string[] {
  return [
    'req',
    '-x509',
    ...EC_KEY_ARGS,
    '-keyout',
    keyFile,
    '-out',
    certFile,
    '-days',
    String(days),
    '-subj',
    `/CN=${commonName}`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ];
}

/** `openssl req ...`: a key and a certificate signing request. */
export function requestArgs(keyFile: string, csrFile: string, subject: string): string[] {
  return ['req', ...EC_KEY_ARGS, '-keyout', keyFile, '-out', csrFile, '-subj', subject];
}
