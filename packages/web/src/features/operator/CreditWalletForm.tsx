import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useFormState } from '../../components/useFormState';
import { graphql } from '../../gql';
import { hasErrors, type Errors } from '../limits/fields';
import { checkAmount, errorsBeside, money } from '../wallet/fields';
import { Field } from '../wallet/Field';

const CreditWallet = graphql(`
  mutation CreditWallet($organizationId: ID!, $amount: Money!, $reference: String!, $description: String) {
    creditWallet(organizationId: $organizationId, amount: $amount, reference: $reference, description: $description) { organizationId balance availableAmount isActive }
  }
`);

const FIELDS = ['amount', 'reference', 'description'] as const;
const EMPTY = { amount: '', reference: '', description: '' };

/** Credits a payment to the wallet, once per reference; the first credit makes the organization prepaid. */
export function CreditWalletForm({ organization }: { organization: { id: string; displayName: string } }) {
  const [credited, credit] = useMutation(CreditWallet);
  const [form, setForm, text] = useFormState(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const amount = checkAmount(form.amount);
    const found = { ...(amount ? { amount } : {}), ...(form.reference.trim() ? {} : { reference: 'Enter the payment\'s reference.' }) };
    setErrors(found);
    if (hasErrors(found)) return;
    const result = await credit({ organizationId: organization.id, amount: form.amount.trim(), reference: form.reference.trim(), description: form.description.trim() || null });
    setErrors(errorsBeside(result.error, FIELDS));
  };
  const wallet = credited.data?.creditWallet;
  return (
    <section>
      <h2>Credit the wallet</h2>
      <p>A reference names one payment (an invoice or transfer id): crediting the same reference again changes nothing, so a retry is safe; the same reference with another amount is refused.</p>
      <form aria-label="Credit wallet" noValidate onSubmit={submit}>
        <div className="fields">
          <Field label="Amount (USD)" error={errors.amount}><input inputMode="decimal" placeholder="e.g. 100.00" {...text('amount')} /></Field>
          <Field label="Reference" error={errors.reference}><input placeholder="e.g. INV-2024-0042" {...text('reference')} /></Field>
          <Field label="Description" error={errors.description}><input placeholder="Credit" {...text('description')} /></Field>
        </div>
        <button type="submit" disabled={credited.fetching}>Credit wallet</button>
        {wallet && !credited.fetching && <p role="status">{organization.displayName}'s balance is now {money(wallet.balance)} (available {money(wallet.availableAmount)}{wallet.isActive ? '' : '; the wallet is inactive'}).</p>}
        {!hasErrors(errors) && <ErrorMessage error={credited.error} />}
      </form>
    </section>
  );
}
