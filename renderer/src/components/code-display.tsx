import { codeBoxCount, EXPECTED_CODE_LENGTH } from '../flow/code-length';
import { MIN_CODE_LENGTH } from '../flow/flow-state';
import { useStrings } from '../i18n/i18n-context';

type CodeDisplayProps = {
  readonly code: string;
  /** Boxes drawn before anything is typed: the length of the codes this machine is given. */
  readonly expectedLength?: number;
};

/**
 * The typed code as one box per digit. As many boxes as the usual code has, so the customer sees its length at a
 * glance; a longer code grows them as it is typed. The boxes submit needs are solid, the ones it can do without
 * are dashed.
 */
export const CodeDisplay = ({ code, expectedLength = EXPECTED_CODE_LENGTH }: CodeDisplayProps) => {
  const t = useStrings();
  const cells = Array.from({ length: codeBoxCount(code.length, expectedLength) }, (_, index) => {
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
    </div>
  );
};
