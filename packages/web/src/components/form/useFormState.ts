import { useState } from 'react';

/** The keys of a form's text fields (those holding strings). */
type TextKey<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T];

/** A form's values, their setter, and the value/onChange props binding an input, select or textarea to one text field. */
export function useFormState<T extends object>(empty: T) {
  const [form, setForm] = useState(empty);
  const bind = (key: TextKey<T>) => ({
    value: form[key] as string,
    onChange: (e: { target: { value: string } }) => setForm((current) => ({ ...current, [key]: e.target.value })),
  });
  return [form, setForm, bind] as const;
}
