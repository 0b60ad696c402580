import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Button, Card, ErrorMessage, Field, fieldErrors } from '../../components';
import { graphql, useFragment, type FragmentType } from '../../gql';

const TimeZoneSettingFields = graphql(`
  fragment TimeZoneSetting on Organization {
    id
    timeZone
  }
`);
const SetOrganizationTimeZone = graphql(`
  mutation SetOrganizationTimeZone($organizationId: ID!, $timeZone: String!) {
    setOrganizationTimeZone(organizationId: $organizationId, timeZone: $timeZone) {
      id
      timeZone
    }
  }
`);

/** The zones this browser knows, offered as suggestions; the server validates whatever is typed. */
const ZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? ['UTC', ...Intl.supportedValuesOf('timeZone')] : ['UTC'];

/** The IANA zone the usage dashboards and the usage query follow by default (storage stays UTC); editable with CONFIGURE. */
export function TimeZoneSetting({ organization: ref, editable }: { organization: FragmentType<typeof TimeZoneSettingFields>; editable: boolean }) {
  const { id, timeZone } = useFragment(TimeZoneSettingFields, ref);
  const list = useId();
  const [value, setValue] = useState(timeZone);
  const [result, save] = useMutation(SetOrganizationTimeZone);
  const errors = fieldErrors(result.error, ['timeZone']);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await save({ organizationId: id, timeZone: value.trim() });
  };
  return (
    <Card
      title="Time zone"
      description="Days and months of the usage dashboards, the usage query and its CSV follow this zone unless a query names another. Budgets and quotas keep counting UTC days."
    >
      <form className="row" onSubmit={submit} aria-label="Time zone">
        <Field label="Organization time zone" note="An IANA name, such as Europe/Paris or Asia/Kolkata." error={errors.timeZone}>
          <input list={list} disabled={!editable} value={value} onChange={(e) => setValue(e.target.value)} autoComplete="off" spellCheck={false} />
        </Field>
        <datalist id={list}>
          {ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        {editable && (
          <Button type="submit" disabled={result.fetching}>
            Save time zone
          </Button>
        )}
      </form>
      {result.data && !result.fetching && <p role="status">Saved: {result.data.setOrganizationTimeZone.timeZone}.</p>}
      {!errors.timeZone && <ErrorMessage error={result.error} />}
    </Card>
  );
}
