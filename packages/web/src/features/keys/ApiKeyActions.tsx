import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { graphql } from '../../gql';

const RevokeApiKey = graphql(`
  mutation RevokeApiKey($projectId: ID!, $id: ID!) {
    revokeApiKey(projectId: $projectId, id: $id) { id status revokedAt }
  }
`);
const RotateApiKey = graphql(`
  mutation RotateApiKey($projectId: ID!, $id: ID!, $gracePeriodSeconds: Int!, $requestId: String!) {
    rotateApiKey(projectId: $projectId, id: $id, gracePeriodSeconds: $gracePeriodSeconds, requestId: $requestId) {
      secret
      apiKey { id }
      previous { id expiresAt status }
    }
  }
`);

const MAX_GRACE = 86_400;

interface Props {
  projectId: string;
  apiKey: { id: string; name: string; status: string };
  rotatable: boolean;
  onRevoked: () => void;
  onRotated: (secret: string) => void;
}

/** Revoke, or rotate with a grace period; one request id per rotation, so a double submit mints once. */
export function ApiKeyActions({ projectId, apiKey, rotatable, onRevoked, onRotated }: Props) {
  const [revoked, revoke] = useMutation(RevokeApiKey);
  const [rotated, rotate] = useMutation(RotateApiKey);
  const [rotation, setRotation] = useState<{ requestId: string; grace: string } | null>(null);
  const [repeated, setRepeated] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!rotation) return;
    const result = await rotate({ projectId, id: apiKey.id, gracePeriodSeconds: Number(rotation.grace), requestId: rotation.requestId });
    if (!result.data) return;
    setRotation(null);
    const { secret } = result.data.rotateApiKey;
    setRepeated(!secret);
    if (secret) onRotated(secret);
  };
  return (
    <div className="actions">
      {rotatable && !rotation && (
        <button type="button" onClick={() => { setRepeated(false); setRotation({ requestId: crypto.randomUUID(), grace: '3600' }); }}>Rotate</button>
      )}
      {apiKey.status !== 'REVOKED' && (
        <button type="button" className="danger" disabled={revoked.fetching} onClick={async () => { const r = await revoke({ projectId, id: apiKey.id }); if (r.data) onRevoked(); }}>Revoke</button>
      )}
      {rotation && (
        <form className="row" aria-label={`Rotate ${apiKey.name}`} onSubmit={submit}>
          <label>Grace period (seconds)
            <input type="number" min={0} max={MAX_GRACE} required value={rotation.grace} onChange={(e) => setRotation({ ...rotation, grace: e.target.value })} />
          </label>
          <button type="submit" disabled={rotated.fetching}>Rotate now</button>
          <button type="button" className="link" onClick={() => setRotation(null)}>Cancel</button>
        </form>
      )}
      {repeated && <p>Already rotated by this request; its secret was shown then.</p>}
      <ErrorMessage error={revoked.error ?? rotated.error} />
    </div>
  );
}
