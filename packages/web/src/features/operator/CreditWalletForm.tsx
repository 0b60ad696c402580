import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Button, Card, checkAmount, ErrorMessage, errorsOf, Field, fieldErrors, hasErrors, useFormState, type Errors } from '../../components';
import { graphql } from '../../gql';
import { money } from '../../lib/format';

const CreditWallet = graphql(`
  mutation CreditWallet($organizationId: ID!, $amount: Money!, $reference: String!, $description: String) {
    creditWallet(organizationId: $organizationId, amount: $amount, reference: $reference, description: $description) {
      organizationId
      balance
      availableAmount
      isActive
    }
  }
`);

const FIELDS = ['amount', 'reference', 'description'] as const;
const EMPTY = { amount: '', reference: '', description: '' };

/** Credits a payment to the wallet, once per reference; the first credit makes the organization prepaid. */
export function CreditWalletForm({ organization }: { organization: { id: string; displayName: string } }) {
  const [credited, credit] = useMutation(CreditWallet);
  const [form, , text] = useFormState(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = errorsOf({ amount: checkAmount(form.amount), reference: form.reference.trim() ? null : "Enter the payment's reference." });
    setErrors(found);
    if (hasErrors(found)) return;
    const result = await credit({
      organizationId: organization.id,
      amount: form.amount.trim(),
      reference: form.reference.trim(),
      description: form.description.trim() || null,
    });
    setErrors(fieldErrors(result.error, FIELDS));
  };
  const wallet = credited.data?.creditWallet;
  return (
    <Card
      title="Credit the wallet"
      description="A reference names one payment (an invoice or transfer id): crediting the same reference again changes nothing, so a retry is safe; the same reference with another amount is refused."
    >
      <form aria-label="Credit wallet" noValidate onSubmit={submit}>
        <div className="fields">
          <Field label="Amount (USD)" error={errors.amount}>
            <input inputMode="decimal" placeholder="e.g. 100.00" {...text('amount')} />
          </Field>
          <Field label="Reference" error={errors.reference}>
            <input placeholder="e.g. INV-2024-0042" {...text('reference')} />
          </Field>
          <Field label="Description" error={errors.description}>
            <input placeholder="Credit" {...text('description')} />
          </Field>
        </div>
        <Button type="submit" disabled={credited.fetching}>
          Credit wallet
        </Button>
        {wallet && !credited.fetching && (
          <p role="status">
            {organization.displayName}'s balance is now {money(wallet.balance)} (available {money(wallet.availableAmount)}
            {wallet.isActive ? '' : '; the wallet is inactive'}).
          </p>
        )}
        {!hasErrors(errors) && <ErrorMessage error={credited.error} />}
      </form>
    </Card>
  );
}
