import type { CombinedError } from 'urql';
import { errorCode } from './form/errors';

/** Shows the server's message and its stable code. */
export function ErrorMessage({ error }: { error?: CombinedError | null }) {
  if (!error) return null;
  const first = error.graphQLErrors[0];
  const code = errorCode(error) ?? first?.extensions?.code;
  return (
    <p role="alert" className="error">
      {first?.message ?? error.message}
      {code ? ` (${String(code)})` : ''}
    </p>
  );
}
