import { ErrorCode } from '@tollgate/domain';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Button, Card, errorCode, ErrorMessage, Field, fieldErrors, hasErrors, type Errors } from '../../components';
import { graphql } from '../../gql';
import { money } from '../../lib/format';

const RedeemCode = graphql(`
  mutation RedeemCode($organizationId: ID!, $code: String!) {
    redeemCode(organizationId: $organizationId, code: $code) {
      organizationId
      balance
      frozenAmount
      availableAmount
      currency
      isActive
    }
  }
`);

/** What the server's refusal of a code means, beside the field. */
const MESSAGES: Partial<Record<ErrorCode, string>> = {
  [ErrorCode.REDEMPTION_CODE_UNAVAILABLE]: 'This code is unknown, expired or already redeemed.',
  [ErrorCode.VALIDATION]: 'This is not a redemption code; codes look like TGR-XXXX-XXXX-XXXX-XXXX.',
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
    const beside = fieldErrors(result.error, ['code']);
    const refusal = errorCode(result.error);
    const known = refusal && MESSAGES[refusal];
    setErrors(beside.code ? { code: known ?? beside.code } : {});
    if (!result.data) return;
    setCode('');
    onRedeemed();
  };
  return (
    <Card title="Redeem a code">
      <form aria-label="Redeem a code" noValidate onSubmit={submit}>
        <div className="row">
          <Field label="Redemption code" error={errors.code}>
            <input value={code} placeholder="TGR-XXXX-XXXX-XXXX-XXXX" autoComplete="off" onChange={(e) => setCode(e.target.value)} />
          </Field>
          <Button type="submit" disabled={redeemed.fetching}>
            Redeem
          </Button>
        </div>
        {redeemed.data && !redeemed.fetching && !hasErrors(errors) && (
          <p role="status">Redeemed: the balance is now {money(redeemed.data.redeemCode.balance)}.</p>
        )}
        {!hasErrors(errors) && <ErrorMessage error={redeemed.error} />}
      </form>
    </Card>
  );
}
