/**
 * The component set every page is built from, styled by the design tokens in
 * tokens.css. Dialogs and toasts are Radix primitives; the rest is plain markup.
 */
export { Badge, StatusBadge, type Tone } from './Badge';
export { Button, type ButtonProps } from './Button';
export { Card } from './Card';
export { CopyButton } from './CopyButton';
export { ConfirmDialog, Dialog, DialogClose } from './Dialog';
export { EmptyState } from './EmptyState';
export { ErrorMessage } from './ErrorMessage';
export { Facts } from './Facts';
export { Notice, SecretOnce } from './Notice';
export { Loading, PageHeader } from './PageHeader';
export { ActionsCell, Table } from './Table';
export { Tabs, type Tab } from './Tabs';
export { ToastProvider, useToast, useToastResult } from './Toast';
export * from './form';
