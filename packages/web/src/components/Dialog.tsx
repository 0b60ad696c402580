import * as RadixDialog from '@radix-ui/react-dialog';
import { useState, type ReactElement, type ReactNode } from 'react';
import { Button } from './Button';

interface DialogProps {
  title: string;
  description?: ReactNode;
  /** The element that opens the dialog (a Button); omit it to control `open` from outside. */
  trigger?: ReactElement;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  children?: ReactNode;
}

/**
 * A modal dialog (Radix): focus moves in and is trapped, Escape and the overlay
 * close it, focus returns to the trigger, the page behind does not scroll.
 */
export function Dialog({ title, description, trigger, open, onOpenChange, children }: DialogProps) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      {trigger && <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger>}
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content className="dialog">
          <RadixDialog.Title asChild>
            <h2>{title}</h2>
          </RadixDialog.Title>
          {description ? <RadixDialog.Description className="dialog-description">{description}</RadixDialog.Description> : <RadixDialog.Description />}
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** Closes the dialog it is in (a Cancel button). */
export function DialogClose({ children = 'Cancel' }: { children?: ReactNode }) {
  return (
    <RadixDialog.Close asChild>
      <Button variant="secondary">{children}</Button>
    </RadixDialog.Close>
  );
}

interface ConfirmProps {
  title: string;
  description: ReactNode;
  /** The button that asks, e.g. <Button variant="danger">Revoke</Button>. */
  trigger: ReactElement;
  /** The confirming button's text, e.g. "Revoke key". */
  confirm: string;
  tone?: 'primary' | 'danger';
  /** Runs the action; the dialog closes when it resolves to true (false keeps it open, e.g. to show an error beside). */
  onConfirm: () => Promise<boolean> | boolean;
}

/** Asks before an action that cannot be undone. */
export function ConfirmDialog({ title, description, trigger, confirm, tone = 'danger', onConfirm }: ConfirmProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      if (await onConfirm()) setOpen(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={title} description={description} trigger={trigger} open={open} onOpenChange={setOpen}>
      <div className="dialog-footer">
        <DialogClose />
        <Button variant={tone} disabled={busy} onClick={run}>
          {confirm}
        </Button>
      </div>
    </Dialog>
  );
}
