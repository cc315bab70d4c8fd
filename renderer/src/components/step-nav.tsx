/** Back and Continue for a step: real buttons, in reading order, Continue disabled with a reason. */
import { useTranslation } from 'react-i18next';
import { useApp } from '../store/context.tsx';

interface StepNavProps {
  /** Continue's label key (defaults to "Continue"). */
  nextKey?: string;
  canNext: boolean;
  /** Continue submits the step's form instead of calling next(). */
  submit?: boolean;
  /** Why Continue is disabled, shown next to it. */
  blockedKey?: string | null;
  showBack?: boolean;
  /** Only Back: the step offers its own ways forward. */
  hideNext?: boolean;
}

export function StepNav({
  nextKey = 'common:next',
  canNext,
  submit,
  blockedKey,
  showBack = true,
  hideNext = false,
}: StepNavProps) {
  const { t } = useTranslation();
  const back = useApp((s) => s.back);
  const next = useApp((s) => s.next);
  return (
    <div className="step-nav">
      {showBack && (
        <button type="button" className="secondary" onClick={() => back()}>
          {t('common:back')}
        </button>
      )}
      {blockedKey && !canNext && (
        <p className="nav-blocked" id="nav-blocked">
          {t(blockedKey)}
        </p>
      )}
      {!hideNext && (
        <button
          type={submit ? 'submit' : 'button'}
          className="primary"
          aria-disabled={!canNext}
          aria-describedby={blockedKey && !canNext ? 'nav-blocked' : undefined}
          onClick={submit ? undefined : () => canNext && next()}
        >
          {t(nextKey)}
        </button>
      )}
    </div>
  );
}
