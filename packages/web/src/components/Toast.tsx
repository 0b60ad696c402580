import * as RadixToast from '@radix-ui/react-toast';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { errorCode } from './form/errors';

interface ToastMessage {
  id: number;
  title: string;
  description?: string;
  tone?: 'neutral' | 'danger';
}
type Notify = (message: Omit<ToastMessage, 'id'>) => void;

const ToastContext = createContext<Notify>(() => undefined);

/**
 * Toasts (Radix): announced politely without taking focus, paused while hovered
 * or focused, F8 jumps to them, a swipe or the close button dismisses them.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [messages, setMessages] = useState<ToastMessage[]>([]);
  const notify = useCallback<Notify>((message) => setMessages((current) => [...current.slice(-2), { ...message, id: Date.now() + Math.random() }]), []);
  const forget = (id: number) => setMessages((current) => current.filter((m) => m.id !== id));
  return (
    <ToastContext.Provider value={notify}>
      <RadixToast.Provider duration={4000} swipeDirection="right">
        {children}
        {messages.map((m) => (
          <RadixToast.Root
            key={m.id}
            className={m.tone === 'danger' ? 'toast toast-danger' : 'toast'}
            type={m.tone === 'danger' ? 'foreground' : 'background'}
            onOpenChange={(open) => {
              if (!open) forget(m.id);
            }}
          >
            <div className="toast-body">
              <RadixToast.Title className="toast-title">{m.title}</RadixToast.Title>
              {m.description && <RadixToast.Description className="toast-description">{m.description}</RadixToast.Description>}
            </div>
            <RadixToast.Close className="toast-close" aria-label="Dismiss">
              ×
            </RadixToast.Close>
          </RadixToast.Root>
        ))}
        <RadixToast.Viewport className="toast-viewport" />
      </RadixToast.Provider>
    </ToastContext.Provider>
  );
}

/** Tells the user that something happened elsewhere than where they look (a row changed, a link was copied). */
export function useToast(): Notify {
  return useContext(ToastContext);
}

/** Runs a mutation and toasts its outcome: `done` on success, the server's message on failure. */
export function useToastResult() {
  const notify = useToast();
  return useMemo(
    () =>
      async <R extends { error?: CombinedError }>(run: Promise<R>, done: string) => {
        const result = await run;
        const refusal = result.error?.graphQLErrors[0];
        if (result.error) notify({ title: refusal?.message ?? result.error.message, description: errorCode(result.error), tone: 'danger' });
        else notify({ title: done });
        return result;
      },
    [notify],
  );
}
