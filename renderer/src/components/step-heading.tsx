/** A step's main heading: receives focus when the step appears, so keyboard and screen-reader
 * users start reading at the new step instead of losing their place at the top of the page. */
import { useEffect, useRef, type ReactNode } from 'react';

export function StepHeading({ children, id }: { children: ReactNode; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} id={id} className="step-heading">
      {children}
    </h1>
  );
}
