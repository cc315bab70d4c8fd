/**
 * Settings from an unknown hoster (the domain's MX points at a company that is not a known
 * provider): one risk for its incoming and outgoing servers together, recorded as the hoster's
 * domain, and the login test gets the one source consent `source:<hoster>`.
 */
import { describe, expect, it } from 'vitest';
import {
  acceptedRisks,
  insecureHosts,
  risksOf,
} from '../../../renderer/src/store/endpoint-risk.ts';
import { candidate, checkReport, endpoint, probe } from './fake-api.ts';

const imap = endpoint('imap', 'imap.hoster.test', 993, 'tls');
const smtp = endpoint('smtp', 'smtp.hoster.test', 465, 'tls');
const report = checkReport({
  incoming: [{ ...candidate(imap, false), source: 'mx', hoster: 'hoster.test' }],
  outgoing: [{ ...candidate(smtp, false), source: 'mx', hoster: 'hoster.test' }],
  probes: [
    probe('imap.hoster.test', [[993, 'imap', 'tls', true]]),
    probe('smtp.hoster.test', [[465, 'smtp', 'tls', true]]),
  ],
});

describe('an unknown hoster', () => {
  it('is one risk for both servers, named by the hoster', () => {
    expect(risksOf([imap, smtp], report)).toEqual([
      { host: 'hoster.test', reason: 'hoster', problem: null },
    ]);
  });

  it('sends source:<hoster> once the person said yes, and nothing before', () => {
    expect(insecureHosts([imap, smtp], report, [])).toEqual([]);
    expect(insecureHosts([imap, smtp], report, ['hoster.test'])).toEqual(['source:hoster.test']);
  });

  it('is no risk that stays after the answer', () => {
    expect(acceptedRisks([imap, smtp], report, ['hoster.test'])).toEqual([]);
  });
});
