import { MAX_CODE_LENGTH, MIN_CODE_LENGTH } from '../flow/flow-state';
import { fill } from '../i18n/strings';
import { useStrings } from '../i18n/i18n-context';

/**
 * The typed code as one box per character: the first six are required, the last four optional, so the
 * customer can see how long a code may be without reading the hint.
 */
export const CodeDisplay = ({ code }: { readonly code: string }) => {
  const t = useStrings();
  const cells = Array.from({ length: MAX_CODE_LENGTH }, (_, index) => {
    const character = code[index];
    const kind = character !== undefined ? 'filled' : index < MIN_CODE_LENGTH ? 'required' : 'optional';
    const current = index === code.length ? ' code-cell--current' : '';
    return (
      <span key={index} className={`code-cell code-cell--${kind}${current}`}>
        {character ?? ''}
      </span>
    );
  });
  return (
    <div className="code-display">
      <div className="code-display__cells" role="status" aria-label={t.codeLabel} data-code={code}>
        {cells}
      </div>
      <p className="code-display__hint">
        {fill(t.codeLength, { min: MIN_CODE_LENGTH, max: MAX_CODE_LENGTH })}
      </p>
    </div>
  );
};
