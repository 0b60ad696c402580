import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Badge, Button, ErrorMessage, Field, fieldErrors, hasErrors, type Errors } from '../../components';
import { graphql, useFragment, type FragmentType } from '../../gql';

export const MobileNumberFields = graphql(`
  fragment MobileNumber on Me {
    id
    mobileNumber
    mobileVerified
  }
`);
const SetMobileNumber = graphql(`
  mutation SetMobileNumber($number: String) {
    setMobileNumber(number: $number) {
      ...MobileNumber
    }
  }
`);
const VerifyMobileNumber = graphql(`
  mutation VerifyMobileNumber($code: String!) {
    verifyMobileNumber(code: $code) {
      ...MobileNumber
    }
  }
`);

const E164 = /^\+[1-9]\d{6,14}$/;

/** The number (E.164), a code sent to it by SMS, and the code typed back to verify it. */
export function MobileNumberForm({ me: ref }: { me: FragmentType<typeof MobileNumberFields> }) {
  const me = useFragment(MobileNumberFields, ref);
  const [sent, send] = useMutation(SetMobileNumber);
  const [verified, verify] = useMutation(VerifyMobileNumber);
  const [number, setNumber] = useState(me.mobileNumber ?? '');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const sendCode = async (event: FormEvent) => {
    event.preventDefault();
    const value = number.replace(/[\s()-]/g, '');
    if (!E164.test(value)) return setErrors({ number: 'Enter the number with its country code, e.g. +14155550123.' });
    const result = await send({ number: value });
    setErrors(fieldErrors(result.error, ['number']));
    if (result.data) setNumber(value);
  };
  const submitCode = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) return setErrors({ code: 'Enter the 6 digits the SMS gave.' });
    const result = await verify({ code: code.trim() });
    setErrors(fieldErrors(result.error, ['code']));
    if (result.data) setCode('');
  };
  const remove = async () => {
    const result = await send({ number: null });
    if (result.data) setNumber('');
  };
  const pending = me.mobileNumber && !me.mobileVerified;
  return (
    <div className="stack">
      <p aria-label="Mobile number status">
        {me.mobileNumber ? (
          <>
            <code>{me.mobileNumber}</code> {me.mobileVerified ? <Badge tone="success">VERIFIED</Badge> : <Badge tone="warning">NOT VERIFIED</Badge>}
          </>
        ) : (
          'No mobile number: SMS alerts are not sent to you.'
        )}
      </p>
      <form aria-label="Set mobile number" noValidate onSubmit={sendCode} className="row">
        <Field label="Mobile number" error={errors.number} note="With the country code (E.164), e.g. +14155550123. A code is sent to it by SMS.">
          <input type="tel" autoComplete="tel" value={number} onChange={(e) => setNumber(e.target.value)} placeholder="+14155550123" />
        </Field>
        <Button type="submit" disabled={sent.fetching}>
          {pending ? 'Send a new code' : 'Send code'}
        </Button>
        {me.mobileNumber && (
          <Button variant="ghost" disabled={sent.fetching} onClick={remove}>
            Remove number
          </Button>
        )}
      </form>
      {!errors.number && <ErrorMessage error={sent.error} />}
      {pending && (
        <form aria-label="Verify mobile number" noValidate onSubmit={submitCode} className="row">
          <Field label="Verification code" error={errors.code} note="Valid for 10 minutes; each wrong code shortens that.">
            <input inputMode="numeric" autoComplete="one-time-code" maxLength={6} value={code} onChange={(e) => setCode(e.target.value)} />
          </Field>
          <Button type="submit" disabled={verified.fetching}>
            Verify
          </Button>
        </form>
      )}
      {!hasErrors(errors) && <ErrorMessage error={verified.error} />}
      {verified.data?.verifyMobileNumber && <p role="status">Your number is verified.</p>}
    </div>
  );
}
