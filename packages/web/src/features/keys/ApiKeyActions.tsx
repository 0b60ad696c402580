import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ActionsCell, Button, ConfirmDialog, Dialog, DialogClose, ErrorMessage, Field, useToast } from '../../components';
import { graphql, useFragment, type FragmentType } from '../../gql';

const ApiKeyActionsFields = graphql(`
  fragment ApiKeyActions on ApiKey {
    id
    name
    viewerCanRevoke
    viewerCanRotate
  }
`);
const RevokeApiKey = graphql(`
  mutation RevokeApiKey($projectId: ID!, $id: ID!) {
    revokeApiKey(projectId: $projectId, id: $id) {
      id
      status
      revokedAt
      viewerCanRevoke
      viewerCanRotate
    }
  }
`);
const RotateApiKey = graphql(`
  mutation RotateApiKey($projectId: ID!, $id: ID!, $gracePeriodSeconds: Int!, $requestId: String!) {
    rotateApiKey(projectId: $projectId, id: $id, gracePeriodSeconds: $gracePeriodSeconds, requestId: $requestId) {
      secret
      apiKey {
        id
      }
      previous {
        id
        expiresAt
        status
        viewerCanRotate
      }
    }
  }
`);

const MAX_GRACE = 86_400;

interface Props {
  projectId: string;
  apiKey: FragmentType<typeof ApiKeyActionsFields>;
  onRevoked: () => void;
  onRotated: (secret: string) => void;
}

/** The row's actions, as the server allows them on this key: revoke (asked first), rotate with a grace period. */
export function ApiKeyActions({ projectId, apiKey: ref, onRevoked, onRotated }: Props) {
  const apiKey = useFragment(ApiKeyActionsFields, ref);
  const [revoked, revoke] = useMutation(RevokeApiKey);
  const notify = useToast();
  return (
    <ActionsCell>
      {apiKey.viewerCanRotate && <RotateDialog projectId={projectId} apiKey={apiKey} onRotated={onRotated} />}
      {apiKey.viewerCanRevoke && (
        <ConfirmDialog
          title={`Revoke ${apiKey.name}?`}
          description="Calls with this key are refused on every proxy within a second. This cannot be undone."
          trigger={
            <Button variant="danger" size="small">
              Revoke
            </Button>
          }
          confirm="Revoke key"
          onConfirm={async () => {
            const result = await revoke({ projectId, id: apiKey.id });
            if (!result.data) return false;
            notify({ title: `Revoked ${apiKey.name}` });
            onRevoked();
            return true;
          }}
        />
      )}
      <ErrorMessage error={revoked.error} />
    </ActionsCell>
  );
}

/** Rotation in a dialog; one request id per opening, so a double submit mints once. */
function RotateDialog({ projectId, apiKey, onRotated }: { projectId: string; apiKey: { id: string; name: string }; onRotated: (secret: string) => void }) {
  const [rotated, rotate] = useMutation(RotateApiKey);
  const notify = useToast();
  const [rotation, setRotation] = useState<{ requestId: string; grace: string } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!rotation) return;
    const result = await rotate({ projectId, id: apiKey.id, gracePeriodSeconds: Number(rotation.grace), requestId: rotation.requestId });
    if (!result.data) return;
    setRotation(null);
    const { secret } = result.data.rotateApiKey;
    if (secret) onRotated(secret);
    else notify({ title: 'Already rotated by this request', description: 'Its secret was shown then.' });
  };
  return (
    <Dialog
      title={`Rotate ${apiKey.name}`}
      description="A new secret with the same settings; the old one keeps working for the grace period (at most 24 hours)."
      trigger={
        <Button variant="secondary" size="small">
          Rotate
        </Button>
      }
      open={rotation !== null}
      onOpenChange={(open) => setRotation(open ? { requestId: crypto.randomUUID(), grace: '3600' } : null)}
    >
      {rotation && (
        <form aria-label={`Rotate ${apiKey.name}`} onSubmit={submit}>
          <Field label="Grace period (seconds)" note="0 ends the old secret now.">
            <input
              type="number"
              min={0}
              max={MAX_GRACE}
              required
              value={rotation.grace}
              onChange={(e) => setRotation({ ...rotation, grace: e.target.value })}
            />
          </Field>
          <ErrorMessage error={rotated.error} />
          <div className="dialog-footer">
            <DialogClose />
            <Button type="submit" disabled={rotated.fetching}>
              Rotate now
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
