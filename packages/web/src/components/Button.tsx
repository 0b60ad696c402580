import type { ButtonHTMLAttributes } from 'react';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** primary: the form's or page's main action; danger: destroys or revokes; ghost: reads like a link. */
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  size?: 'small' | 'normal';
}

/** The one button; `type` defaults to "button", so only a form's submit button submits. */
export function Button({ variant = 'primary', size = 'normal', type = 'button', className, ...props }: ButtonProps) {
  const classes = ['button', `button-${variant}`, size === 'small' && 'button-small', className].filter(Boolean).join(' ');
  return <button type={type} className={classes} {...props} />;
}
