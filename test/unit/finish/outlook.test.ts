import { describe, expect, it } from 'vitest';
import {
  decideOutlook,
  expandEnv,
  importIntoOutlook,
  isMicrosoftAccount,
  knownOutlookPaths,
  regDefaultValue,
  tasklistShowsOutlook,
} from '../../../electron/engine/finish/outlook.ts';
import { openInAppleMail } from '../../../electron/engine/finish/apple.ts';
import { ALICE } from './fixtures.ts';

const REG_OUTPUT = `
HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\App Paths\\OUTLOOK.EXE
    (Standard)    REG_SZ    C:\\Program Files\\Microsoft Office\\Root\\Office16\\OUTLOOK.EXE
`;

describe('Outlook (classic) import', () => {
  it('reads the App Paths default value in any Windows language', () => {
    expect(regDefaultValue(REG_OUTPUT)).toBe(
      'C:\\Program Files\\Microsoft Office\\Root\\Office16\\OUTLOOK.EXE',
    );
    expect(
      regDefaultValue(
        '    (Default)    REG_EXPAND_SZ    "%ProgramFiles%\\Office\\OUTLOOK.EXE"\r\n',
        {
          PROGRAMFILES: 'C:\\Program Files',
        },
      ),
    ).toBe('C:\\Program Files\\Office\\OUTLOOK.EXE');
    expect(
      regDefaultValue('ERROR: The system was unable to find the specified registry key'),
    ).toBeNull();
    expect(expandEnv('%NOPE%\\x', {})).toBe('%NOPE%\\x');
  });

  it('knows the Click-to-Run and MSI folders', () => {
    const paths = knownOutlookPaths({
      ProgramFiles: 'C:\\Program Files',
      'ProgramFiles(x86)': 'C:\\Program Files (x86)',
    });
    expect(paths).toContain('C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE');
    expect(paths).toContain('C:\\Program Files (x86)\\Microsoft Office\\Office15\\OUTLOOK.EXE');
  });

  it('sees a running Outlook in tasklist output, and no Outlook in its "no tasks" line', () => {
    expect(tasklistShowsOutlook('"OUTLOOK.EXE","4242","Console","1","120.000 K"\r\n')).toBe(true);
    expect(
      tasklistShowsOutlook('INFO: No tasks are running which match the specified criteria.\r\n'),
    ).toBe(false);
  });

  it('tells Microsoft accounts apart by provider or host', () => {
    expect(isMicrosoftAccount(ALICE)).toBe(false);
    expect(isMicrosoftAccount(ALICE, 'microsoft-365')).toBe(true);
    expect(
      isMicrosoftAccount({
        ...ALICE,
        incoming: { ...ALICE.incoming, host: 'outlook.office365.com' },
      }),
    ).toBe(true);
  });

  it('decides: Microsoft account → by address; not Windows → steps; no Outlook; running; import', () => {
    const base = {
      platform: 'win32' as const,
      microsoftAccount: false,
      outlookPath: 'C:\\o\\OUTLOOK.EXE',
      running: false,
    };
    expect(decideOutlook({ ...base, microsoftAccount: true })).toEqual({
      action: 'explain',
      code: 'outlook-add-by-address',
    });
    expect(decideOutlook({ ...base, platform: 'linux' })).toEqual({
      action: 'explain',
      code: 'outlook-unsupported-platform',
    });
    expect(decideOutlook({ ...base, outlookPath: null })).toEqual({
      action: 'explain',
      code: 'outlook-not-found',
    });
    expect(decideOutlook({ ...base, running: true })).toEqual({
      action: 'explain',
      code: 'outlook-running',
    });
    expect(decideOutlook(base)).toEqual({ action: 'import', outlookPath: 'C:\\o\\OUTLOOK.EXE' });
  });

  it('outside Windows the runner answers with a code and writes nothing', async () => {
    expect(
      await importIntoOutlook(ALICE, { dir: '/nonexistent/never', platform: 'linux' }),
    ).toEqual({
      ok: false,
      code: 'outlook-unsupported-platform',
    });
  });
});

describe('Apple Mail profile', () => {
  it('outside macOS answers with a code', async () => {
    const t = (key: string) => key;
    expect(
      await openInAppleMail(ALICE, { dir: '/nonexistent/never', t, platform: 'linux' }),
    ).toEqual({
      ok: false,
      code: 'apple-unsupported-platform',
    });
  });

  it('on macOS writes the profile without the password and opens it', async () => {
    const { mkdtemp, readFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'mailsetup-apple-'));
    try {
      const opened: string[] = [];
      const result = await openInAppleMail(
        { ...ALICE, password: 'hunter2-never' },
        {
          dir,
          t: (key) => key,
          platform: 'darwin',
          openFile: async (path) => void opened.push(path),
        },
      );
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(opened).toEqual([result.value.path]);
      const content = await readFile(result.value.path, 'utf8');
      expect(content).toContain('<string>alice</string>');
      expect(content).not.toContain('hunter2-never');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
