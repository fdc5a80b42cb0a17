import type { ReactNode, Ref } from 'react';

export type ButtonTone = 'primary' | 'secondary' | 'key';

type BigButtonProps = {
  readonly tone: ButtonTone;
  readonly onPress: () => void;
  readonly disabled?: boolean;
  readonly label?: string;
  readonly className?: string;
  /** For a dialog that moves focus onto its button. */
  readonly ref?: Ref<HTMLButtonElement>;
  readonly children: ReactNode;
};

/** Every touch target on the kiosk: at least 96 px, reacts on press, never depends on hover. */
export const BigButton = ({
  tone,
  onPress,
  disabled = false,
  label,
  className,
  ref,
  children,
}: BigButtonProps) => (
  <button
    ref={ref}
    type="button"
    className={['big-button', `big-button--${tone}`, className].filter(Boolean).join(' ')}
    onClick={onPress}
    disabled={disabled}
    aria-label={label}
  >
    {children}
  </button>
);
