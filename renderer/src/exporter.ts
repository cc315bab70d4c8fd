/**
 * The store's exporter: shared/export's pure exporters with the renderer's i18next instance, so
 * the sheet and the report are written in the language the person reads right now.
 */
import type { i18n as I18n } from 'i18next';
import { exportFormats } from '../../shared/export/index.ts';
import { findingParams } from './components/finding-list.tsx';
import type { Exporter } from './store/export-slice.ts';

export function createExporter(i18n: I18n): Exporter {
  return (settings, format, extras) =>
    exportFormats(settings, [format], {
      extraNotes: (extras.risks ?? []).flatMap((risk) =>
        risk.reason === 'cert'
          ? [
              {
                code: 'accepted-certificate' as const,
                severity: 'warning' as const,
                params: {
                  host: risk.host,
                  problem: risk.problem
                    ? i18n.t(`findings:${risk.problem.code}`, findingParams(risk.problem))
                    : '',
                },
              },
            ]
          : [],
      ),
      t: (key, params) => i18n.t(key, params ?? {}),
      language: i18n.language,
      ...(extras.check ? { check: extras.check } : {}),
      ...(extras.verification ? { verification: extras.verification } : {}),
      ...(extras.guidance ? { guidance: extras.guidance } : {}),
    });
}
