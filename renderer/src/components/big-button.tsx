import type { ReactNode } from 'react';

export type ButtonTone = 'primary' | 'secondary' | 'key';

type BigButtonProps = {
  readonly tone: ButtonTone;
  readonly onPress: () => void;
  readonly disabled?: boolean;
  readonly label?: string;
  readonly className?: string;
  readonly children: ReactNode;
};

/** Every touch target on the kiosk: at least 96 px, reacts on press, never depends on hover. */
export const BigButton = ({
  tone,
  onPress,
  disabled = false,
  label,
  className,
  children,
}: BigButtonProps) => (
  <button
    type="button"
    className={['big-button', `big-button--${tone}`, className].filter(Boolean).join(' ')}
    onClick={onPress}
    disabled={disabled}
    aria-label={label}
  >
    {children}
  </button>
);
