import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Button, Card, ErrorMessage, Field, Loading } from '../../components';
import { formatDate } from '../../lib/format';
import { graphql } from '../../gql';

const JoinPreview = graphql(`
  query JoinPreview($token: String!) {
    invitationPreview(token: $token) {
      kind
      organizationDisplayName
      email
      name
      role
      expiresAt
    }
    me {
      id
      email
    }
  }
`);
const AcceptInvite = graphql(`
  mutation AcceptInvite($token: String!) {
    acceptInvite(token: $token) {
      id
      displayName
    }
  }
`);
const SignUpAndJoin = graphql(`
  mutation SignUpAndJoin($input: SignUpInput!) {
    signUp(input: $input) {
      id
    }
  }
`);

/** Where invite links land: join when signed in, or sign up and join in one step. */
export function JoinPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const [{ data, error }] = useQuery({ query: JoinPreview, variables: { token } });
  const [accepted, accept] = useMutation(AcceptInvite);
  const [signedUp, signUp] = useMutation(SignUpAndJoin);
  const [form, setForm] = useState({ email: '', name: '', password: '' });
  if (error)
    return (
      <main className="narrow">
        <Card>
          <h1>Invitation</h1>
          <ErrorMessage error={error} />
        </Card>
      </main>
    );
  if (!data)
    return (
      <main className="narrow">
        <Loading />
      </main>
    );
  const invite = data.invitationPreview;
  const here = `/join?token=${encodeURIComponent(token)}`;
  const name = form.name || invite.name || '';
  // A full reload after joining refreshes the organization switcher.
  const land = (organizationId: string) => window.location.assign(`/orgs/${organizationId}`);

  const join = async () => {
    const result = await accept({ token });
    if (result.data) land(result.data.acceptInvite.id);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await signUp({ input: { ...form, name, email: invite.email ?? form.email, inviteToken: token } });
    if (result.error) return;
    const joined = await accept({ token });
    if (joined.data) land(joined.data.acceptInvite.id);
    else navigate('/');
  };
  return (
    <main className="narrow">
      <Card>
        <h1>Join {invite.organizationDisplayName}</h1>
        <p>
          You are invited as {invite.role.toLowerCase()}
          {invite.expiresAt ? `; the invitation works until ${formatDate(invite.expiresAt)}` : ''}.
        </p>
        {data.me ? (
          <div className="stack">
            <p>Signed in as {data.me.email}.</p>
            <Button onClick={join} disabled={accepted.fetching}>
              Join {invite.organizationDisplayName}
            </Button>
          </div>
        ) : (
          <form className="stack" onSubmit={submit}>
            <Field label="Email">
              <input
                type="email"
                required
                readOnly={!!invite.email}
                value={invite.email ?? form.email}
                onChange={(e) => setForm({ ...form, email: e.target.value })}
              />
            </Field>
            <Field label="Name">
              <input required value={name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
            </Field>
            <Field label="Password">
              <input type="password" required value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
            </Field>
            <Button type="submit" disabled={signedUp.fetching}>
              Sign up and join
            </Button>
            <p>
              <Link to={`/sign-in?next=${encodeURIComponent(here)}`}>I have an account</Link>
            </p>
          </form>
        )}
        <ErrorMessage error={accepted.error ?? signedUp.error} />
      </Card>
    </main>
  );
}
