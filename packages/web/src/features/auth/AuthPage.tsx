import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { graphql } from '../../gql';

const SignUp = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) { id email name isOperator }
  }
`);
const SignIn = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) { id email name isOperator }
  }
`);

export function AuthPage({ mode }: { mode: 'signIn' | 'signUp' }) {
  const navigate = useNavigate();
  // Only same-site paths: an open redirect would let a link send people anywhere after signing in.
  const next = useSearchParams()[0].get('next');
  const destination = next?.startsWith('/') && !next.startsWith('//') ? next : '/';
  const [signUpResult, signUp] = useMutation(SignUp);
  const [signInResult, signIn] = useMutation(SignIn);
  const [form, setForm] = useState({ email: '', name: '', password: '' });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = mode === 'signUp' ? await signUp({ input: form }) : await signIn({ input: { email: form.email, password: form.password } });
    if (!result.error) navigate(destination, { replace: true });
  };
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  return (
    <main className="narrow">
      <h1>{mode === 'signUp' ? 'Create your account' : 'Sign in to Tollgate'}</h1>
      <form onSubmit={submit} className="stack">
        <label>Email<input type="email" value={form.email} onChange={set('email')} required /></label>
        {mode === 'signUp' && <label>Name<input value={form.name} onChange={set('name')} required /></label>}
        <label>Password<input type="password" value={form.password} onChange={set('password')} required /></label>
        <button type="submit">{mode === 'signUp' ? 'Sign up' : 'Sign in'}</button>
        <ErrorMessage error={mode === 'signUp' ? signUpResult.error : signInResult.error} />
      </form>
      <p>
        {mode === 'signUp' ? <a href="/sign-in">I have an account</a> : <a href="/sign-up">Create an account</a>}
      </p>
    </main>
  );
}
