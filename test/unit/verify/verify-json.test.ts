/**
 * The `verification` and `guidance` members of `check --json` have the promised shape: a failed
 * login always names `reason` and `serverText`, a guide always names `url`.
 */
import { describe, expect, it } from 'vitest';
import { createTranslate } from '../../../electron/cli/translate.ts';
import { guidanceJson, verificationJson } from '../../../electron/cli/verify-step.ts';

const t = createTranslate('en');

describe('check --json verification', () => {
  it('gives a failed login serverText (null when the server said nothing)', () => {
    const doc = verificationJson({
      incoming: { ok: true, username: 'alice@good.test', ms: 12 },
      outgoing: { ok: false, reason: 'insecure-refused', attempts: 0, ms: 1 },
      sender: { ok: false, reason: 'sender-rejected', serverText: '553 5.7.1 not owned by user' },
    });
    expect(doc).toEqual({
      incoming: { ok: true, username: 'alice@good.test', ms: 12 },
      outgoing: { ok: false, reason: 'insecure-refused', serverText: null, attempts: 0, ms: 1 },
      sender: { ok: false, reason: 'sender-rejected', serverText: '553 5.7.1 not owned by user' },
    });
  });

  it('leaves sender out when no sender check ran', () => {
    const doc = verificationJson({
      incoming: { ok: false, reason: 'timeout', attempts: 1, ms: 5 },
      outgoing: { ok: true, username: 'u', ms: 3 },
    });
    expect(Object.keys(doc)).toEqual(['incoming', 'outgoing']);
    expect(doc.incoming).toMatchObject({ ok: false, reason: 'timeout', serverText: null });
  });
});

describe('check --json guidance', () => {
  it('names code, provider, title, steps and url in every guide, url null without a help page', () => {
    const withLink = guidanceJson('runbox', 'app-password-required', t);
    const generic = guidanceJson(undefined, 'wrong-credentials', t);
    const fastmail = guidanceJson('fastmail', 'wrong-credentials', t);
    for (const guide of [...withLink, ...generic, ...fastmail]) {
      expect(Object.keys(guide).sort()).toEqual(['code', 'provider', 'steps', 'title', 'url']);
      expect(guide.url === null || /^https:\/\//.test(guide.url)).toBe(true);
    }
    expect(withLink.some((guide) => guide.url?.startsWith('https://help.runbox.com/'))).toBe(true);
    expect([...generic, ...fastmail].some((guide) => guide.url === null)).toBe(true);
  });
});
