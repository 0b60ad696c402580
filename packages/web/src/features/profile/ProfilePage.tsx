import { useQuery } from 'urql';
import { Card, ErrorMessage, Facts, Loading, PageHeader } from '../../components';
import { graphql } from '../../gql';
import { MobileNumberForm } from './MobileNumberForm';

const Profile = graphql(`
  query Profile {
    me {
      id
      name
      email
      ...MobileNumber
    }
  }
`);

/** The signed-in user: who they are, and the mobile number SMS alerts go to. */
export function ProfilePage() {
  const [{ data, error }] = useQuery({ query: Profile });
  return (
    <main>
      <PageHeader title="Profile" />
      <ErrorMessage error={error} />
      {!data?.me ? (
        <Loading />
      ) : (
        <>
          <Card title="Account">
            <Facts
              label="Account"
              items={[
                ['Name', data.me.name],
                ['Email', data.me.email],
              ]}
            />
          </Card>
          <Card
            title="Mobile number"
            label="Mobile number"
            description="Alerts that have SMS on are sent to verified numbers of the people they are for: organization admins, FINANCE members for the balance, project owners for their projects."
          >
            <MobileNumberForm me={data.me} />
          </Card>
        </>
      )}
    </main>
  );
}
