import { describe, expect, it } from 'vitest';
import { IPC_ERRORS } from '../../../shared/ipc.ts';
import { catalogues } from '../../../shared/i18n/catalogues.ts';

describe('IPC error codes', () => {
  it('every code the IPC layer returns has a sentence in every language', () => {
    for (const language of Object.keys(catalogues) as Array<keyof typeof catalogues>) {
      const sentences = catalogues[language].ipc as Record<string, string>;
      expect(Object.keys(sentences).sort(), language).toEqual([...IPC_ERRORS].sort());
    }
  });
});
