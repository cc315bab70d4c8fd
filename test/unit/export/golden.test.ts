/**
 * Golden files: one complete example of each format in test/golden/, for a person to review and
 * to catch unintended changes. Regenerate after an intended change with
 * `UPDATE_GOLDEN=1 npx vitest run test/unit/export/golden.test.ts` and review the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportFormats } from '../../../shared/export/index.ts';
import type { AccountSettings } from '../../../shared/model.ts';
import { FIXED_DATE, FIXED_UUIDS, translator } from './fixtures.ts';

const GOLDEN = new URL('../../golden/', import.meta.url);

const EXAMPLE: AccountSettings = {
  address: 'jane@example.com',
  displayName: 'Jane Doe',
  incoming: {
    protocol: 'imap',
    host: 'imap.example.com',
    port: 993,
    security: 'tls',
    username: 'jane@example.com',
  },
  outgoing: {
    protocol: 'smtp',
    host: 'smtp.example.com',
    port: 587,
    security: 'starttls',
    username: 'jane@example.com',
  },
};

function render(language: 'en' | 'de') {
  return exportFormats(EXAMPLE, undefined, {
    t: translator(language),
    language,
    randomUUID: FIXED_UUIDS(),
    now: FIXED_DATE,
    verification: {
      incoming: { ok: true, username: 'jane@example.com', ms: 84 },
      outgoing: { ok: true, username: 'jane@example.com', ms: 131 },
    },
    check: {
      address: EXAMPLE.address,
      domain: 'example.com',
      sources: [
        {
          source: 'autoconfig',
          url: 'https://autoconfig.example.com/mail/config-v1.1.xml',
          outcome: 'found',
          trusted: true,
          ms: 38,
        },
      ],
      findings: [],
    },
  }).files;
}

describe('golden files', () => {
  const files = [
    ...render('en'),
    ...render('de')
      .filter((f) => f.filename === 'settings.html')
      .map((f) => ({ ...f, filename: 'settings.de.html' })),
  ];
  for (const file of files) {
    it(`${file.filename} matches test/golden/${file.filename}`, () => {
      const path = fileURLToPath(new URL(file.filename, GOLDEN));
      if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, file.content);
      expect(file.content).toBe(readFileSync(path, 'utf8'));
    });
  }
});
