import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { graphql } from '../../gql';
import { hasErrors, type Errors } from '../limits/fields';
import { errorsBeside, money } from './fields';
import { Field } from './Field';

const RedeemCode = graphql(`
  mutation RedeemCode($organizationId: ID!, $code: String!) {
    redeemCode(organizationId: $organizationId, code: $code) { organizationId balance frozenAmount availableAmount currency isActive }
  }
`);

/** What the server's refusal of a code means, beside the field. */
const MESSAGES: Record<string, string> = {
  REDEMPTION_CODE_UNAVAILABLE: 'This code is unknown, expired or already redeemed.',
  VALIDATION: 'This is not a redemption code; codes look like TGR-XXXX-XXXX-XXXX-XXXX.',
};

/** Adds a code's amount to the wallet (making the organization prepaid if it was not). */
export function RedeemCodeForm({ organizationId, onRedeemed }: { organizationId: string; onRedeemed: () => void }) {
  const [redeemed, redeem] = useMutation(RedeemCode);
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim()) {
      setErrors({ code: 'Enter a code.' });
      return;
    }
    const result = await redeem({ organizationId, code });
    const beside = errorsBeside(result.error, ['code']);
    const codeOf = String(result.error?.graphQLErrors[0]?.extensions?.code ?? '');
    setErrors(beside.code ? { code: MESSAGES[codeOf] ?? beside.code } : {});
    if (!result.data) return;
    setCode('');
    onRedeemed();
  };
  return (
    <section>
      <h2>Redeem a code</h2>
      <form aria-label="Redeem a code" noValidate onSubmit={submit}>
        <div className="row">
          <Field label="Redemption code" error={errors.code}>
            <input value={code} placeholder="TGR-XXXX-XXXX-XXXX-XXXX" autoComplete="off" onChange={(e) => setCode(e.target.value)} />
          </Field>
          <button type="submit" disabled={redeemed.fetching}>Redeem</button>
        </div>
        {redeemed.data && !redeemed.fetching && !hasErrors(errors) && <p role="status">Redeemed: the balance is now {money(redeemed.data.redeemCode.balance)}.</p>}
        {!hasErrors(errors) && <ErrorMessage error={redeemed.error} />}
      </form>
    </section>
  );
}
