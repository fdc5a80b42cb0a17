import type { ReactNode } from 'react';
import { StatusIcon, type IconKind } from './status-icon';

export type ScreenTone = 'neutral' | 'good' | 'warn' | 'bad';

type ScreenFrameProps = {
  readonly name: string;
  readonly tone: ScreenTone;
  readonly icon: IconKind;
  readonly title: string;
  readonly children?: ReactNode;
  readonly actions?: ReactNode;
};

/** The shared layout of every message screen: icon, headline, body, and the actions pinned to the bottom. */
export const ScreenFrame = ({ name, tone, icon, title, children, actions }: ScreenFrameProps) => (
  <section
    className={`screen screen--message tone--${tone}`}
    data-screen={name}
    aria-labelledby={`${name}-title`}
  >
    <div className="screen__body">
      <StatusIcon kind={icon} />
      <h1 id={`${name}-title`} className="screen__title">
        {title}
      </h1>
      {children}
    </div>
    {actions === undefined ? null : <div className="screen__actions">{actions}</div>}
  </section>
);
