import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import {
  Button,
  Card,
  checkAmount,
  CopyButton,
  endOfUtcDay,
  ErrorMessage,
  errorsOf,
  Field,
  fieldErrors,
  hasErrors,
  Notice,
  PageHeader,
  useFormState,
  utcToday,
  type Errors,
} from '../../components';
import { graphql } from '../../gql';
import { formatDate, money } from '../../lib/format';

const IssueRedemptionCodes = graphql(`
  mutation IssueRedemptionCodes($amount: Money!, $count: Int!, $expiresAt: DateTime!, $description: String) {
    issueRedemptionCodes(amount: $amount, count: $count, expiresAt: $expiresAt, description: $description) {
      batch {
        id
        amount
        count
        expiresAt
        description
      }
      codes
    }
  }
`);

const FIELDS = ['amount', 'count', 'expiresAt', 'description'] as const;
const EMPTY = { amount: '', count: '1', expiresAt: '', description: '' };

const validate = (form: typeof EMPTY): Errors =>
  errorsOf({
    amount: checkAmount(form.amount),
    count: /^\d{1,4}$/.test(form.count.trim()) && Number(form.count) >= 1 && Number(form.count) <= 1000 ? null : 'Enter a number from 1 to 1000.',
    expiresAt: form.expiresAt >= utcToday() ? null : 'Pick today or a later day.',
  });

/** Operators issue single-use codes worth an amount; the codes are answered once and never shown again. */
export function RedemptionCodesPage() {
  const [issued, issue] = useMutation(IssueRedemptionCodes);
  const [form, setForm, text] = useFormState(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validate(form);
    setErrors(found);
    if (hasErrors(found)) return;
    const result = await issue({
      amount: form.amount.trim(),
      count: Number(form.count),
      expiresAt: endOfUtcDay(form.expiresAt)!,
      description: form.description.trim() || null,
    });
    setErrors(fieldErrors(result.error, FIELDS));
    if (result.data) setForm(EMPTY);
  };
  const made = issued.data?.issueRedemptionCodes;
  return (
    <main>
      <PageHeader title="Redemption codes" />
      <Card title="Issue codes" description="Each code adds its amount to the wallet of the organization that redeems it, once.">
        <form aria-label="Issue redemption codes" noValidate onSubmit={submit}>
          <div className="fields">
            <Field label="Amount per code (USD)" error={errors.amount}>
              <input inputMode="decimal" placeholder="e.g. 10.00" {...text('amount')} />
            </Field>
            <Field label="Number of codes" error={errors.count}>
              <input inputMode="numeric" {...text('count')} />
            </Field>
            <Field label="Valid through (UTC day)" error={errors.expiresAt}>
              <input type="date" min={utcToday()} {...text('expiresAt')} />
            </Field>
            <Field label="Description" error={errors.description}>
              <input placeholder="e.g. Conference giveaway" {...text('description')} />
            </Field>
          </div>
          <Button type="submit" disabled={issued.fetching}>
            Issue codes
          </Button>
          {!hasErrors(errors) && <ErrorMessage error={issued.error} />}
        </form>
      </Card>
      {made && !issued.fetching && (
        <Card title="Issued codes" label="Issued codes">
          <p role="status">
            Issued {made.batch.count} {made.batch.count === 1 ? 'code' : 'codes'} of {money(made.batch.amount)} each, valid until{' '}
            {formatDate(made.batch.expiresAt)}
            {made.batch.description ? ` (${made.batch.description})` : ''}.
          </p>
          <Notice>
            <p className="row">
              <strong>Copy them now: only their hashes are kept, and they will not be shown again.</strong>
              <CopyButton value={made.codes.join('\n')} label="Copy all codes" />
            </p>
            <ul className="codes">
              {made.codes.map((code) => (
                <li key={code}>
                  <code>{code}</code>
                </li>
              ))}
            </ul>
          </Notice>
        </Card>
      )}
    </main>
  );
}
