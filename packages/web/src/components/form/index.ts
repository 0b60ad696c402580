/** Shared form parts: the field components, the state binder, value checks and the server's errors beside fields. */
export { CheckField, Field } from './Field';
export { errorCode, errorsOf, fieldErrors, hasErrors, type Errors } from './errors';
export { useFormState } from './useFormState';
export * from './values';
