import { type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { Button, Card, ErrorMessage, Field, useFormState } from '../../components';
import { graphql } from '../../gql';

const SignUp = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      id
      email
      name
      isOperator
    }
  }
`);
const SignIn = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      id
      email
      name
      isOperator
    }
  }
`);

export function AuthPage({ mode }: { mode: 'signIn' | 'signUp' }) {
  const navigate = useNavigate();
  // Only same-site paths: an open redirect would let a link send people anywhere after signing in.
  const next = useSearchParams()[0].get('next');
  const destination = next?.startsWith('/') && !next.startsWith('//') ? next : '/';
  const [signUpResult, signUp] = useMutation(SignUp);
  const [signInResult, signIn] = useMutation(SignIn);
  const [form, , text] = useFormState({ email: '', name: '', password: '' });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = mode === 'signUp' ? await signUp({ input: form }) : await signIn({ input: { email: form.email, password: form.password } });
    if (!result.error) navigate(destination, { replace: true });
  };
  return (
    <main className="narrow">
      <Card>
        <h1>{mode === 'signUp' ? 'Create your account' : 'Sign in to Tollgate'}</h1>
        <form onSubmit={submit} className="stack" style={{ marginTop: 'var(--space-4)' }}>
          <Field label="Email">
            <input type="email" required {...text('email')} />
          </Field>
          {mode === 'signUp' && (
            <Field label="Name">
              <input required {...text('name')} />
            </Field>
          )}
          <Field label="Password">
            <input type="password" required {...text('password')} />
          </Field>
          <Button type="submit" disabled={signUpResult.fetching || signInResult.fetching}>
            {mode === 'signUp' ? 'Sign up' : 'Sign in'}
          </Button>
          <ErrorMessage error={mode === 'signUp' ? signUpResult.error : signInResult.error} />
        </form>
        <p>{mode === 'signUp' ? <Link to="/sign-in">I have an account</Link> : <Link to="/sign-up">Create an account</Link>}</p>
      </Card>
    </main>
  );
}
