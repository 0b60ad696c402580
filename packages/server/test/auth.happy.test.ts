import { describe, expect, it } from 'vitest';
import { startHarness } from './support/harness';

const h = await startHarness();

describe('sign up, sign in, sign out', () => {
  it('signs up, keeps the session in an httpOnly cookie and signs out', async () => {
    const client = h.anonymous();
    const signUp = await client.gql(`mutation { signUp(input: {email: "  Alice@Example.TEST ", name: "Alice", password: "Sturdy-Pass-1"}) { id email } }`);
    expect(signUp.data?.signUp.email).toBe('alice@example.test');
    expect((await client.gql('{ me { email } }')).data?.me.email).toBe('alice@example.test');
    await client.gql('mutation { signOut }');
    expect((await client.gql('{ me { email } }')).data?.me).toBeNull();
    const again = await client.gql(`mutation { signIn(input: {email: "ALICE@example.test", password: "Sturdy-Pass-1"}) { email } }`);
    expect(again.data?.signIn.email).toBe('alice@example.test');
  });
});
