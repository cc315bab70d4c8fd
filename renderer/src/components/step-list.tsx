/** The step indicator: an ordered list with `aria-current="step"` on the step showing. */
import { useTranslation } from 'react-i18next';
import { STEPS, stepNumber } from '../store/steps.ts';
import { useApp } from '../store/context.tsx';

export function StepList() {
  const { t } = useTranslation();
  const step = useApp((s) => s.step);
  const current = stepNumber(step);
  return (
    <nav aria-label={t('wizard:progress.label')} className="steps">
      <ol>
        {STEPS.map((id, index) => {
          const state = index + 1 < current ? 'done' : index + 1 === current ? 'current' : 'todo';
          return (
            <li
              key={id}
              className={`step-${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="step-number" aria-hidden="true">
                {index + 1}
              </span>
              <span className="step-name">{t(`wizard:steps.${id}.short`)}</span>
              {state === 'done' && (
                <span className="visually-hidden"> {t('wizard:progress.done')}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
