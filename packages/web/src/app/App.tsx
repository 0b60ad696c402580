import { BrowserRouter, Link, Navigate, Route, Routes, useNavigate } from 'react-router';
import { Provider, useMutation, useQuery } from 'urql';
import { Button, Loading, ToastProvider } from '../components';
import { graphql } from '../gql';
import { OrganizationAlertsPage } from '../features/alerts/OrganizationAlertsPage';
import { ProjectAlertsPage } from '../features/alerts/ProjectAlertsPage';
import { AuthPage } from '../features/auth/AuthPage';
import { JoinPage } from '../features/invitations/JoinPage';
import { MembersPage } from '../features/members/MembersPage';
import { ApiKeysPage } from '../features/keys/ApiKeysPage';
import { OrganizationLimitsPage } from '../features/limits/OrganizationLimitsPage';
import { ProjectQuotaPage } from '../features/limits/ProjectQuotaPage';
import { CatalogPage } from '../features/operator/CatalogPage';
import { OrganizationsPage } from '../features/operator/OrganizationsPage';
import { OutboxPage } from '../features/operator/OutboxPage';
import { RedemptionCodesPage } from '../features/operator/RedemptionCodesPage';
import { WalletsPage } from '../features/operator/WalletsPage';
import { RequestsPage } from '../features/requests/RequestsPage';
import { TemplatesPage } from '../features/templates/TemplatesPage';
import { VerificationsPage } from '../features/operator/VerificationsPage';
import { WalletPage } from '../features/wallet/WalletPage';
import { OrganizationUsagePage } from '../features/usage/OrganizationUsagePage';
import { ProjectUsagePage } from '../features/usage/ProjectUsagePage';
import { CreateOrganizationPage } from '../features/organizations/CreateOrganizationPage';
import { OrganizationSettingsPage } from '../features/organizations/OrganizationSettingsPage';
import { OrganizationSwitcher } from '../features/organizations/OrganizationSwitcher';
import { ProjectPage } from '../features/projects/ProjectPage';
import { ProjectsPage } from '../features/projects/ProjectsPage';
import { ProfilePage } from '../features/profile/ProfilePage';
import { client } from './client';
import { OrganizationLayout } from './OrganizationLayout';
import { ProjectLayout } from './ProjectLayout';

const Me = graphql(`
  query Me {
    me {
      id
      name
      email
      isOperator
    }
    myOrganizations {
      id
      displayName
    }
  }
`);
const SignOut = graphql(`
  mutation SignOut {
    signOut
  }
`);

export function App() {
  return (
    <Provider value={client}>
      <ToastProvider>
        <BrowserRouter>
          <Routes>
            <Route path="/sign-in" element={<AuthPage mode="signIn" />} />
            <Route path="/sign-up" element={<AuthPage mode="signUp" />} />
            <Route path="/join" element={<JoinPage />} />
            <Route path="*" element={<SignedIn />} />
          </Routes>
        </BrowserRouter>
      </ToastProvider>
    </Provider>
  );
}

/** Everything behind sign-in: the header with the organization switcher, and the pages. */
function SignedIn() {
  const [{ data, fetching }] = useQuery({ query: Me });
  const [, signOut] = useMutation(SignOut);
  const navigate = useNavigate();
  if (fetching && !data)
    return (
      <main>
        <Loading />
      </main>
    );
  if (!data?.me) return <Navigate to="/sign-in" replace />;
  const organizations = data.myOrganizations;
  return (
    <>
      <header className="bar">
        <strong>Tollgate</strong>
        <Routes>
          <Route path="/orgs/:orgId/*" element={<OrganizationSwitcher organizations={organizations} />} />
          <Route path="*" element={<OrganizationSwitcher organizations={organizations} />} />
        </Routes>
        <span className="spacer" />
        {/* The platform operator's pages; the server refuses them to anyone else. */}
        {data.me.isOperator && (
          <nav aria-label="Operator">
            <Link to="/operator/catalog">Catalog</Link>
            <Link to="/operator/organizations">Organizations</Link>
            <Link to="/operator/verifications">Verifications</Link>
            <Link to="/operator/wallets">Wallets</Link>
            <Link to="/operator/redemption-codes">Redemption codes</Link>
            <Link to="/outbox">Outbox</Link>
          </nav>
        )}
        <Link to="/profile" title="Your profile and mobile number">
          {data.me.name}
        </Link>
        <Button
          variant="ghost"
          onClick={async () => {
            await signOut({});
            navigate('/sign-in');
            window.location.reload();
          }}
        >
          Sign out
        </Button>
      </header>
      <Routes>
        <Route path="/" element={organizations[0] ? <Navigate to={`/orgs/${organizations[0].id}`} replace /> : <Navigate to="/organizations/new" replace />} />
        <Route path="/organizations/new" element={<CreateOrganizationPage />} />
        <Route path="/orgs/:orgId" element={<OrganizationLayout />}>
          <Route index element={<ProjectsPage />} />
          <Route path="members" element={<MembersPage />} />
          <Route path="settings" element={<OrganizationSettingsPage />} />
          <Route path="limits" element={<OrganizationLimitsPage />} />
          <Route path="templates" element={<TemplatesPage />} />
          <Route path="wallet" element={<WalletPage />} />
          <Route path="usage" element={<OrganizationUsagePage />} />
          <Route path="alerts" element={<OrganizationAlertsPage />} />
        </Route>
        <Route path="/orgs/:orgId/projects/:projectId" element={<ProjectLayout />}>
          <Route index element={<ProjectPage />} />
          <Route path="keys" element={<ApiKeysPage />} />
          <Route path="requests" element={<RequestsPage />} />
          <Route path="quota" element={<ProjectQuotaPage />} />
          <Route path="usage" element={<ProjectUsagePage />} />
          <Route path="alerts" element={<ProjectAlertsPage />} />
        </Route>
        <Route path="/profile" element={<ProfilePage />} />
        <Route path="/outbox" element={<OutboxPage />} />
        <Route path="/operator/catalog" element={<CatalogPage />} />
        <Route path="/operator/organizations" element={<OrganizationsPage />} />
        <Route path="/operator/verifications" element={<VerificationsPage />} />
        <Route path="/operator/wallets" element={<WalletsPage />} />
        <Route path="/operator/redemption-codes" element={<RedemptionCodesPage />} />
        <Route
          path="*"
          element={
            <main>
              <p>Not found.</p>
            </main>
          }
        />
      </Routes>
    </>
  );
}
